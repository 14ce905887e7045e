import {
  danceOf,
  danceSpec,
  type Leaderboard,
  leaderboardChart,
  paretoFrontier,
  referenceAnalysis,
  runNegotiation,
  selectParties,
} from "@parley/core";
import { describe, expect, it } from "vitest";
import { renderSvg } from "../../packages/cli/src/plot-render.js";
import { loadScenario } from "../../packages/cli/src/scenario-loader.js";
import { loadBundled } from "../helpers/scenarios.js";

/** True when no point of the line is dominated by another: a frontier of two parties, not a projected cloud. */
function isTwoPartyFrontier(points: readonly [number, number][]): boolean {
  const eps = 1e-9;
  return points.every(([x, y]) =>
    points.every(([u, v]) => !(u >= x - eps && v >= y - eps && (u > x + eps || v > y + eps))),
  );
}

describe("the dance plot", () => {
  it("gives the dashed frontier a legend entry", async () => {
    const scenario = await loadBundled("anac/y2010/EnglandZimbabwe");
    const analysis = referenceAnalysis(scenario);
    const result = runNegotiation(scenario, { agents: ["linear", "conceder"], seed: 1, analysis });
    const svg = await renderSvg(danceSpec(danceOf(scenario, result, analysis)));
    expect(svg).toContain("Pareto frontier");
  });

  it("on the 4-party peace plan draws the two plotted parties' frontier and says how far the agreement is from the 4-party one", async () => {
    const scenario = await loadScenario(
      new URL("../../scenarios/peace-plan/plan.yaml", import.meta.url).pathname,
    );
    const analysis = referenceAnalysis(scenario);
    const result = runNegotiation(scenario, {
      protocol: "mediated",
      agents: ["linear", "linear", "linear", "linear"],
      rounds: 300,
      seed: 1,
      analysis,
    });
    const dance = danceOf(scenario, result, analysis);
    // The 4-party frontier projected on two axes is dominated almost everywhere; the line drawn is not.
    expect(isTwoPartyFrontier(analysis.frontier.points.map((p) => [p.utilities[0], p.utilities[1]]))).toBe(
      false,
    );
    expect(isTwoPartyFrontier(dance.frontier)).toBe(true);
    expect(dance.frontier).toHaveLength(paretoFrontier(selectParties(scenario, [0, 1])).points.length);
    expect(dance.frontierLabel).toBe("Pareto frontier of these two parties");
    expect(dance.nashLabel).toBe("Nash point of all 4 parties");
    const text = dance.agreement
      ? `The agreement is ${result.metrics!.paretoDistance!.toFixed(3)} from the 4-party Pareto frontier`
      : "With 4 parties, a package on the 4-party Pareto frontier";
    expect(dance.note?.[0]).toContain(text);
    const svg = await renderSvg(danceSpec(dance));
    expect(svg).toContain("Pareto frontier of these two parties");
    expect(svg).toContain(text);
  });
});

describe("the leaderboard plot", () => {
  it("clips confidence intervals to the utility range [0, 1]", () => {
    const estimate = (mean: number, ci: [number, number]) => ({ mean, ci });
    const board = {
      agents: [
        { name: "a", utility: estimate(0.95, [0.7, 1.3]) },
        { name: "b", utility: estimate(0.1, [-0.2, 0.4]) },
      ],
    } as unknown as Leaderboard;
    const chart = leaderboardChart(board) as { data: { values: { lo: number; hi: number }[] } };
    expect(chart.data.values.map((v) => [v.lo, v.hi])).toEqual([
      [0.7, 1],
      [0, 0.4],
    ]);
  });
});
