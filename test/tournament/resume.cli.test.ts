import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { CAR, ITEX, LAPTOP, removeTempDirs, storeCounts, tempDir } from "./tournament-cli.js";

const MAIN = fileURLToPath(new URL("../../packages/cli/dist/main.js", import.meta.url));
const AGENTS = "boulware,conceder,linear,tft,micro";
// 3 scenarios × 25 ordered pairs × 60 reps: long enough to be killed in the middle.
const PLANNED = 3 * 25 * 60;

const args = (out: string) => [
  "tournament",
  LAPTOP,
  CAR,
  ITEX,
  "--agents",
  AGENTS,
  "--reps",
  "60",
  "--out",
  out,
];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts the tournament, waits until `when()` holds (polling every 5 ms), then SIGKILLs it. */
async function killWhen(out: string, when: () => boolean): Promise<void> {
  const child = spawn(process.execPath, [MAIN, ...args(out), "--workers", "2"], { stdio: "ignore" });
  const exited = new Promise((r) => child.on("exit", r));
  for (let waited = 0; waited < 50_000 && !when(); waited += 5) await sleep(5);
  child.kill("SIGKILL");
  await exited;
}

/** Results in the store, 0 while it does not exist yet. */
function resultsNow(out: string): number {
  try {
    return storeCounts(out).results;
  } catch {
    return 0;
  }
}

afterAll(removeTempDirs);

describe("parley tournament after kill -9", () => {
  it("resumes with exactly the planned negotiations, none twice, and the uninterrupted leaderboard", async () => {
    const out = tempDir();
    // As soon as the store file appears: possibly while the plan is being written.
    await killWhen(out, () => existsSync(join(out, "tournament.sqlite")));
    await killWhen(out, () => resultsNow(out) > 0);
    const first = storeCounts(out).results;
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(PLANNED);
    await killWhen(out, () => resultsNow(out) > first);
    const second = storeCounts(out).results;
    expect(second).toBeGreaterThan(first);
    expect(second).toBeLessThan(PLANNED);

    const resumed = runCli([...args(out), "--json"]);
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(storeCounts(out)).toEqual({ results: PLANNED, distinct: PLANNED, planned: PLANNED });

    const uninterrupted = runCli([...args(join(tempDir(), "out")), "--json"]);
    expect(uninterrupted.status).toBe(0);
    expect(resumed.stdout).toBe(uninterrupted.stdout);
    expect(JSON.parse(resumed.stdout).negotiations).toBe(PLANNED);
  });
});
