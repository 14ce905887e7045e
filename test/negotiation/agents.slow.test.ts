import { PreparedScenario, referenceAnalysis, runNegotiation } from "@parley/core";
import { describe, expect, it } from "vitest";
import { bundledScenarios, loadBundled } from "../helpers/scenarios.js";

describe("built-in agents across the bundled scenarios", () => {
  it("nash-frequency against itself agrees everywhere and nearer the Nash point than Boulware vs Conceder", async () => {
    const tally = { nash: { agreed: 0, distance: 0 }, time: { agreed: 0, distance: 0 }, runs: 0 };
    for (const rel of bundledScenarios()) {
      const s = await loadBundled(rel);
      if (s.parties.length !== 2 || s.space.size > 300_000n) continue;
      const analysis = referenceAnalysis(s);
      if (!analysis.solutions.nash) continue;
      const prepared = new PreparedScenario(s);
      tally.runs++;
      for (const [key, agents] of [
        ["nash", ["nash-frequency", "nash-frequency"]],
        ["time", ["boulware", "conceder"]],
      ] as const) {
        const r = runNegotiation(prepared, { agents: [...agents], seed: 1, analysis });
        if (r.endedBy !== "agreement") continue;
        tally[key].agreed++;
        tally[key].distance += r.metrics!.nashDistance!;
      }
    }
    const mean = (k: "nash" | "time") => tally[k].distance / tally[k].agreed;
    console.log(
      `${tally.runs} scenarios: nash-frequency self-play agreed ${tally.nash.agreed}, mean distance to Nash ${mean("nash").toFixed(3)}; boulware vs conceder agreed ${tally.time.agreed}, ${mean("time").toFixed(3)}`,
    );
    expect(tally.nash.agreed / tally.runs).toBeGreaterThanOrEqual(0.95);
    expect(mean("nash")).toBeLessThan(mean("time"));
  });
});
