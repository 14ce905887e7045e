import { type CurvePoint, curveValue, tidy } from "./curve";
import type { Draft, DraftParty, DraftPoint } from "./draft";

/**
 * What the guided elicitation asks about on each point: its options, or a few values of its
 * number range (the curve runs straight between them). Packages to rank pick one choice per point.
 */

/** Ranges this short are asked value by value; longer ones at five evenly spaced values. */
const ALL_VALUES_UP_TO = 6;
const SAMPLES = 5;

/** The values of a number range the elicitation asks about, smallest first; none for a reversed range. */
export function sampleValues(point: DraftPoint): number[] {
  const { min, max } = point.range;
  if (!(min <= max)) return [];
  if (min === max) return [min];
  const integer = point.kind === "integer";
  if (integer && max - min + 1 <= ALL_VALUES_UP_TO)
    return Array.from({ length: max - min + 1 }, (_, j) => min + j);
  const at = (j: number) => min + (j * (max - min)) / (SAMPLES - 1);
  return [...new Set(Array.from({ length: SAMPLES }, (_, j) => (integer ? Math.round(at(j)) : tidy(at(j)))))];
}

/** The labels of a point's choices: option names, or the sampled values. */
export const choiceLabels = (point: DraftPoint): string[] =>
  point.kind === "options" ? point.options.map((o) => o.value) : sampleValues(point).map(String);

/** Party k's value of each choice of each point: the option values, or its curve at the sampled values. */
export function choiceValues(draft: Draft, k: number): number[][] {
  const party = draft.parties[k];
  return draft.points.map((p, i) =>
    p.kind === "options"
      ? p.options.map((_, o) => party.values[i]?.[o] ?? 0)
      : sampleValues(p).map((x) => curveValue(party.curves[i], x)),
  );
}

/**
 * Party k's option values and curves from its ratings (values = rating / 10): a number range's
 * curve becomes the rated values, straight between them, unless its ratings were left as they
 * started, when the curve stays exactly as it was.
 */
export function fromRatings(
  draft: Draft,
  k: number,
  values: readonly number[][],
  ratings: readonly number[][],
  started: readonly number[][],
): Pick<DraftParty, "values" | "curves"> {
  const party = draft.parties[k];
  const same = (i: number) => ratings[i].every((r, j) => r === started[i][j]);
  return {
    values: draft.points.map((p, i) => (p.kind === "options" ? [...values[i]] : party.values[i])),
    curves: draft.points.map((p, i) =>
      p.kind === "options" || same(i)
        ? party.curves[i]
        : { points: sampleValues(p).map((x, j): CurvePoint => [x, values[i][j]]) },
    ),
  };
}
