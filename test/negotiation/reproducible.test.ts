import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { resultSummary, runNegotiation, traceToJsonl } from "@parley/core";
import { describe, expect, it } from "vitest";
import { bundledScenarioPath, loadBundled } from "../helpers/scenarios.js";

const scenario = await loadBundled("anac/y2012/MusicCollectionA");
const run = (agents: string[], seed: number, protocol: "saop" | "mediated" = "saop") => {
  const r = runNegotiation(scenario, { agents, seed, protocol });
  return { trace: traceToJsonl(scenario.space, r.trace), json: JSON.stringify(resultSummary(r)) };
};

describe("reproducibility", () => {
  const lineups = [
    ["random", "random"],
    ["nash-frequency", "micro"],
    ["tft", "hardheaded"],
  ];
  for (const agents of lineups) {
    it(`${agents.join(" vs ")}: same seed, same trace and result, to the byte`, () => {
      const a = run(agents, 42);
      expect(run(agents, 42)).toEqual(a);
      expect(a.trace.length).toBeGreaterThan(100);
    });
  }

  it("the seed matters: random seats play differently under another seed", () => {
    expect(run(["random", "random"], 1).trace).not.toEqual(run(["random", "random"], 2).trace);
    expect(run(["linear", "linear"], 1, "mediated").trace).not.toEqual(
      run(["linear", "linear"], 2, "mediated").trace,
    );
  });

  it("mediated: same seed, same trace", () => {
    expect(run(["linear", "linear"], 7, "mediated")).toEqual(run(["linear", "linear"], 7, "mediated"));
  });

  it("parley negotiate: same seed ⇒ byte-identical --json and --trace", async () => {
    const cli = fileURLToPath(new URL("../../packages/cli/dist/main.js", import.meta.url));
    const dir = mkdtempSync(join(tmpdir(), "parley-negotiate-"));
    const once = (k: number) => {
      const trace = join(dir, `trace${k}.jsonl`);
      const args = [
        "negotiate",
        bundledScenarioPath("anac/y2010/ItexvsCypress"),
        "--agents",
        "random,nash-frequency",
      ];
      const json = execFileSync("node", [cli, ...args, "--seed", "9", "--json", "--trace", trace], {
        encoding: "utf8",
      });
      return { json, trace: readFileSync(trace, "utf8") };
    };
    const first = once(1);
    expect(once(2)).toEqual(first);
    const parsed = JSON.parse(first.json);
    expect(Object.keys(parsed)).toEqual([
      "agreement",
      "rounds",
      "utilities",
      "advantages",
      "welfare",
      "paretoDistance",
      "nashDistance",
      "ksDistance",
      "errors",
    ]);
    const lines = first.trace
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ round: 0, t: 0, seat: 0, action: "offer" });
    const itex = await loadBundled("anac/y2010/ItexvsCypress");
    expect(Object.keys(lines[0].offer)).toEqual(itex.space.issues.map((i) => i.name));
    expect(lines[0].utilities).toHaveLength(2);
    expect(lines.some((l) => "ms" in l)).toBe(false);
  });
});
