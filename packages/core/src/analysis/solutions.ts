import type { Scenario } from "../model/scenario.js";
import { type AnalysisContext, analysisContext, inZone, reservations } from "./context.js";
import { maxOf } from "./extremes.js";
import type { AnalysisOptions, Frontier, FrontierPoint, SolutionPoints } from "./types.js";

/**
 * Nash, Kalai–Smorodinsky and egalitarian points over the agreement zone,
 * relative to the reservation values at time 0, and max welfare over all
 * admissible outcomes. Each maximum over the zone is reached on the frontier
 * (improving every party keeps an outcome in the zone), so only frontier
 * points are scored. Ties go to the first point in frontier order.
 */
export function solutionPoints(
  scenario: Scenario,
  frontier: Frontier,
  options: AnalysisOptions = {},
): SolutionPoints {
  return solutionsOf(analysisContext(scenario, options), frontier);
}

export function solutionsOf(context: AnalysisContext, frontier: Frontier): SolutionPoints {
  const r = reservations(context);
  const points = frontier.points;
  if (points.length === 0) throw new RangeError("the frontier has no point");
  const best = r.map((_, p) => maxOf(points.map((x) => x.utilities[p])));
  const zone = points.filter((x) => inZone(context, x));
  const gains = (x: FrontierPoint) => x.utilities.map((u, p) => u - r[p]);
  const maxWelfare = argmax(points, (x) => x.utilities.reduce((a, b) => a + b, 0))!;
  if (zone.length === 0) {
    const reason = emptyZoneReason(context, frontier);
    return {
      nash: null,
      kalaiSmorodinsky: null,
      egalitarian: null,
      maxWelfare,
      reasons: { nash: reason, kalaiSmorodinsky: reason, egalitarian: reason },
    };
  }
  return {
    nash: argmax(zone, (x) => gains(x).reduce((a, b) => a * b, 1)),
    kalaiSmorodinsky: argmax(zone, (x) =>
      Math.min(...gains(x).map((g, p) => (best[p] - r[p] > 0 ? g / (best[p] - r[p]) : 0))),
    ),
    egalitarian: argmax(zone, (x) => Math.min(...gains(x))),
    maxWelfare,
  };
}

function argmax<T>(items: readonly T[], score: (x: T) => number): T | null {
  let best: T | null = null;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const x of items) {
    const s = score(x);
    if (s > bestScore) {
      best = x;
      bestScore = s;
    }
  }
  return best;
}

/** Why no solution point exists, in words a mediator reads. */
function emptyZoneReason(context: AnalysisContext, frontier: Frontier): string {
  const { scenario, admissible } = context;
  if (admissible.redLineBlocked.length > 0) {
    const names = admissible.redLineBlocked.map((i) => scenario.space.issues[i].name).join(", ");
    return `every option of ${names} is on some party's red line`;
  }
  const anySettled = (context.options.settled ?? []).some((f) => f !== null && f !== undefined);
  const redLines = context.utilities.some((u) => u.profile.redLines.length > 0);
  return [
    "no outcome",
    frontier.exact ? "" : " found (approximate frontier)",
    anySettled ? " with the settled points" : "",
    " gives every party at least its reservation value",
    redLines ? " without crossing a red line" : "",
  ].join("");
}
