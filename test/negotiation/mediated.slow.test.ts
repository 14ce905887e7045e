import { PreparedScenario, referenceAnalysis, runNegotiation, syntheticScenario } from "@parley/core";
import { describe, expect, it } from "vitest";
import { bundledScenarios, loadBundled } from "../helpers/scenarios.js";

describe("mediated protocol quality on the bundled scenarios", () => {
  it("with truthful parties, most runs agree within 0.05 of the Pareto frontier", async () => {
    const seeds = [0, 1, 2];
    const tally: Record<string, { near: number; runs: number }> = {
      annealing: { near: 0, runs: 0 },
      frontier: { near: 0, runs: 0 },
    };
    for (const rel of bundledScenarios()) {
      const s = await loadBundled(rel);
      if (s.space.size > 300_000n || s.parties.length > 4) continue;
      const prepared = new PreparedScenario(s);
      const analysis = referenceAnalysis(s);
      for (const mediator of Object.keys(tally)) {
        for (const seed of seeds) {
          const agents = s.parties.map(() => "linear");
          const r = runNegotiation(prepared, { protocol: "mediated", mediator, agents, seed, analysis });
          tally[mediator].runs++;
          if (r.endedBy === "agreement" && r.metrics!.paretoDistance! <= 0.05) tally[mediator].near++;
        }
      }
    }
    const rate = (m: string) => tally[m].near / tally[m].runs;
    console.log(
      `mediated, within 0.05 of the frontier: ${Object.keys(tally)
        .map((m) => `${m} ${tally[m].near}/${tally[m].runs} (${(100 * rate(m)).toFixed(1)}%)`)
        .join(", ")}`,
    );
    expect(tally.frontier.runs).toBeGreaterThan(250);
    expect(rate("frontier")).toBeGreaterThanOrEqual(0.9);
    expect(rate("annealing")).toBeGreaterThanOrEqual(0.75);
  });

  it("on big plans (15 points × 6 options, 4.7·10^11 outcomes) the default deadline gives the mediator room to reach the frontier", () => {
    let near = 0;
    for (let seed = 0; seed < 10; seed++) {
      const s = syntheticScenario({ parties: 2, issues: 15, options: 6, seed });
      const r = runNegotiation(s, {
        protocol: "mediated",
        mediator: "frontier",
        agents: ["linear", "linear"],
        seed,
      });
      expect(r.rounds).toBe(20 * 15 * 6);
      if (r.endedBy === "agreement" && r.metrics!.paretoDistance! <= 0.05) near++;
    }
    console.log(`mediated (frontier) on 15×6 synthetic plans: ${near}/10 within 0.05 of the frontier`);
    expect(near).toBeGreaterThanOrEqual(8);
  });
});
