import { describeRule, everyone, membersOf, popCount } from "../model/agreement-rule.js";
import type { Scenario } from "../model/scenario.js";
import { type AnalysisContext, analysisContext, coalitionContext, inZone, reservations } from "./context.js";
import { maxOf } from "./extremes.js";
import { frontierOf } from "./frontier.js";
import { coalitionCanAgree } from "./reach.js";
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
  if (context.rule.kind === "unanimity") return unanimousSolutions(context, frontier);
  const passing = passingCoalition(context, frontier);
  if (passing === null) return unanimousSolutions(context, frontier, ruleReason(context));
  const { members, solutions } = passing;
  const all = (p: FrontierPoint | null) =>
    p && { outcome: p.outcome, utilities: context.utilities.map((u) => u.utility(p.outcome)) };
  return {
    nash: all(solutions.nash),
    kalaiSmorodinsky: all(solutions.kalaiSmorodinsky),
    egalitarian: all(solutions.egalitarian),
    maxWelfare: all(solutions.maxWelfare) as FrontierPoint,
    coalition: members,
  };
}

/**
 * The largest winning coalition whose members can all accept some package,
 * with the solution points over its members; of equal sizes, the one with
 * the largest Nash product. Null when no winning coalition can agree.
 */
function passingCoalition(
  context: AnalysisContext,
  frontier: Frontier,
): { members: number[]; solutions: SolutionPoints } | null {
  const n = context.utilities.length;
  const bySize = new Map<number, number[]>();
  for (let m = 1; m <= everyone(n); m++) {
    if (!context.wins(m)) continue;
    const size = popCount(m);
    bySize.set(size, [...(bySize.get(size) ?? []), m]);
  }
  const agrees = coalitionCanAgree(context);
  for (let size = n; size >= 1; size--) {
    let best: { members: number[]; solutions: SolutionPoints; product: number } | null = null;
    for (const mask of bySize.get(size) ?? []) {
      if (!agrees(mask)) continue;
      const members = membersOf(mask, n);
      const sub = coalitionContext(context, members);
      // Everyone over the same options: the frontier already computed is theirs.
      const same = size === n && sameOptions(sub.admissible.options, context.admissible.options);
      const solutions = unanimousSolutions(sub, same ? frontier : frontierOf(sub));
      const r = reservations(sub);
      const product = solutions.nash ? solutions.nash.utilities.reduce((a, u, p) => a * (u - r[p]), 1) : -1;
      if (best === null || product > best.product) best = { members, solutions, product };
    }
    if (best !== null) return best;
  }
  return null;
}

function sameOptions(a: readonly (readonly number[])[], b: readonly (readonly number[])[]): boolean {
  return a.every((opts, i) => opts.length === b[i].length && opts.every((k, j) => k === b[i][j]));
}

function unanimousSolutions(
  context: AnalysisContext,
  frontier: Frontier,
  reasonGiven?: string,
): SolutionPoints {
  const r = reservations(context);
  const points = frontier.points;
  if (points.length === 0) throw new RangeError("the frontier has no point");
  const best = r.map((_, p) => maxOf(points.map((x) => x.utilities[p])));
  const zone = points.filter((x) => inZone(context, x));
  const gains = (x: FrontierPoint) => x.utilities.map((u, p) => u - r[p]);
  const maxWelfare = argmax(points, (x) => x.utilities.reduce((a, b) => a + b, 0))!;
  if (zone.length === 0) {
    const reason = reasonGiven ?? emptyZoneReason(context, frontier);
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

/** Why no winning coalition can agree, in words a mediator reads. */
function ruleReason(context: AnalysisContext): string {
  const names = context.scenario.parties.map((p) => p.name);
  return `no package is accepted by a winning coalition under ${describeRule(context.rule, names)}`;
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
