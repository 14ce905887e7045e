import { ANALYSIS_STEPS, type AnalysisStep, analyze, syntheticScenario } from "@parley/core";
import { describe, expect, it } from "vitest";

describe("analyze's onStep", () => {
  const plan = { parties: 2, issues: 3, options: 3, seed: 4 };

  it("names each step as it starts, in order, skipping blocking and draft when they do not run", () => {
    const scenario = syntheticScenario({ ...plan, reservation: 0 });
    const steps: [AnalysisStep, number][] = [];
    const report = analyze(scenario, { onStep: (s, within) => steps.push([s, within]) });
    expect(report.zone.empty).toBe(false);
    expect(steps.filter(([, within]) => within === 0).map(([s]) => s)).toEqual([
      "frontier",
      "zone",
      "points",
      "solutions",
      "trades",
      "coalitions",
    ]);
    // The frontier tells its progress as it merges issue by issue: one report per issue, up to 1.
    const frontier = steps.filter(([s]) => s === "frontier").map(([, within]) => within);
    expect(frontier).toEqual([0, 1 / 3, 2 / 3, 1]);
    expect(report).toEqual(analyze(scenario));
  });

  it("runs every step for a blocked plan with a draft under review", () => {
    const scenario = syntheticScenario({ ...plan, reservation: 0.99 });
    const steps: AnalysisStep[] = [];
    const report = analyze(scenario, {
      draft: [0, 0, 0],
      onStep: (s, within) => within === 0 && steps.push(s),
    });
    expect(report.zone.empty).toBe(true);
    expect(steps).toEqual([...ANALYSIS_STEPS]);
  });
});
