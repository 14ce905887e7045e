/**
 * A party's private preferences. Utilities are in [0, 1]; reservation is what
 * no deal is worth; discount follows GENIUS (U·dᵗ with t ∈ [0, 1]).
 */

/** How one issue's options are valued, before weighting. Results are clamped to [0, 1]. */
export type ValueFunction =
  /** Discrete issues: one value in [0, 1] per option, in option order. */
  | { type: "table"; values: number[] }
  /** Numeric issues: e(x) = clamp₀₁(slope · (x − origin) + offset). */
  | { type: "linear"; slope: number; offset: number; origin: number }
  /** Numeric issues: 0 at `low` and `high`, 1 at `top`, linear between, 0 outside. */
  | { type: "triangular"; low: number; top: number; high: number }
  /** Numeric issues: linear interpolation through sorted (x, e) points, 0 outside their range. */
  | { type: "piecewise"; points: [number, number][] };

/** U = min(1, Σ wᵢ · eᵢ(xᵢ)); weights as written (GENIUS does not renormalise). */
export interface AdditiveUtility {
  type: "additive";
  weights: number[];
  values: ValueFunction[];
}

/** One inclusive bound of a hyper-rectangle, on an integer issue's value. */
export interface RectangleBound {
  issue: number;
  min: number;
  max: number;
  /** true for GENIUS `EXCLUDES`: the outcome must lie outside [min, max]. */
  exclude: boolean;
}

export interface HyperRectangle {
  utility: number;
  bounds: RectangleBound[];
}

export interface ConstraintFunction {
  weight: number;
  aggregation: "sum" | "min" | "max";
  rectangles: HyperRectangle[];
}

/**
 * ANAC 2014 non-linear utility: Σ over functions of weight × aggregate of the
 * utilities of the rectangles containing the outcome, divided by maxUtility.
 */
export interface ConstraintUtility {
  type: "constraint";
  maxUtility: number;
  functions: ConstraintFunction[];
}

export type UtilityDefinition = AdditiveUtility | ConstraintUtility;

/** An option a party will never accept. */
export interface RedLine {
  issue: number;
  option: number;
}

export interface Profile {
  utility: UtilityDefinition;
  /** Utility of no agreement, at time 0. */
  reservation: number;
  /** GENIUS discount factor in (0, 1]; 1 means no discount. */
  discount: number;
  redLines: RedLine[];
}

/** GENIUS reads a discount ≤ 0 or > 1 as "no discount". */
export function normaliseDiscount(d: number): number {
  return d > 0 && d <= 1 ? d : 1;
}

export function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

/** e(x) for a numeric value function. */
export function evaluateNumeric(fn: ValueFunction, x: number): number {
  switch (fn.type) {
    case "table":
      throw new TypeError("a table value function needs an option index, not a number");
    case "linear":
      return clamp01(fn.slope * (x - fn.origin) + fn.offset);
    case "triangular":
      if (x <= fn.low || x >= fn.high) return x === fn.top ? 1 : 0;
      return x <= fn.top ? (x - fn.low) / (fn.top - fn.low) : (fn.high - x) / (fn.high - fn.top);
    case "piecewise": {
      const p = fn.points;
      if (p.length === 0 || x < p[0][0] || x > p[p.length - 1][0]) return 0;
      for (let i = 1; i < p.length; i++) {
        if (x <= p[i][0]) {
          const [x0, y0] = p[i - 1];
          const [x1, y1] = p[i];
          return clamp01(x1 === x0 ? y1 : y0 + ((y1 - y0) * (x - x0)) / (x1 - x0));
        }
      }
      return clamp01(p[p.length - 1][1]);
    }
  }
}
