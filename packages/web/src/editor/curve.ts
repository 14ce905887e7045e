import { evaluateNumeric, type ValueFunction } from "@parley/core";

/**
 * A numeric point's value function for one party, as the editor holds it: a short table of
 * (value, score) points, a piecewise-linear curve. A file's linear or triangular function is kept
 * exactly (`kept`) until the person edits that curve, so opening and saving changes nothing.
 */
export type CurvePoint = [number, number];
export type KeptFunction = Extract<ValueFunction, { type: "linear" | "triangular" }>;
export type DraftCurve = { points: CurvePoint[] } | { kept: KeptFunction };

/** A number range: integer (min, max) or real (min, max and the grid's steps). */
export interface DraftRange {
  min: number;
  max: number;
  steps: number;
}

/** Six decimals: enough for any score or value a person types, and no 0.30000000000000004. */
export const tidy = (x: number) => Math.round(x * 1e6) / 1e6 + 0;

/** The rising line a new curve starts as: 0 at min, 1 at max. */
export const risingLine = ({ min, max }: DraftRange): DraftCurve => ({
  points:
    min === max
      ? [[min, 1]]
      : [
          [min, 0],
          [max, 1],
        ],
});

/**
 * The curve's table on the range: its own points, or the kept function's corners (the range's
 * ends and wherever it bends inside the range), through which the table runs exactly like it.
 */
export function curveTable(curve: DraftCurve, range: DraftRange): CurvePoint[] {
  if ("points" in curve) return curve.points;
  const fn = curve.kept;
  const bends =
    fn.type === "triangular"
      ? [fn.low, fn.top, fn.high]
      : fn.slope === 0
        ? []
        : [fn.origin - fn.offset / fn.slope, fn.origin + (1 - fn.offset) / fn.slope];
  const xs = [range.min, ...bends.filter((x) => x > range.min && x < range.max), range.max];
  return [...new Set(xs.map(tidy))]
    .sort((a, b) => a - b)
    .map((x): CurvePoint => [x, tidy(evaluateNumeric(fn, x))]);
}

/** The curve as the core's value function. */
export const curveFunction = (curve: DraftCurve): Exclude<ValueFunction, { type: "table" }> =>
  "points" in curve ? { type: "piecewise", points: curve.points } : curve.kept;

/** The score of value `x`, as the core reckons it. */
export const curveValue = (curve: DraftCurve, x: number) => evaluateNumeric(curveFunction(curve), x);

/** Best becomes worst: every score s becomes 1 − s. */
export const flipped = (table: readonly CurvePoint[]): CurvePoint[] =>
  table.map(([x, y]) => [x, tidy(1 - y)]);

/**
 * A point added to the table: halfway along its widest gap (a whole number on an integer range),
 * scored where the curve runs there, so adding it changes nothing until it is edited.
 */
export function withPointAdded(
  table: readonly CurvePoint[],
  range: DraftRange,
  integer: boolean,
): CurvePoint[] {
  if (table.length === 0) return [[range.min, 0]];
  if (table.length === 1)
    return [...table, [table[0][0] === range.max ? range.min : range.max, table[0][1]]].sort(
      (a, b) => a[0] - b[0],
    ) as CurvePoint[];
  let widest = 1;
  for (let j = 2; j < table.length; j++)
    if (table[j][0] - table[j - 1][0] > table[widest][0] - table[widest - 1][0]) widest = j;
  const [x0, y0] = table[widest - 1];
  const [x1, y1] = table[widest];
  const mid = integer ? Math.round((x0 + x1) / 2) : tidy((x0 + x1) / 2);
  const y = x1 === x0 ? y1 : tidy(y0 + ((y1 - y0) * (mid - x0)) / (x1 - x0));
  return [...table.slice(0, widest), [mid, y], ...table.slice(widest)];
}

/** When the range moves, the table's first and last points follow its ends if they sat on them. */
export function followRange(table: readonly CurvePoint[], from: DraftRange, to: DraftRange): CurvePoint[] {
  const last = table.length - 1;
  return table.map(([x, y], j): CurvePoint => {
    if (j === 0 && x === from.min) return [to.min, y];
    if (j === last && x === from.max) return [to.max, y];
    return [x, y];
  });
}
