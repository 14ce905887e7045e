import type { ConstraintFunction } from "../model/profile.js";
import type { Issue } from "../model/space.js";

export interface ConstraintMaximum {
  /** The largest raw (un-normalised) utility found, or an upper bound on it. */
  value: number;
  /** True when `value` is attained by an outcome; false when the search gave up and it is a bound. */
  exact: boolean;
}

/**
 * The maximum over all outcomes of Σ weight × aggregate(rectangles containing the outcome),
 * for files that omit `maxutility`. Branch and bound over the issues the rectangles constrain;
 * each issue branches only on the breakpoints of its bounds (values between two breakpoints
 * fall in the same rectangles). Gives up after `nodeLimit` nodes and returns the root bound.
 */
export function constraintMaximum(
  issues: readonly Issue[],
  functions: readonly ConstraintFunction[],
  nodeLimit = 200_000,
): ConstraintMaximum {
  const used = new Map<number, number>();
  for (const f of functions)
    for (const r of f.rectangles) for (const b of r.bounds) used.set(b.issue, (used.get(b.issue) ?? 0) + 1);
  // Most-constrained issues first: their choice settles the most rectangles.
  const order = [...used.keys()].sort((a, b) => (used.get(b) ?? 0) - (used.get(a) ?? 0));
  const choices = order.map((i) => breakpoints(issues[i], functions, i));
  const assigned = new Array<number | undefined>(issues.length).fill(undefined);
  const rootBound = upperBound(functions, assigned);
  let best = Number.NEGATIVE_INFINITY;
  let nodes = 0;
  const search = (depth: number): boolean => {
    if (++nodes > nodeLimit) return false;
    const bound = upperBound(functions, assigned);
    if (bound <= best) return true;
    if (depth === order.length) {
      best = bound;
      return true;
    }
    const issue = order[depth];
    for (const v of choices[depth]) {
      assigned[issue] = v;
      if (!search(depth + 1)) return false;
    }
    assigned[issue] = undefined;
    return true;
  };
  return search(0) ? { value: best, exact: true } : { value: rootBound, exact: false };
}

/** One representative value per stretch of the issue where every bound answers the same. */
function breakpoints(issue: Issue, functions: readonly ConstraintFunction[], i: number): number[] {
  const lo = issue.kind === "discrete" ? 0 : issue.min;
  const hi = issue.kind === "discrete" ? issue.options.length - 1 : issue.max;
  const points = new Set<number>([lo]);
  for (const f of functions)
    for (const r of f.rectangles)
      for (const b of r.bounds) {
        if (b.issue !== i) continue;
        for (const x of [Math.ceil(b.min), Math.floor(b.max) + 1]) if (x >= lo && x <= hi) points.add(x);
      }
  return [...points].sort((a, b) => a - b);
}

/** Upper bound of the raw utility over every completion of a partial assignment (exact when complete). */
function upperBound(
  functions: readonly ConstraintFunction[],
  assigned: readonly (number | undefined)[],
): number {
  let total = 0;
  for (const f of functions) {
    const certain: number[] = [];
    const possible: number[] = [];
    for (const r of f.rectangles) {
      let state: "in" | "maybe" | "out" = "in";
      for (const b of r.bounds) {
        const x = assigned[b.issue];
        if (x === undefined) {
          state = "maybe";
          continue;
        }
        const within = x >= b.min && x <= b.max;
        if (within === b.exclude) {
          state = "out";
          break;
        }
      }
      if (state === "in") certain.push(r.utility);
      else if (state === "maybe") possible.push(r.utility);
    }
    const [lo, hi] = aggregateRange(f.aggregation, certain, possible);
    total += Math.max(f.weight * lo, f.weight * hi);
  }
  return total;
}

/** Range of the aggregate when the `certain` rectangles hold and any subset of `possible` may. */
function aggregateRange(
  aggregation: ConstraintFunction["aggregation"],
  certain: number[],
  possible: number[],
): [number, number] {
  // Folds instead of Math.max(...xs): a profile may hold more rectangles than a call takes arguments.
  const max = (xs: number[], from: number) => xs.reduce((a, b) => (b > a ? b : a), from);
  const min = (xs: number[], from: number) => xs.reduce((a, b) => (b < a ? b : a), from);
  const none = certain.length === 0; // the outcome may fall in no rectangle: the function is then 0
  if (aggregation === "sum") {
    const base = certain.reduce((a, b) => a + b, 0);
    return [
      base + possible.reduce((a, b) => a + Math.min(0, b), 0),
      base + possible.reduce((a, b) => a + Math.max(0, b), 0),
    ];
  }
  if (none) return [min(possible, 0), max(possible, 0)];
  const inf = Number.POSITIVE_INFINITY;
  return aggregation === "max"
    ? [max(certain, -inf), max(possible, max(certain, -inf))]
    : [min(possible, min(certain, inf)), min(certain, inf)];
}
