import { compileParties, paretoFrontier, Rng, syntheticScenario } from "@parley/core";
import { describe, expect, it } from "vitest";

describe("ε-approximate frontier for many parties", () => {
  it("covers every outcome to within the stated ε when the exact frontier is too large", () => {
    // Four parties in pure conflict: the partial frontiers outgrow a low exact limit.
    const scenario = syntheticScenario({ parties: 4, issues: 6, options: 6, seed: 1, values: "opposed" });
    expect(paretoFrontier(scenario).exact).toBe(true);
    const frontier = paretoFrontier(scenario, { epsilon: 0.01, exactLimit: 2000 });
    expect(frontier.exact).toBe(false);
    expect(frontier.epsilon).toBeGreaterThan(0);
    expect(frontier.epsilon).toBeLessThanOrEqual(0.01);
    const eps = frontier.epsilon ?? 0;
    const parties = compileParties(scenario);
    const rng = new Rng("cover");
    for (let s = 0; s < 1500; s++) {
      const o = scenario.space.sample(rng);
      const u = parties.map((p) => p.utility(o));
      const covered = frontier.points.some((p) => p.utilities.every((x, i) => x >= u[i] - eps - 1e-12));
      expect(covered).toBe(true);
    }
    // Each party's best outcome is within ε too.
    for (let i = 0; i < 4; i++) {
      const best = Math.max(...frontier.points.map((p) => p.utilities[i]));
      expect(best).toBeGreaterThanOrEqual(1 - eps - 1e-12);
    }
  });
});
