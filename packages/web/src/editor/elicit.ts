import { Rng } from "@parley/core";
import { normalise, roundToTotal } from "./weights";

/**
 * Guided elicitation for someone who has never seen a utility function: split 100 points over
 * the points (the weights), rate each option 0–10 (the values), then put a few packages in order
 * and let the weights follow that order.
 */

export const POINTS_TOTAL = 100;
export const TOP_RATING = 10;

export const pointsFromWeights = (weights: readonly number[]) => roundToTotal(weights, POINTS_TOTAL);
export const weightsFromPoints = (points: readonly number[]) => normalise(points);
export const ratingsFromValues = (values: readonly number[][]) =>
  values.map((row) => row.map((v) => Math.round(v * TOP_RATING)));
export const valuesFromRatings = (ratings: readonly number[][]) =>
  ratings.map((row) => row.map((r) => Math.min(TOP_RATING, Math.max(0, r)) / TOP_RATING));

/** A package: one option per point. */
export type Package = number[];

/** What each point of a package is worth to the party (its value there), weights aside. */
const features = (values: readonly number[][], pkg: Package) => pkg.map((o, i) => values[i][o]);

export function utilityOf(weights: readonly number[], values: readonly number[][], pkg: Package): number {
  return features(values, pkg).reduce((s, v, i) => s + weights[i] * v, 0);
}

const SAMPLES = 200;

/**
 * A few packages worth different amounts to the party, the same ones for the same seed: drawn at
 * random with the seed, then picked evenly along their utility so the list runs from good to bad.
 * Returned best first.
 */
export function packagesToRank(
  cardinalities: readonly number[],
  weights: readonly number[],
  values: readonly number[][],
  seed: string,
  count = 5,
): Package[] {
  const rng = new Rng(seed);
  const seen = new Map<string, Package>();
  for (let s = 0; s < SAMPLES; s++) {
    const pkg = cardinalities.map((n) => rng.int(n));
    seen.set(pkg.join(","), pkg);
  }
  const byUtility = [...seen.values()].sort(
    (a, b) => utilityOf(weights, values, b) - utilityOf(weights, values, a),
  );
  if (byUtility.length <= count) return byUtility;
  return Array.from(
    { length: count },
    (_, j) => byUtility[Math.round((j * (byUtility.length - 1)) / (count - 1))],
  );
}

export interface Fit {
  weights: number[];
  /** Pairs of packages (a placed above b) whose utilities agree with that order, by at least 0.01. */
  matched: number;
  pairs: number;
}

const MARGIN = 0.01;
const STEP = 0.05;
const ROUNDS = 400;

/**
 * Weights that agree with the person's order of packages (best first), starting from `weights`
 * and keeping the option values as rated. A perceptron-like correction: for every pair placed
 * a above b whose utilities disagree (or sit closer than a small margin), move the weights a
 * small step towards the points where a is worth more than b, keeping them ≥ 0 and summing to 1;
 * repeat until every pair agrees or 400 rounds have passed, and keep the weights that agreed with
 * the most pairs. Pairs that are worth the same on every point cannot be told apart and are not
 * counted. Deterministic: no random choice.
 */
export function fitWeights(
  weights: readonly number[],
  values: readonly number[][],
  order: readonly Package[],
): Fit {
  const f = order.map((pkg) => features(values, pkg));
  const pairs: [number, number][] = [];
  for (let a = 0; a < f.length; a++)
    for (let b = a + 1; b < f.length; b++) if (f[a].some((x, i) => x !== f[b][i])) pairs.push([a, b]);
  const gap = ([a, b]: [number, number], ws: readonly number[]) =>
    f[a].reduce((s, x, i) => s + ws[i] * (x - f[b][i]), 0);
  const matchedBy = (ws: readonly number[]) => pairs.filter((pair) => gap(pair, ws) >= MARGIN).length;
  let w = [...weights];
  let best = { weights: w, matched: matchedBy(w), pairs: pairs.length };
  for (let round = 0; round < ROUNDS && best.matched < pairs.length; round++) {
    for (const pair of pairs) {
      if (gap(pair, w) >= MARGIN) continue;
      const [a, b] = pair;
      w = normalise(w.map((x, i) => Math.max(0, x + STEP * (f[a][i] - f[b][i]))));
    }
    const matched = matchedBy(w);
    if (matched > best.matched) best = { weights: w, matched, pairs: pairs.length };
  }
  return best;
}
