import { everyone, popCount } from "../model/agreement-rule.js";
import { Rng } from "../model/rng.js";
import { admissibleSize } from "./admissible.js";
import { type AnalysisContext, isAdditive, reservations } from "./context.js";
import { forEachOutcome } from "./enumerate.js";
import { countPairsMeetingReservations } from "./pair-count.js";
import { reaches } from "./reservations.js";

/**
 * How many admissible packages each set of parties accepts, exactly that set
 * (a party accepts a package at or above its reservation value and on none of
 * its red lines): coalition mask → count. Every count under a rule (the zone,
 * what a coalition can pass, who is left out) is a sum of these.
 */
export interface AcceptanceCounts {
  counts: Map<number, bigint>;
  /** False when the counts are scaled from a seeded sample. */
  exact: boolean;
}

/** Spaces up to this size are counted package by package. */
const COUNT_LIMIT = 2_000_000;
const SAMPLES = 200_000;

/**
 * Counted one by one on spaces up to COUNT_LIMIT; for two additive parties
 * beyond it, exactly by inclusion–exclusion over what each set of parties
 * accepts (one party: a sum threshold; both: the meet-in-the-middle count);
 * otherwise estimated from a seeded sample.
 */
export function acceptanceCounts(context: AnalysisContext): AcceptanceCounts {
  let counts = memo.get(context);
  if (counts === undefined) memo.set(context, (counts = countAcceptance(context)));
  return counts;
}

/** The zone and the coalition report ask for the same counts. */
const memo = new WeakMap<AnalysisContext, AcceptanceCounts>();

/** The counts when already made for this context (by the zone), else undefined. */
export function countedAcceptance(context: AnalysisContext): AcceptanceCounts | undefined {
  return memo.get(context);
}

function countAcceptance(context: AnalysisContext): AcceptanceCounts {
  const total = admissibleSize(context.admissible);
  if (total <= BigInt(COUNT_LIMIT)) return { counts: enumeratedAcceptance(context), exact: true };
  if (context.utilities.length === 2 && isAdditive(context)) {
    const counts = pairByInclusionExclusion(context, total);
    if (counts !== null) return { counts, exact: true };
  }
  return { counts: sampled(context, total), exact: false };
}

/** Sum of the counts of the coalitions the predicate keeps. */
export function countWhere(counts: AcceptanceCounts, keep: (coalition: number) => boolean): bigint {
  let sum = 0n;
  for (const [mask, n] of counts.counts) if (keep(mask)) sum += n;
  return sum;
}

/** Per party: a bit per option on its red lines (reopened points aside), for quick tests. */
function redLineTables(context: AnalysisContext): Uint8Array[][] {
  const reopened = new Set(context.options.reopened ?? []);
  const { cardinalities } = context.scenario.space;
  return context.utilities.map((u) =>
    cardinalities.map((n, i) =>
      Uint8Array.from({ length: n }, (_, k) => (!reopened.has(i) && u.isRedLine(i, k) ? 1 : 0)),
    ),
  );
}

function acceptorsOf(
  context: AnalysisContext,
  red: Uint8Array[][],
  r: readonly number[],
  outcome: ArrayLike<number>,
): number {
  let mask = 0;
  for (let p = 0; p < r.length; p++) {
    if (!reaches(context.utilities[p].utility(outcome), r[p])) continue;
    let crosses = false;
    for (let i = 0; i < outcome.length && !crosses; i++) crosses = red[p][i][outcome[i]] === 1;
    if (!crosses) mask |= 1 << p;
  }
  return mask;
}

export function enumeratedAcceptance(context: AnalysisContext): Map<number, bigint> {
  const r = reservations(context);
  const red = redLineTables(context);
  const tally = new Map<number, number>();
  forEachOutcome(context.admissible.options, (o) => {
    const mask = acceptorsOf(context, red, r, o);
    tally.set(mask, (tally.get(mask) ?? 0) + 1);
  });
  return new Map([...tally].map(([m, n]) => [m, BigInt(n)]));
}

function sampled(context: AnalysisContext, total: bigint): Map<number, bigint> {
  const r = reservations(context);
  const red = redLineTables(context);
  const rng = new Rng(context.options.seed ?? 0);
  const options = context.admissible.options;
  const o = new Int32Array(options.length);
  const tally = new Map<number, number>();
  for (let s = 0; s < SAMPLES; s++) {
    for (let i = 0; i < options.length; i++) o[i] = options[i][rng.int(options[i].length)];
    const mask = acceptorsOf(context, red, r, o);
    tally.set(mask, (tally.get(mask) ?? 0) + 1);
  }
  const scale = (hits: number) => (total * BigInt(hits) + BigInt(SAMPLES / 2)) / BigInt(SAMPLES);
  return new Map([...tally].map(([m, n]) => [m, scale(n)]));
}

/**
 * Two additive parties: g(S), the packages every member of S accepts, is
 * counted for each S (each on the options its members have no red line on);
 * the count of exactly S follows by inclusion–exclusion:
 * h(S) = Σ_{T ⊇ S} (−1)^{|T∖S|} g(T).
 */
export function pairByInclusionExclusion(
  context: AnalysisContext,
  total: bigint,
): Map<number, bigint> | null {
  const r = reservations(context);
  const red = redLineTables(context);
  const tables = context.utilities.map((u) => u.contributions!);
  const zero = tables[0].map((row) => new Float64Array(row.length));
  const g = new Map<number, bigint>([[0, total]]);
  for (const mask of [1, 2, 3]) {
    const members = [0, 1].filter((p) => mask & (1 << p));
    const options = context.admissible.options.map((opts, i) =>
      opts.filter((k) => members.every((p) => red[p][i][k] === 0)),
    );
    if (options.some((o) => o.length === 0)) {
      g.set(mask, 0n);
      continue;
    }
    const pair = members.length === 2 ? tables : [tables[members[0]], zero];
    const need = members.length === 2 ? r : [r[members[0]], 0];
    const count = countPairsMeetingReservations(options, pair, need);
    if (count === null) return null;
    g.set(mask, count);
  }
  const all = everyone(2);
  const exactly = new Map<number, bigint>();
  for (let s = 0; s <= all; s++) {
    let h = 0n;
    for (let t = 0; t <= all; t++) {
      if ((t & s) !== s) continue;
      const sign = popCount(t ^ s) % 2 === 0 ? 1n : -1n;
      h += sign * (g.get(t) as bigint);
    }
    if (h > 0n) exactly.set(s, h);
  }
  return exactly;
}
