import { lowerBound } from "../model/lower-bound.js";
/**
 * Dominance with the 12-decimal rule: utilities that agree to 12 decimals are
 * equal (sums of the same terms in another order differ in the last bits).
 * Utilities are quantised to integer multiples of 1e-12; integer sums below
 * 2^53 are exact in doubles, so the order of addition no longer matters.
 */
export const QUANTUM = 1e12;

export function quantize(u: number): number {
  return Math.round(u * QUANTUM);
}

/** True when `a` is at least `b` everywhere (both vectors of length dim at the given offsets). */
function weaklyAbove(coords: Float64Array, a: number, b: number, dim: number): boolean {
  for (let d = 0; d < dim; d++) if (coords[a * dim + d] < coords[b * dim + d]) return false;
  return true;
}

/** Indices 0..count-1 sorted lexicographically descending on the vectors (a dominator precedes what it dominates). */
function sortDescending(coords: Float64Array, dim: number, count: number): Int32Array {
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  order.sort((a, b) => {
    for (let d = 0; d < dim; d++) {
      const diff = coords[b * dim + d] - coords[a * dim + d];
      if (diff !== 0) return diff;
    }
    return a - b;
  });
  return order;
}

/**
 * The non-dominated vectors among `count` vectors of length `dim` stored flat
 * in `coords` (compared exactly: quantise first for the 12-decimal rule).
 * Of equal vectors, the first in sorted order is kept. Returns their indices
 * sorted lexicographically descending.
 */
export function nonDominated(coords: Float64Array, dim: number, count: number): Int32Array {
  const order = sortDescending(coords, dim, count);
  if (dim === 1) return order.slice(0, Math.min(1, count));
  if (dim === 2) return sweep2(coords, order);
  if (dim === 3) return sweep3(coords, order);
  return sweepGrid(coords, dim, order);
}

/** Grid side for the bucket index of sweepGrid. */
const GRID = 16;

/**
 * Four or more dimensions: in x-descending order a point survives iff no kept
 * point is at least as high in every other coordinate. Kept points are
 * bucketed on a GRID × GRID grid over coordinates 2 and 3, each bucket with its
 * maxima of the other coordinates, so a query skips the buckets below the
 * point and those whose maxima already fall short.
 */
function sweepGrid(coords: Float64Array, dim: number, order: Int32Array): Int32Array {
  const lo = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY];
  const hi = [Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY];
  for (const i of order) {
    for (let d = 0; d < 2; d++) {
      const v = coords[i * dim + 1 + d];
      if (v < lo[d]) lo[d] = v;
      if (v > hi[d]) hi[d] = v;
    }
  }
  const cell = (v: number, d: number) =>
    Math.min(GRID - 1, Math.floor(((v - lo[d]) / (hi[d] - lo[d] + 1)) * GRID));
  const buckets: number[][] = Array.from({ length: GRID * GRID }, () => []);
  const maxima = new Float64Array(GRID * GRID * dim).fill(Number.NEGATIVE_INFINITY);
  const kept: number[] = [];
  for (const i of order) {
    const cy = cell(coords[i * dim + 1], 0);
    const cz = cell(coords[i * dim + 2], 1);
    let dominated = false;
    for (let by = cy; by < GRID && !dominated; by++) {
      for (let bz = cz; bz < GRID && !dominated; bz++) {
        const b = by * GRID + bz;
        if (buckets[b].length === 0) continue;
        let reachable = true;
        for (let d = 1; d < dim; d++) {
          if (maxima[b * dim + d] < coords[i * dim + d]) {
            reachable = false;
            break;
          }
        }
        if (!reachable) continue;
        for (const k of buckets[b]) {
          if (weaklyAbove(coords, k, i, dim)) {
            dominated = true;
            break;
          }
        }
      }
    }
    if (dominated) continue;
    kept.push(i);
    const b = cy * GRID + cz;
    buckets[b].push(i);
    for (let d = 1; d < dim; d++) maxima[b * dim + d] = Math.max(maxima[b * dim + d], coords[i * dim + d]);
  }
  return Int32Array.from(kept);
}

/** Two dimensions: in x-descending order a point survives iff its y beats every y before it. */
function sweep2(coords: Float64Array, order: Int32Array): Int32Array {
  const kept: number[] = [];
  let best = Number.NEGATIVE_INFINITY;
  for (const i of order) {
    const y = coords[i * 2 + 1];
    if (y > best) {
      kept.push(i);
      best = y;
    }
  }
  return Int32Array.from(kept);
}

/**
 * Three dimensions: in x-descending order, a point survives iff no kept point
 * is at least as high in both y and z. The kept (y, z) staircase is stored with
 * y ascending and z descending, so one binary search answers the query.
 */
function sweep3(coords: Float64Array, order: Int32Array): Int32Array {
  const kept: number[] = [];
  const ys: number[] = [];
  const zs: number[] = [];
  for (const i of order) {
    const y = coords[i * 3 + 1];
    const z = coords[i * 3 + 2];
    const lo = lowerBound(ys, y);
    if (lo < ys.length && zs[lo] >= z) continue;
    kept.push(i);
    // Staircase points now dominated in (y, z) sit just before lo (and at lo when its y equals).
    const end = lo < ys.length && ys[lo] === y ? lo + 1 : lo;
    let start = lo;
    while (start > 0 && zs[start - 1] <= z) start--;
    ys.splice(start, end - start, y);
    zs.splice(start, end - start, z);
  }
  return Int32Array.from(kept);
}
