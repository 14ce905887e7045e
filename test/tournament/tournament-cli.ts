import { readFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { bundledScenarioPath } from "../helpers/scenarios.js";

export const LAPTOP = bundledScenarioPath("anac/y2012/LaptopA");
export const CAR = bundledScenarioPath("anac/y2012/CarA");
export const ITEX = bundledScenarioPath("anac/y2012/ItexvsCypressA");

export { removeTempDirs, tempDir } from "../helpers/temp.js";

/** Results in a tournament store: how many, and how many distinct job ids. */
export function storeCounts(out: string): { results: number; distinct: number; planned: number } {
  const db = new Database(join(out, "tournament.sqlite"), { readonly: true, fileMustExist: true });
  try {
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    return {
      results: count("SELECT COUNT(*) AS n FROM results"),
      distinct: count("SELECT COUNT(DISTINCT job_id) AS n FROM results"),
      planned: count("SELECT COUNT(*) AS n FROM jobs"),
    };
  } finally {
    db.close();
  }
}

/** results.csv as records keyed by its header. */
export function readResultsCsv(out: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(join(out, "results.csv"), "utf8").trim().split("\n");
  const keys = header.split(",");
  return lines.map((line) => Object.fromEntries(splitCsv(line).map((v, i) => [keys[i], v])));
}

function splitCsv(line: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      out.push(cur);
      cur = "";
    } else cur += c;
  }
  out.push(cur);
  return out;
}
