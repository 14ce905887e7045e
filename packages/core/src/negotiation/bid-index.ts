import { lowerBound } from "../model/lower-bound.js";
import { Rng } from "../model/rng.js";
import type { Outcome, OutcomeSpace } from "../model/space.js";
import type { UtilityFunction } from "../model/utility.js";
import { AdditiveBidIndex } from "./additive-bid-index.js";

/**
 * Outcomes indexed by one party's (undiscounted) utility, built once per
 * scenario and party, so bidding at a target utility is a search, never a
 * scan. Outcomes crossing the party's red lines are left out. Returned
 * outcomes may be views into the index: copy before changing them.
 */
export interface BidIndex {
  /** True when every outcome is indexed (false for a sampled index of a huge non-additive space). */
  readonly exact: boolean;
  readonly best: Outcome;
  readonly bestUtility: number;
  readonly worstUtility: number;
  /** An outcome worth at least `target`, as little above it as found; the best outcome when none reaches it. */
  atLeast(target: number): Outcome;
  /** An outcome worth less than `u`, as close below it as found; null when there is none. */
  below(u: number): Outcome | null;
  /** Up to `limit` outcomes worth between lo and hi (all of them when there are few, else drawn with rng). */
  within(lo: number, hi: number, limit: number, rng: Rng): Outcome[];
}

/** Spaces up to this size are enumerated and sorted; larger ones are searched. */
export const SORTED_INDEX_LIMIT = 300_000;
const SAMPLES = 20_000;
const EPS = 1e-12;

/** The best index for this space and utility: sorted when small, additive search or sampled when huge. */
export function buildBidIndex(space: OutcomeSpace, utility: UtilityFunction): BidIndex {
  if (space.size <= BigInt(SORTED_INDEX_LIMIT)) return sortedIndexOf(space, utility);
  if (utility.contributions) return new AdditiveBidIndex(utility);
  return sampledIndexOf(space, utility);
}

/** Every outcome (off the red lines, unless all are) sorted by utility. */
function sortedIndexOf(space: OutcomeSpace, utility: UtilityFunction): SortedBidIndex {
  const m = space.issueCount;
  const n = Number(space.size);
  const flat = new Int32Array(n * m);
  const utils = new Float64Array(n);
  let kept = 0;
  for (const skipRed of [true, false]) {
    kept = 0;
    for (const o of space.enumerate()) {
      if (skipRed && utility.crossesRedLine(o)) continue;
      flat.set(o, kept * m);
      utils[kept++] = utility.utility(o);
    }
    if (kept > 0) break;
  }
  return new SortedBidIndex(flat.subarray(0, kept * m), utils.subarray(0, kept), m, true, utility);
}

/** A seeded sample of a huge non-additive space, plus local optima climbed from the best samples. */
function sampledIndexOf(space: OutcomeSpace, utility: UtilityFunction): SortedBidIndex {
  const rng = new Rng("bid-index");
  const m = space.issueCount;
  const found: number[][] = [];
  for (let s = 0; s < SAMPLES; s++) found.push(space.sample(rng));
  const ranked = found.map((o) => ({ o, u: utility.utility(o) })).sort((a, b) => b.u - a.u);
  for (const { o } of ranked.slice(0, 50)) found.push(climb(space, utility, o));
  const flat = new Int32Array(found.length * m);
  const utils = new Float64Array(found.length);
  found.forEach((o, k) => {
    flat.set(o, k * m);
    utils[k] = utility.utility(o);
  });
  return new SortedBidIndex(flat, utils, m, false, utility);
}

/** Greedy coordinate ascent from `start` on one party's utility. */
function climb(space: OutcomeSpace, utility: UtilityFunction, start: number[]): number[] {
  const o = start.slice();
  let u = utility.utility(o);
  for (let improved = true; improved; ) {
    improved = false;
    for (let i = 0; i < o.length; i++) {
      const keep = o[i];
      for (let k = 0; k < space.cardinalities[i]; k++) {
        o[i] = k;
        const v = utility.utility(o);
        if (v > u + EPS && !utility.crossesRedLine(o)) {
          u = v;
          improved = true;
        } else o[i] = keep;
        if (o[i] === k && k !== keep) break;
      }
    }
  }
  return o;
}

/** Outcomes sorted by utility (ascending) in flat typed arrays; queries are binary searches. */
export class SortedBidIndex implements BidIndex {
  private readonly outcomes: Int32Array;
  private readonly utils: Float64Array;
  /** Views handed out so far, made once each: bidding in a hot loop allocates nothing. */
  private readonly views: (Int32Array | undefined)[] = [];
  readonly best: Outcome;
  readonly bestUtility: number;
  readonly worstUtility: number;

  constructor(
    flat: Int32Array,
    utils: Float64Array,
    private readonly issues: number,
    readonly exact: boolean,
    /** The utility function the utilities came from, when known: then utilityAt(k) is its value of at(k). */
    readonly source: UtilityFunction | null = null,
  ) {
    const n = utils.length;
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort((a, b) => utils[a] - utils[b] || a - b);
    this.outcomes = new Int32Array(flat.length);
    this.utils = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      const i = order[k];
      this.utils[k] = utils[i];
      this.outcomes.set(flat.subarray(i * issues, (i + 1) * issues), k * issues);
    }
    this.best = this.at(n - 1);
    this.bestUtility = this.utils[n - 1];
    this.worstUtility = this.utils[0];
  }

  /** All outcomes, flat: the k-th from the worst at [k · issueCount, (k + 1) · issueCount). Read only. */
  get flat(): Int32Array {
    return this.outcomes;
  }

  get issueCount(): number {
    return this.issues;
  }

  get size(): number {
    return this.utils.length;
  }

  /** The k-th outcome from the worst. */
  at(k: number): Outcome {
    let view = this.views[k];
    if (view === undefined) {
      view = this.outcomes.subarray(k * this.issues, (k + 1) * this.issues);
      this.views[k] = view;
    }
    return view;
  }

  utilityAt(k: number): number {
    return this.utils[k];
  }

  /** First position whose utility is ≥ u (with a float tolerance). */
  lowerBound(u: number): number {
    return lowerBound(this.utils, u - EPS);
  }

  atLeast(target: number): Outcome {
    const k = this.lowerBound(target);
    return k < this.utils.length ? this.at(k) : this.best;
  }

  below(u: number): Outcome | null {
    const k = this.lowerBound(u) - 1;
    return k >= 0 ? this.at(k) : null;
  }

  /**
   * within() by position: writes up to `limit` positions (for at() and
   * utilityAt()) into `out` and returns how many, drawing from rng exactly as
   * within() does, so the two are interchangeable. `out` must hold `limit`.
   */
  positionsWithin(lo: number, hi: number, limit: number, rng: Rng, out: Int32Array): number {
    const a = this.lowerBound(lo);
    const b = this.lowerBound(hi + 2 * EPS);
    const count = b - a;
    if (count <= limit) {
      for (let k = a; k < b; k++) out[k - a] = k;
      return count > 0 ? count : 0;
    }
    for (let s = 0; s < limit; s++) out[s] = a + Math.floor((rng.nextUint32() / 4294967296) * count);
    return limit;
  }

  within(lo: number, hi: number, limit: number, rng: Rng): Outcome[] {
    const a = this.lowerBound(lo);
    const b = this.lowerBound(hi + 2 * EPS);
    const count = b - a;
    const out: Outcome[] = [];
    if (count <= limit) for (let k = a; k < b; k++) out.push(this.at(k));
    // One 32-bit draw per pick (the bias, count / 2^32, is negligible): this runs on every move of some agents.
    else
      for (let s = 0; s < limit; s++)
        out.push(this.at(a + Math.floor((rng.nextUint32() / 4294967296) * count)));
    return out;
  }
}
