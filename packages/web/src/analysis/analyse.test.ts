import { syntheticScenario, writeParleyScenario } from "@parley/core";
import { describe, expect, it } from "vitest";
import { analyse } from "./analyse";

describe("analyse's progress", () => {
  it("reports each stage with a fraction done that only grows, from 0 to the plot's sampling", () => {
    // 6^8 outcomes: more than the plot's 3,000, so the cloud is sampled (and reports as it goes).
    const scenario = syntheticScenario({ parties: 2, issues: 8, options: 6, seed: 2, reservation: 0.99 });
    const seen: [string, number][] = [];
    const result = analyse(
      { json: writeParleyScenario(scenario, "json"), settled: scenario.space.issues.map(() => null) },
      (stage, fraction) => seen.push([stage, fraction]),
    );
    expect(result.zone.empty).toBe(true);
    expect(seen[0]).toEqual(["Reading the scenario", 0]);
    const fractions = seen.map(([, f]) => f);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(Math.max(...fractions)).toBeLessThan(1);
    expect(new Set(seen.map(([s]) => s))).toEqual(
      new Set([
        "Reading the scenario",
        "Pareto frontier",
        "Agreement zone",
        "Each point's weights and conflict",
        "Solutions",
        "Blocking points",
        "Two-point trades",
        "Coalitions",
        "Sampling outcomes for the plot",
      ]),
    );
    // The sampling reports within its own share: several fractions under the same label.
    expect(seen.filter(([s]) => s === "Sampling outcomes for the plot").length).toBeGreaterThan(1);
  });
});
