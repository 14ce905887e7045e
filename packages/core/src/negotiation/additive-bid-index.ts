import type { Rng } from "../model/rng.js";
import type { Outcome } from "../model/space.js";
import type { UtilityFunction } from "../model/utility.js";
import type { BidIndex } from "./bid-index.js";

/** Search effort per query; a query that runs out widens its tolerance. */
const NODE_BUDGET = 20_000;
const TOLERANCES = [1e-4, 1e-3, 1e-2, 0.05, 0.2, 1];
const EPS = 1e-12;

/**
 * Bidding over a huge additive space (10^14 outcomes and more) without
 * enumerating it: per issue the options sorted by contribution, and a
 * depth-first search for a sum in [lo, hi] that prunes a branch as soon as
 * the best or worst completion of the remaining issues cannot land in range.
 * Issues with the widest spread go first, where pruning bites hardest.
 */
export class AdditiveBidIndex implements BidIndex {
  readonly exact = true;
  readonly best: Outcome;
  readonly bestUtility: number;
  readonly worstUtility: number;
  /** Issues in search order. */
  private readonly order: number[];
  /** Per search position: option indices by contribution, descending (red-lined ones left out). */
  private readonly options: Int32Array[];
  private readonly values: Float64Array[];
  /** Largest and smallest sum of the issues from a search position on. */
  private readonly maxRest: Float64Array;
  private readonly minRest: Float64Array;

  constructor(utility: UtilityFunction) {
    const contributions = utility.contributions;
    if (!contributions) throw new TypeError("an additive bid index needs an additive utility");
    const perIssue = contributions.map((c, i) => {
      let keep = Array.from(c.keys()).filter((k) => !utility.isRedLine(i, k));
      if (keep.length === 0) keep = Array.from(c.keys());
      keep.sort((a, b) => c[b] - c[a] || a - b);
      return { issue: i, options: Int32Array.from(keep), values: Float64Array.from(keep, (k) => c[k]) };
    });
    const spread = (p: (typeof perIssue)[number]) => p.values[0] - p.values[p.values.length - 1];
    perIssue.sort((a, b) => spread(b) - spread(a) || a.issue - b.issue);
    this.order = perIssue.map((p) => p.issue);
    this.options = perIssue.map((p) => p.options);
    this.values = perIssue.map((p) => p.values);
    const m = perIssue.length;
    this.maxRest = new Float64Array(m + 1);
    this.minRest = new Float64Array(m + 1);
    for (let d = m - 1; d >= 0; d--) {
      this.maxRest[d] = this.maxRest[d + 1] + this.values[d][0];
      this.minRest[d] = this.minRest[d + 1] + this.values[d][this.values[d].length - 1];
    }
    const best = new Array<number>(m);
    for (let d = 0; d < m; d++) best[this.order[d]] = this.options[d][0];
    this.best = best;
    this.bestUtility = Math.min(1, this.maxRest[0]);
    this.worstUtility = Math.min(1, this.minRest[0]);
  }

  atLeast(target: number): Outcome {
    if (target >= this.bestUtility - EPS) return this.best;
    for (const tol of TOLERANCES) {
      const found = this.search(target - EPS, target + tol, null);
      if (found) return found;
    }
    return this.best;
  }

  below(u: number): Outcome | null {
    if (u <= this.worstUtility + EPS) return null;
    for (const tol of TOLERANCES) {
      const found = this.search(u - tol, u - EPS, null);
      if (found) return found;
    }
    return null;
  }

  within(lo: number, hi: number, limit: number, rng: Rng): Outcome[] {
    const out: Outcome[] = [];
    for (let s = 0; s < limit; s++) {
      const found = this.search(lo - EPS, hi + EPS, rng);
      if (!found) break;
      out.push(found);
    }
    return out;
  }

  /**
   * An outcome whose raw sum lies in [lo, hi] (U = min(1, sum), so hi ≥ 1
   * means unbounded). With rng, each level starts at a random option for variety.
   */
  private search(lo: number, hi: number, rng: Rng | null): number[] | null {
    const m = this.order.length;
    const upper = hi >= 1 ? Number.POSITIVE_INFINITY : hi;
    const choice = new Int32Array(m);
    const start = new Int32Array(m);
    const sums = new Float64Array(m + 1);
    let budget = NODE_BUDGET;
    let d = 0;
    start[0] = rng ? rng.int(this.options[0].length) : 0;
    choice[0] = -1;
    while (d >= 0) {
      if (--budget < 0) return null;
      const n = this.options[d].length;
      choice[d]++;
      if (choice[d] >= n) {
        d--;
        continue;
      }
      const k = (start[d] + choice[d]) % n;
      const s = sums[d] + this.values[d][k];
      if (s + this.maxRest[d + 1] < lo || s + this.minRest[d + 1] > upper) continue;
      sums[d + 1] = s;
      if (d === m - 1) return this.outcomeOf(choice, start);
      d++;
      start[d] = rng ? rng.int(this.options[d].length) : 0;
      choice[d] = -1;
    }
    return null;
  }

  private outcomeOf(choice: Int32Array, start: Int32Array): number[] {
    const out = new Array<number>(this.order.length);
    for (let d = 0; d < this.order.length; d++) {
      const n = this.options[d].length;
      out[this.order[d]] = this.options[d][(start[d] + choice[d]) % n];
    }
    return out;
  }
}
