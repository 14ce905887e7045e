import { everyone, membersOf, minimalWinningCoalitions } from "../model/agreement-rule.js";
import { admissibleSize } from "./admissible.js";
import {
  type AnalysisContext,
  coalitionContext,
  isAdditive,
  reservations,
  settledOnRedLine,
  withOptions,
} from "./context.js";
import { forEachOutcome } from "./enumerate.js";
import { maxOf, minOf } from "./extremes.js";
import { frontierOf } from "./frontier.js";
import { bestUtilities, canAgree, reachIsExact } from "./reach.js";
import { solutionsOf } from "./solutions.js";
import type { Frontier, FrontierPoint } from "./types.js";

/** A smallest set of points whose reopening makes a deal possible, and the Nash package of the reopened plan. */
export interface BlockingSet {
  reopen: number[];
  nash: FrontierPoint | null;
}

/** An open point none of whose options every party could accept, given the settled points. */
export interface BlockedPoint {
  issue: number;
  /** For each option, the parties that reject it (red line, or their reservation out of reach with it). */
  rejections: { option: number; parties: number[] }[];
}

export interface Blocking {
  sets: BlockingSet[];
  blockedOn: BlockedPoint[];
  /**
   * How close a deal is: the frontier outcome whose worst shortfall from a
   * reservation value is smallest, with each party's gap (utility − reservation).
   */
  closest: FrontierPoint & { gaps: number[] };
  /** Why no set was found, when none was. */
  note?: string;
  /** False when the plan is too large and not additive: then the answers come from a search that can miss. */
  exact: boolean;
}

/** Non-additive plans up to this size get each party's best per option in one enumeration. */
const ONE_PASS_LIMIT = 2_000_000;
/** Reopening sets are searched up to this size, and at most this many frontiers are computed. */
const MAX_SET_SIZE = 3;
const MAX_CHECKS = 2000;

/**
 * Diagnoses an empty agreement zone. Reopening a point unsettles it and sets
 * the parties' red lines on it aside; candidates are the settled points and
 * the points carrying red lines. Sets are searched by increasing size, so the
 * sets found are the smallest; a superset of a set found is never reported.
 */
export function blockingOf(context: AnalysisContext, frontier: Frontier): Blocking {
  const blockedOn = blockedPoints(context);
  const closest = closestTo(context, frontier);
  const candidates = reopenCandidates(context);
  if (candidates.length === 0) {
    return {
      sets: [],
      blockedOn,
      closest,
      exact: reachIsExact(context),
      note: "nothing is settled and no party has red lines: the reservation values themselves leave no deal",
    };
  }
  const reopenedPlan = (reopen: number[]) =>
    withOptions(context, { reopened: [...(context.options.reopened ?? []), ...reopen] });
  const widest = reopenedPlan(candidates);
  const exact = reachIsExact(widest);
  if (!canAgree(widest)) {
    return {
      sets: [],
      blockedOn,
      closest,
      exact,
      note: "even with every settled point and red line reopened, no outcome gives every party its reservation value",
    };
  }
  let checks = 0;
  for (let size = 1; size <= Math.min(MAX_SET_SIZE, candidates.length); size++) {
    const sets: BlockingSet[] = [];
    for (const reopen of combinations(candidates, size)) {
      if (++checks > MAX_CHECKS) break;
      const plan = reopenedPlan(reopen);
      if (canAgree(plan)) sets.push({ reopen, nash: solutionsOf(plan, frontierOf(plan)).nash });
    }
    if (sets.length > 0) return { sets, blockedOn, closest, exact };
    if (checks > MAX_CHECKS) break;
  }
  return {
    sets: [],
    blockedOn,
    closest,
    exact,
    note: `no set of up to ${MAX_SET_SIZE} points unblocks the deal (searched ${Math.min(checks, MAX_CHECKS)} sets); reopening all ${candidates.length} does`,
  };
}

/**
 * The frontier point whose worst shortfall is smallest; under a rule, the
 * shortfall of the best-placed minimal winning coalition.
 */
function closestTo(context: AnalysisContext, frontier: Frontier): Blocking["closest"] {
  const r = reservations(context);
  const n = context.utilities.length;
  const coalitions = minimalWinningCoalitions(context.rule, n).map((w) => membersOf(w, n));
  const shortfall = (gaps: number[]) => maxOf(coalitions.map((c) => minOf(c.map((p) => gaps[p]))));
  let best: (Blocking["closest"] & { score: number }) | null = null;
  for (const p of frontier.points) {
    const gaps = p.utilities.map((u, i) => u - r[i]);
    const score = shortfall(gaps);
    if (best === null || score > best.score) best = { ...p, gaps, score };
  }
  if (best === null) throw new RangeError("the frontier has no point");
  const { score: _, ...closest } = best;
  return closest;
}

function reopenCandidates(context: AnalysisContext): number[] {
  const settled = context.options.settled ?? [];
  const reopened = new Set(context.options.reopened ?? []);
  const red = new Set(context.utilities.flatMap((u) => u.profile.redLines.map((r) => r.issue)));
  return context.scenario.space.issues
    .map((_, i) => i)
    .filter((i) => !reopened.has(i) && ((settled[i] !== undefined && settled[i] !== null) || red.has(i)));
}

function* combinations(items: readonly number[], size: number, start = 0): Generator<number[]> {
  if (size === 0) {
    yield [];
    return;
  }
  for (let i = start; i <= items.length - size; i++) {
    for (const rest of combinations(items, size - 1, i + 1)) yield [items[i], ...rest];
  }
}

/**
 * Open points where every option is rejected by some party: by a red line, or
 * because even the party's best choices on the other open points (settled ones
 * as settled) leave it below its reservation value.
 */
function blockedPoints(context: AnalysisContext): BlockedPoint[] {
  const settled = context.options.settled ?? [];
  const reopened = new Set(context.options.reopened ?? []);
  const r = reservations(context);
  const best = bestGivenOption(context);
  const all = everyone(context.utilities.length);
  const out: BlockedPoint[] = [];
  context.scenario.space.cardinalities.forEach((n, i) => {
    if ((settled[i] !== undefined && settled[i] !== null) || reopened.has(i)) return;
    const rejections = Array.from({ length: n }, (_, k) => ({
      option: k,
      parties: context.utilities
        .map((u, p) => ((u.isRedLine(i, k) && !reopened.has(i)) || best(p, i, k) < r[p] - 5e-13 ? p : -1))
        .filter((p) => p >= 0),
    }));
    const blocked = rejections.every((x) => {
      const rejecting = x.parties.reduce((m, p) => m | (1 << p), 0);
      return !context.wins((all & ~rejecting) >>> 0);
    });
    if (blocked) out.push({ issue: i, rejections });
  });
  return out;
}

/**
 * best(p, i, k): party p's highest utility with issue i at option k, over the
 * admissible outcomes that cross none of p's red lines (−∞ when p has red
 * lines on every option of some point).
 */
function bestGivenOption(context: AnalysisContext): (p: number, i: number, k: number) => number {
  if (context.rule.kind === "unanimity") return bestGivenOptionToAll(context);
  const perParty = context.utilities.map((_, p) => {
    const alone = coalitionContext(context, [p]);
    // Red lines on every option of a point, or on a settled option: it accepts nothing.
    if (alone.admissible.redLineBlocked.length > 0 || settledOnRedLine(alone))
      return () => Number.NEGATIVE_INFINITY;
    return bestGivenOptionToAll(alone);
  });
  return (p, i, k) => perParty[p](0, i, k);
}

/** bestGivenOption when every red line already shapes the admissible options (unanimity). */
function bestGivenOptionToAll(context: AnalysisContext): (p: number, i: number, k: number) => number {
  const { options } = context.admissible;
  if (isAdditive(context)) {
    const top = context.utilities.map((u) =>
      u.contributions!.map((c, i) => Math.max(...options[i].map((k) => c[k]))),
    );
    const totals = top.map((t) => t.reduce((a, b) => a + b, 0));
    return (p, i, k) => Math.min(1, totals[p] - top[p][i] + context.utilities[p].contributions![i][k]);
  }
  // Slow path: one search (or small enumeration) per option, cached.
  const cache = new Map<string, number[]>();
  const perOption = (p: number, i: number, k: number) => {
    const key = `${i}:${k}`;
    let best = cache.get(key);
    if (best === undefined) {
      const settled = [...(context.options.settled ?? [])];
      settled[i] = k;
      best = bestUtilities(withOptions(context, { settled }));
      cache.set(key, best);
    }
    return best[p];
  };
  if (admissibleSize(context.admissible) > BigInt(ONE_PASS_LIMIT)) return perOption;
  // One pass over the admissible outcomes: best[p][i][k] = max of uₚ with issue i at option k.
  // Options outside them (on a red line) take the slow path.
  const best = context.utilities.map(() =>
    context.scenario.space.cardinalities.map((n) => new Float64Array(n).fill(Number.NEGATIVE_INFINITY)),
  );
  forEachOutcome(options, (o) => {
    for (let p = 0; p < best.length; p++) {
      const u = context.utilities[p].utility(o);
      for (let i = 0; i < o.length; i++) if (u > best[p][i][o[i]]) best[p][i][o[i]] = u;
    }
  });
  return (p, i, k) => (options[i].includes(k) ? best[p][i][k] : perOption(p, i, k));
}
