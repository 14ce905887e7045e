import { lowerBound } from "../model/lower-bound.js";
import { quantize } from "./dominance.js";

/** Two-party additive spaces are counted exactly by meet-in-the-middle when each half is at most this. */
const HALF_LIMIT = 1 << 22;

/**
 * Outcomes over the given options whose two additive parties both reach their
 * reservation: split the issues in two halves, list each half's partial sums,
 * and count pairs whose sums reach both reservations, a 2-D dominance count
 * (sweep on party 1, Fenwick tree on party 2). Null when a half is too large to list.
 */
export function countPairsMeetingReservations(
  options: readonly (readonly number[])[],
  tables: readonly (readonly Float64Array[])[],
  r: readonly number[],
): bigint | null {
  const order = options.map((_, i) => i).sort((a, b) => options[b].length - options[a].length);
  const halves: number[][] = [[], []];
  const sizes = [1, 1];
  for (const i of order) {
    const h = sizes[0] <= sizes[1] ? 0 : 1;
    halves[h].push(i);
    sizes[h] *= options[i].length;
  }
  if (sizes[0] > HALF_LIMIT || sizes[1] > HALF_LIMIT) return null;
  const [left, right] = halves.map((issues) => partialSums(issues, options, tables));
  // A pair counts when left₁ + right₁ ≥ need₁ and left₂ + right₂ ≥ need₂ (quantised, 12-decimal slack).
  const need = r.map((x) => quantize(x) - 0.5);
  const rightByX = sortedBy(right.x);
  // Left sums by x ascending: the x still needed from the right half only falls.
  const leftByNeed = sortedBy(left.x);
  const ys = Float64Array.from(right.y).sort();
  const tree = new Int32Array(ys.length + 1);
  let count = 0n;
  let next = right.x.length - 1;
  let added = 0;
  for (const a of leftByNeed) {
    const needX = need[0] - left.x[a];
    while (next >= 0 && right.x[rightByX[next]] >= needX) {
      const rank = lowerBound(ys, right.y[rightByX[next]]) + 1;
      for (let k = rank; k <= ys.length; k += k & -k) tree[k]++;
      added++;
      next--;
    }
    let below = 0;
    for (let k = lowerBound(ys, need[1] - left.y[a]); k > 0; k -= k & -k) below += tree[k];
    count += BigInt(added - below);
  }
  return count;
}

/** Every combination of the given issues' admissible options: its two quantised partial sums. */
function partialSums(
  issues: number[],
  options: readonly (readonly number[])[],
  tables: readonly (readonly Float64Array[])[],
): { x: Float64Array; y: Float64Array } {
  let x = new Float64Array([0]);
  let y = new Float64Array([0]);
  for (const i of issues) {
    const opts = options[i];
    const nx = new Float64Array(x.length * opts.length);
    const ny = new Float64Array(x.length * opts.length);
    for (let j = 0; j < opts.length; j++) {
      const dx = quantize(tables[0][i][opts[j]]);
      const dy = quantize(tables[1][i][opts[j]]);
      for (let k = 0; k < x.length; k++) {
        nx[j * x.length + k] = x[k] + dx;
        ny[j * x.length + k] = y[k] + dy;
      }
    }
    x = nx;
    y = ny;
  }
  return { x, y };
}

/** Indices sorted by value ascending. */
function sortedBy(values: Float64Array): Int32Array {
  const idx = new Int32Array(values.length);
  for (let i = 0; i < idx.length; i++) idx[i] = i;
  return idx.sort((a, b) => values[a] - values[b]);
}
