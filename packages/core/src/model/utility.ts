import type { Profile, RedLine } from "./profile.js";
import { clamp01, evaluateNumeric } from "./profile.js";
import type { IssueValue, Outcome, OutcomeSpace } from "./space.js";

/**
 * A profile compiled against a space into flat arrays, so evaluating an
 * outcome allocates nothing. Build once per (space, profile); reuse everywhere.
 */
export interface UtilityFunction {
  readonly space: OutcomeSpace;
  readonly profile: Profile;
  /** Undiscounted utility of a dense outcome (time 0). */
  utility(outcome: Outcome): number;
  /** Utility of values people read (real issues off the grid included). */
  utilityOfValues(values: readonly IssueValue[]): number;
  /** Utility discounted to normalised time t ∈ [0, 1]. */
  discounted(utility: number, t: number): number;
  /** Reservation value discounted to time t. */
  reservationAt(t: number): number;
  /** True when the outcome uses an option on this party's red lines. */
  crossesRedLine(outcome: Outcome): boolean;
  /** Whether `option` of `issue` is on a red line. */
  isRedLine(issue: number, option: number): boolean;
  /**
   * For additive profiles: per issue, the weighted contribution wᵢ·eᵢ of each
   * option (U = min(1, Σ)). Null for non-additive profiles.
   */
  readonly contributions: readonly Float64Array[] | null;
}

export function compileUtility(space: OutcomeSpace, profile: Profile): UtilityFunction {
  const base =
    profile.utility.type === "additive" ? compileAdditive(space, profile) : compileConstraint(space, profile);
  const redMask = buildRedMask(space, profile.redLines);
  const redOffsets = offsetsOf(space.cardinalities);
  const d = profile.discount;
  return {
    space,
    profile,
    utility: base.utility,
    utilityOfValues: base.utilityOfValues,
    contributions: base.contributions,
    discounted: d === 1 ? (u) => u : (u, t) => u * d ** t,
    reservationAt: d === 1 ? () => profile.reservation : (t) => profile.reservation * d ** t,
    crossesRedLine:
      redMask === null
        ? () => false
        : (o) => {
            for (let i = 0; i < o.length; i++) if (redMask[redOffsets[i] + o[i]]) return true;
            return false;
          },
    isRedLine: redMask === null ? () => false : (issue, option) => redMask[redOffsets[issue] + option] === 1,
  };
}

type Compiled = Pick<UtilityFunction, "utility" | "utilityOfValues" | "contributions">;

function offsetsOf(cardinalities: readonly number[]): Int32Array {
  const offsets = new Int32Array(cardinalities.length + 1);
  for (let i = 0; i < cardinalities.length; i++) offsets[i + 1] = offsets[i] + cardinalities[i];
  return offsets;
}

function buildRedMask(space: OutcomeSpace, redLines: readonly RedLine[]): Uint8Array | null {
  if (redLines.length === 0) return null;
  const offsets = offsetsOf(space.cardinalities);
  const mask = new Uint8Array(offsets[space.issueCount]);
  for (const r of redLines) mask[offsets[r.issue] + r.option] = 1;
  return mask;
}

function compileAdditive(space: OutcomeSpace, profile: Profile): Compiled {
  if (profile.utility.type !== "additive") throw new TypeError("not additive");
  const { weights, values } = profile.utility;
  const n = space.issueCount;
  const offsets = offsetsOf(space.cardinalities);
  const flat = new Float64Array(offsets[n]);
  const contributions: Float64Array[] = [];
  for (let i = 0; i < n; i++) {
    const fn = values[i];
    const w = weights[i];
    for (let k = 0; k < space.cardinalities[i]; k++) {
      const e =
        fn.type === "table" ? clamp01(fn.values[k]) : evaluateNumeric(fn, space.valueOf(i, k) as number);
      flat[offsets[i] + k] = w * e;
    }
    contributions.push(flat.subarray(offsets[i], offsets[i + 1]));
  }
  return {
    contributions,
    utility(o) {
      let s = 0;
      for (let i = 0; i < n; i++) s += flat[offsets[i] + o[i]];
      return s > 1 ? 1 : s;
    },
    utilityOfValues(v) {
      let s = 0;
      for (let i = 0; i < n; i++) {
        const fn = values[i];
        s +=
          fn.type === "table"
            ? weights[i] * clamp01(fn.values[space.optionOf(i, v[i])])
            : weights[i] * evaluateNumeric(fn, Number(v[i]));
      }
      return s > 1 ? 1 : s;
    },
  };
}

function compileConstraint(space: OutcomeSpace, profile: Profile): Compiled {
  if (profile.utility.type !== "constraint") throw new TypeError("not a constraint utility");
  const { functions, maxUtility } = profile.utility;
  // Bounds are on issue values; dense options of an integer issue are value − min.
  const shift = space.issues.map((issue) => (issue.kind === "integer" ? issue.min : 0));
  const compiled = functions.map((f) => ({
    weight: f.weight,
    aggregation: f.aggregation,
    utilities: Float64Array.from(f.rectangles, (r) => r.utility),
    starts: offsetsOf(f.rectangles.map((r) => r.bounds.length)),
    issue: Int32Array.from(f.rectangles.flatMap((r) => r.bounds.map((b) => b.issue))),
    lo: Float64Array.from(f.rectangles.flatMap((r) => r.bounds.map((b) => b.min - shift[b.issue]))),
    hi: Float64Array.from(f.rectangles.flatMap((r) => r.bounds.map((b) => b.max - shift[b.issue]))),
    exclude: Uint8Array.from(f.rectangles.flatMap((r) => r.bounds.map((b) => (b.exclude ? 1 : 0)))),
  }));
  const utility = (o: Outcome): number => {
    let total = 0;
    for (const f of compiled) {
      let agg =
        f.aggregation === "min"
          ? Number.POSITIVE_INFINITY
          : f.aggregation === "max"
            ? Number.NEGATIVE_INFINITY
            : 0;
      let hits = 0;
      for (let r = 0; r < f.utilities.length; r++) {
        let inside = true;
        for (let b = f.starts[r]; b < f.starts[r + 1]; b++) {
          const x = o[f.issue[b]];
          const within = x >= f.lo[b] && x <= f.hi[b];
          if (within === (f.exclude[b] === 1)) {
            inside = false;
            break;
          }
        }
        if (!inside) continue;
        hits++;
        const u = f.utilities[r];
        if (f.aggregation === "sum") agg += u;
        else if (f.aggregation === "min") agg = Math.min(u, agg);
        else agg = Math.max(u, agg);
      }
      if (hits > 0) total += f.weight * agg;
    }
    // A stated maxutility below the true maximum, or negative rectangle utilities, must not take a
    // utility out of [0, 1]: clamped, as additive utilities are.
    return maxUtility > 0 ? clamp01(total / maxUtility) : 0;
  };
  return {
    contributions: null,
    utility,
    utilityOfValues: (v) => utility(v.map((x, i) => space.optionOf(i, x))),
  };
}
