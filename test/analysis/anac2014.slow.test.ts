import { readFileSync } from "node:fs";
import { analyze, paretoFrontier } from "@parley/core";
import { describe, expect, it } from "vitest";
import { bundledScenarioPath, loadBundled } from "../helpers/scenarios.js";

/** The reference frontier GENIUS ships beside the scenario: "u1, u2" lines. */
function paretoXml(rel: string): number[][] {
  return readFileSync(`${bundledScenarioPath(rel)}/pareto.xml`, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => line.split(",").map(Number));
}

describe("search-based frontier on the ANAC 2014 hyper-rectangle scenarios (10^10 outcomes)", () => {
  it.each(["anac/y2014/10issues", "anac/y2014/10issuesDiscountedwithRV"])(
    "%s: weakly dominates every reference point to within 0.01",
    async (rel) => {
      const frontier = paretoFrontier(await loadBundled(rel));
      expect(frontier.exact).toBe(false);
      const reference = paretoXml(rel);
      expect(reference.length).toBeGreaterThan(5);
      for (const r of reference) {
        const margin = Math.max(
          ...frontier.points.map((p) => Math.min(p.utilities[0] - r[0], p.utilities[1] - r[1])),
        );
        expect(margin).toBeGreaterThanOrEqual(-0.01);
      }
    },
  );

  it("is deterministic for a seed", async () => {
    const scenario = await loadBundled("anac/y2014/10issues");
    expect(paretoFrontier(scenario, { seed: 5 })).toEqual(paretoFrontier(scenario, { seed: 5 }));
  });

  it("diagnoses a blocked plan by search, and each unblocking package reaches both reservations", async () => {
    const scenario = await loadBundled("anac/y2014/10issuesDiscountedwithRV");
    // The last four points settled on 0 leave no outcome worth 0.75 to both parties.
    const settled = scenario.space.issues.map((_, i) => (i >= 6 ? 0 : null));
    const report = analyze(scenario, { settled });
    expect(report.zone.empty).toBe(true);
    const blocking = report.blocking!;
    expect(blocking.exact).toBe(false);
    expect(blocking.sets.length).toBeGreaterThan(0);
    for (const s of blocking.sets) {
      expect(s.reopen.every((i) => i >= 6)).toBe(true);
      for (const u of s.nash?.utilities ?? [0, 0]) expect(u).toBeGreaterThanOrEqual(0.75);
    }
  });
});
