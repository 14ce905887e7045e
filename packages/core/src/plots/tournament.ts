import type { TournamentPlan } from "../tournament/plan.js";
import type { JobResult } from "../tournament/result.js";
import type { Leaderboard } from "../tournament/score.js";
import { VEGA_LITE_SCHEMA, type VegaLiteSpec } from "./spec.js";

type Chart = Record<string, unknown>;

/** Utilities lie in [0, 1]: a Student-t interval on few or skewed samples can reach past either end. */
const clipUtility = (u: number) => Math.min(1, Math.max(0, u));

/** Mean utility per agent with its 95% interval (clipped to [0, 1]) as an error bar, best first. */
export function leaderboardChart(board: Leaderboard): Chart {
  const values = board.agents
    .filter((a) => Number.isFinite(a.utility.mean))
    .map((a, rank) => ({
      agent: a.name,
      rank,
      utility: a.utility.mean,
      lo: clipUtility(a.utility.ci?.[0] ?? a.utility.mean),
      hi: clipUtility(a.utility.ci?.[1] ?? a.utility.mean),
    }));
  const y = { field: "agent", type: "nominal", sort: { field: "rank" }, title: null };
  return {
    title: "Mean utility per agent (95% CI, within [0, 1])",
    width: 420,
    data: { values },
    layer: [
      {
        mark: { type: "rule", strokeWidth: 2 },
        encoding: {
          y,
          x: { field: "lo", type: "quantitative", title: "utility", scale: { domain: [0, 1] } },
          x2: { field: "hi" },
        },
      },
      {
        mark: { type: "point", filled: true, size: 80 },
        encoding: {
          y,
          x: { field: "utility", type: "quantitative", scale: { domain: [0, 1] } },
          tooltip: [
            { field: "agent" },
            { field: "utility", format: ".3f" },
            { field: "lo", title: "95% CI from", format: ".3f" },
            { field: "hi", title: "95% CI to", format: ".3f" },
          ],
        },
      },
    ],
  };
}

/** Distribution of each agent's utility over its seats (negotiations that ended normally), as box plots. */
export function utilityDistributionChart(
  board: Leaderboard,
  plan: TournamentPlan,
  results: Iterable<JobResult>,
): Chart {
  const byId = new Map(plan.jobs.map((j) => [j.id, j]));
  const values: { agent: string; utility: number }[] = [];
  for (const r of results) {
    const job = byId.get(r.jobId);
    if (job === undefined || r.status !== "ok" || r.score === null) continue;
    const score = r.score;
    job.lineup.forEach((a, seat) => {
      values.push({ agent: plan.spec.agents[a].name, utility: score.utilities[seat] });
    });
  }
  return {
    title: "Utility distribution per agent",
    width: 420,
    data: { values },
    // Outliers stay out of the accessibility tree (each box's label already gives min and max): without
    // outliers their empty layer would otherwise be an unnamed graphic to a screen reader (and to axe).
    mark: { type: "boxplot", extent: 1.5, outliers: { aria: false } },
    encoding: {
      y: { field: "agent", type: "nominal", sort: board.agents.map((a) => a.name), title: null },
      x: { field: "utility", type: "quantitative", scale: { domain: [0, 1] } },
    },
  };
}

/** Both charts, stacked: what `parley tournament --plot` draws. */
export function tournamentPlotSpec(
  board: Leaderboard,
  plan: TournamentPlan,
  results: Iterable<JobResult>,
): VegaLiteSpec {
  return {
    $schema: VEGA_LITE_SCHEMA,
    vconcat: [leaderboardChart(board), utilityDistributionChart(board, plan, results)],
    config: { font: "sans-serif" },
  };
}
