import { membersOf, minimalWinningCoalitions } from "../model/agreement-rule.js";
import { Rng } from "../model/rng.js";
import { acceptanceCounts, countedAcceptance, countWhere } from "./acceptance.js";
import { admissibleSize } from "./admissible.js";
import {
  type AnalysisContext,
  coalitionContext,
  inZone,
  isAdditive,
  reservations,
  settledOnRedLine,
} from "./context.js";
import { QUANTUM } from "./dominance.js";
import { maxOf } from "./extremes.js";
import { frontierOf } from "./frontier.js";
import { iteratedLocalSearch } from "./frontier-search.js";

/**
 * What the parties can reach under some settled points, asked many times by
 * the blocking diagnosis. Exact (from the frontier) when utilities are
 * additive or the space is small; otherwise by seeded local search, which can
 * miss (see reachIsExact).
 */

/** Non-additive spaces up to this size are answered from the (enumerated) frontier. */
const SMALL_SPACE = 100_000;
const RESTARTS = 4;

export function reachIsExact(context: AnalysisContext): boolean {
  return isAdditive(context) || admissibleSize(context.admissible) <= BigInt(SMALL_SPACE);
}

/**
 * Whether some admissible outcome is in the agreement zone: under a rule,
 * whether the members of some minimal winning coalition can all accept one.
 */
export function canAgree(context: AnalysisContext): boolean {
  if (settledOnRedLine(context) || context.admissible.redLineBlocked.length > 0) return false;
  if (context.rule.kind !== "unanimity") return agreeingCoalition(context) !== null;
  return canAgreeUnanimously(context);
}

/** The first minimal winning coalition (smallest first) whose members can all accept some package, or null. */
export function agreeingCoalition(context: AnalysisContext): number[] | null {
  const n = context.utilities.length;
  const agrees = coalitionCanAgree(context);
  for (const w of minimalWinningCoalitions(context.rule, n)) if (agrees(w)) return membersOf(w, n);
  return null;
}

/**
 * Whether the members of a coalition (mask) can all accept some package: from
 * the acceptance counts when they are exact (made for the zone already, or
 * on small plans: one enumeration answers every coalition), otherwise from
 * each coalition's own frontier.
 */
export function coalitionCanAgree(context: AnalysisContext): (coalition: number) => boolean {
  const n = context.utilities.length;
  const counted = countedAcceptance(context);
  const counts = counted?.exact
    ? counted
    : admissibleSize(context.admissible) <= BigInt(SMALL_SPACE)
      ? acceptanceCounts(context)
      : null;
  if (counts !== null) return (w) => countWhere(counts, (m) => (m & w) === w) > 0n;
  return (w) => canAgreeUnanimously(coalitionContext(context, membersOf(w, n)));
}

export function canAgreeUnanimously(context: AnalysisContext): boolean {
  if (settledOnRedLine(context) || context.admissible.redLineBlocked.length > 0) return false;
  if (reachIsExact(context)) return frontierOf(context).points.some((p) => inZone(context, p));
  const r = reservations(context);
  const worstGain = (o: Int32Array) => {
    let min = Number.POSITIVE_INFINITY;
    for (let p = 0; p < r.length; p++) min = Math.min(min, context.utilities[p].utility(o) - r[p]);
    return min;
  };
  return searchMax(context, worstGain) >= -0.5 / QUANTUM;
}

/** Each party's best utility over the admissible outcomes that cross none of its red lines. */
export function bestUtilities(context: AnalysisContext): number[] {
  if (context.rule.kind !== "unanimity")
    return context.utilities.map((_, p) => {
      const alone = coalitionContext(context, [p]);
      // Red lines on every option of a point, or on a settled option: nothing it accepts.
      return alone.admissible.redLineBlocked.length > 0 || settledOnRedLine(alone)
        ? Number.NEGATIVE_INFINITY
        : bestUtilities(alone)[0];
    });
  if (reachIsExact(context)) {
    const points = frontierOf(context).points;
    return context.utilities.map((_, p) => maxOf(points.map((x) => x.utilities[p])));
  }
  return context.utilities.map((u) => searchMax(context, (o) => u.utility(o)));
}

function searchMax(context: AnalysisContext, score: (o: Int32Array) => number): number {
  const rng = new Rng(context.options.seed ?? 0);
  const options = context.admissible.options;
  let best = Number.NEGATIVE_INFINITY;
  for (let r = 0; r < RESTARTS; r++) {
    const start = Int32Array.from(options, (o) => o[rng.int(o.length)]);
    best = Math.max(best, iteratedLocalSearch(start, options, score, rng).score);
  }
  return best;
}
