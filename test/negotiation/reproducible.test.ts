import { resultSummary, runNegotiation, traceToJsonl } from "@parley/core";
import { describe, expect, it } from "vitest";
import { loadBundled } from "../helpers/scenarios.js";

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
});
