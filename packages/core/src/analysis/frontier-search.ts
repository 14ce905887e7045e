import { Rng } from "../model/rng.js";
import type { UtilityFunction } from "../model/utility.js";
import { ParetoArchive } from "./archive.js";

/** Scalarisations tried, restarts per scalarisation, perturbation rounds per restart. */
const DIRECTIONS = 48;
const RESTARTS = 2;
const KICKS = 12;

/**
 * An approximate frontier for spaces too large to enumerate with utilities
 * that are not additive (e.g. ANAC 2014 hyper-rectangles): iterated local
 * search on many scalarisations (weighted sums for the convex part, augmented
 * Chebyshev for the rest), keeping every evaluated outcome in a Pareto
 * archive. Deterministic for a given seed. No ε bound is claimed.
 */
export function searchFrontier(
  utilities: readonly UtilityFunction[],
  options: readonly (readonly number[])[],
  seed: number | string,
  /** Told the fraction of scalarisations done after each one. */
  progress?: (fraction: number) => void,
): number[][] {
  const dim = utilities.length;
  const rng = new Rng(seed);
  const archive = new ParetoArchive<Int32Array>(dim);
  const values = new Float64Array(dim);
  const evaluate = (o: Int32Array, score: (u: Float64Array) => number): number => {
    for (let p = 0; p < dim; p++) values[p] = utilities[p].utility(o);
    archive.offer(o.slice(), values);
    return score(values);
  };
  for (let d = 0; d < DIRECTIONS; d++) {
    const direction = directionAt(d, dim, rng);
    const score = d % 2 === 0 ? weightedSum(direction) : chebyshev(direction);
    for (let r = 0; r < RESTARTS; r++) {
      const start = Int32Array.from(options, (o) => o[rng.int(o.length)]);
      iteratedLocalSearch(start, options, (o) => evaluate(o, score), rng);
    }
    progress?.((d + 1) / DIRECTIONS);
  }
  return archive.items().map((o) => Array.from(o));
}

/** Spreads directions over the simplex: evenly for two parties, at random for more. */
function directionAt(d: number, dim: number, rng: Rng): number[] {
  if (dim === 2) {
    const t = d / (DIRECTIONS - 1);
    return [t, 1 - t];
  }
  const raw = Array.from({ length: dim }, () => -Math.log(1 - rng.next()));
  const sum = raw.reduce((a, b) => a + b, 0);
  return raw.map((x) => x / sum);
}

function weightedSum(direction: number[]): (u: Float64Array) => number {
  return (u) => {
    let s = 0;
    for (let p = 0; p < u.length; p++) s += direction[p] * u[p];
    return s;
  };
}

/** max min_p uₚ/dₚ (+ a small sum so ties break toward efficiency): reaches non-convex parts. */
function chebyshev(direction: number[]): (u: Float64Array) => number {
  const w = direction.map((x) => 1 / Math.max(x, 1e-3));
  return (u) => {
    let min = Number.POSITIVE_INFINITY;
    let sum = 0;
    for (let p = 0; p < u.length; p++) {
      min = Math.min(min, w[p] * u[p]);
      sum += u[p];
    }
    return min + 1e-3 * sum;
  };
}

/** Steepest ascent over single-issue changes, then random kicks of a few issues, keeping improvements. */
export function iteratedLocalSearch(
  start: Int32Array,
  options: readonly (readonly number[])[],
  score: (o: Int32Array) => number,
  rng: Rng,
): { outcome: Int32Array; score: number } {
  let best = start.slice();
  let bestScore = climb(best, options, score);
  for (let k = 0; k < KICKS; k++) {
    const trial = best.slice();
    const changes = 1 + rng.int(3);
    for (let c = 0; c < changes; c++) {
      const i = rng.int(options.length);
      trial[i] = options[i][rng.int(options[i].length)];
    }
    const s = climb(trial, options, score);
    if (s >= bestScore) {
      best = trial;
      bestScore = s;
    }
  }
  return { outcome: best, score: bestScore };
}

/** Improves `o` in place until no single-issue change helps; returns its score. */
function climb(
  o: Int32Array,
  options: readonly (readonly number[])[],
  score: (o: Int32Array) => number,
): number {
  let current = score(o);
  for (;;) {
    let bestGain = 0;
    let bestIssue = -1;
    let bestOption = 0;
    for (let i = 0; i < options.length; i++) {
      const keep = o[i];
      for (const k of options[i]) {
        if (k === keep) continue;
        o[i] = k;
        const gain = score(o) - current;
        if (gain > bestGain) {
          bestGain = gain;
          bestIssue = i;
          bestOption = k;
        }
      }
      o[i] = keep;
    }
    if (bestIssue < 0) return current;
    o[bestIssue] = bestOption;
    current += bestGain;
  }
}
