import { nonDominated, quantize } from "./dominance.js";

/**
 * Pareto frontier of additive utilities without enumeration: merge issue by
 * issue, keeping only non-dominated partial sums (F_k = ND(F_{k-1} ⊕ S_k))
 * with back-pointers to recover the outcomes. Sums are over quantised
 * contributions (see dominance.ts), so they are exact integers.
 *
 * U = min(1, Σ): the clip only creates ties, so dominance over raw sums stays
 * valid; the caller clips and re-filters.
 */
export interface AdditiveMergeInput {
  /** contributions[party][issue][option] = wᵢ·eᵢ(option). */
  contributions: readonly (readonly ArrayLike<number>[])[];
  /** Admissible options per issue. */
  options: readonly (readonly number[])[];
  /** Largest total ε allowed once a partial frontier outgrows `cap` (never for two parties). */
  epsilon: number;
  /** Partial-frontier size beyond which three or more parties switch to an ε-grid. */
  cap: number;
  /** Told the fraction of merge steps done after each one. */
  progress?: (fraction: number) => void;
}

export interface AdditiveMergeResult {
  outcomes: number[][];
  /** Total ε of the grid thinning applied; 0 when exact. */
  epsilon: number;
}

/** One merge step: which issue, and for each point its parent in the previous step and its option. */
interface Step {
  issue: number;
  parent: Int32Array;
  option: Int32Array;
}

export function additiveFrontier(input: AdditiveMergeInput): AdditiveMergeResult {
  const dim = input.contributions.length;
  const issueCount = input.options.length;
  const base = new Float64Array(dim);
  const varying: number[] = [];
  for (let i = 0; i < issueCount; i++) {
    const opts = input.options[i];
    if (opts.length === 1) {
      for (let p = 0; p < dim; p++) base[p] += quantize(input.contributions[p][i][opts[0]]);
    } else varying.push(i);
  }
  let coords: Float64Array = base;
  let count = 1;
  let epsilon = 0;
  const steps: Step[] = [];
  const scratch = newScratch();
  for (let s = 0; s < varying.length; s++) {
    const issue = varying[s];
    const opts = input.options[issue];
    const shift = new Float64Array(opts.length * dim);
    for (let j = 0; j < opts.length; j++) {
      for (let p = 0; p < dim; p++) shift[j * dim + p] = quantize(input.contributions[p][issue][opts[j]]);
    }
    const next =
      dim === 2
        ? mergeTwo(coords, count, shift, opts.length, scratch)
        : mergeMany(coords, count, dim, shift, opts.length);
    if (dim > 2 && input.epsilon > 0 && next.count > input.cap) {
      // Spread the ε budget left over the steps left: total error stays ≤ ε.
      const delta = (input.epsilon - epsilon) / (varying.length - s);
      thinToGrid(next, dim, quantize(delta));
      epsilon += delta;
    }
    steps.push({ issue, parent: next.parent, option: next.option.map((j) => opts[j]) });
    coords = next.coords;
    count = next.count;
    input.progress?.((s + 1) / varying.length);
  }
  const outcomes: number[][] = [];
  for (let k = 0; k < count; k++) {
    const outcome = input.options.map((o) => o[0]);
    let at = k;
    for (let s = steps.length - 1; s >= 0; s--) {
      outcome[steps[s].issue] = steps[s].option[at];
      at = steps[s].parent[at];
    }
    outcomes.push(outcome);
  }
  return { outcomes, epsilon };
}

interface Merged {
  coords: Float64Array;
  count: number;
  parent: Int32Array;
  option: Int32Array;
}

/**
 * Two parties: the staircase F (x strictly descending, y strictly ascending)
 * shifted by each option is again a staircase; merging them one at a time and
 * sweeping keeps every intermediate result small. The two scratch buffers are
 * reused across merges and steps (they only grow), so large frontiers do not
 * churn the allocator.
 */
function mergeTwo(
  coords: Float64Array,
  count: number,
  shift: Float64Array,
  m: number,
  scratch: Scratch,
): Merged {
  let acc = reserve(scratch, 0, count);
  for (let k = 0; k < count; k++) {
    acc.coords[2 * k] = coords[2 * k] + shift[0];
    acc.coords[2 * k + 1] = coords[2 * k + 1] + shift[1];
    acc.parent[k] = k;
    acc.option[k] = 0;
  }
  acc.count = count;
  for (let j = 1; j < m; j++) {
    const dx = shift[2 * j];
    const dy = shift[2 * j + 1];
    const out = reserve(scratch, j % 2, acc.count + count);
    let n = 0;
    let a = 0;
    let b = 0;
    let bestY = Number.NEGATIVE_INFINITY;
    while (a < acc.count || b < count) {
      const bx = b < count ? coords[2 * b] + dx : Number.NEGATIVE_INFINITY;
      const by = b < count ? coords[2 * b + 1] + dy : Number.NEGATIVE_INFINITY;
      const fromAcc =
        a < acc.count &&
        (acc.coords[2 * a] > bx || (acc.coords[2 * a] === bx && acc.coords[2 * a + 1] >= by));
      const y = fromAcc ? acc.coords[2 * a + 1] : by;
      if (y > bestY) {
        bestY = y;
        out.coords[2 * n] = fromAcc ? acc.coords[2 * a] : bx;
        out.coords[2 * n + 1] = y;
        out.parent[n] = fromAcc ? acc.parent[a] : b;
        out.option[n] = fromAcc ? acc.option[a] : j;
        n++;
      }
      if (fromAcc) a++;
      else b++;
    }
    out.count = n;
    acc = out;
  }
  return {
    coords: acc.coords.slice(0, acc.count * 2),
    count: acc.count,
    parent: acc.parent.slice(0, acc.count),
    option: acc.option.slice(0, acc.count),
  };
}

/** Two reusable merge buffers. */
type Scratch = [Merged, Merged];

function newScratch(): Scratch {
  return [emptyMerged(0), emptyMerged(0)];
}

function emptyMerged(capacity: number): Merged {
  return {
    coords: new Float64Array(capacity * 2),
    count: 0,
    parent: new Int32Array(capacity),
    option: new Int32Array(capacity),
  };
}

/** Buffer `which` (0 or 1), grown to hold `capacity` points. */
function reserve(scratch: Scratch, which: number, capacity: number): Merged {
  const i = which % 2;
  if (scratch[i].parent.length < capacity) scratch[i] = emptyMerged(Math.ceil(capacity * 1.5));
  return scratch[i];
}

/** Three or more parties: all shifted copies, then one non-dominated filter. */
function mergeMany(coords: Float64Array, count: number, dim: number, shift: Float64Array, m: number): Merged {
  const total = count * m;
  const all = new Float64Array(total * dim);
  for (let j = 0; j < m; j++) {
    for (let k = 0; k < count; k++) {
      const at = (j * count + k) * dim;
      for (let p = 0; p < dim; p++) all[at + p] = coords[k * dim + p] + shift[j * dim + p];
    }
  }
  const kept = nonDominated(all, dim, total);
  return gather(
    all,
    dim,
    kept,
    (i) => i % count,
    (i) => Math.floor(i / count),
  );
}

function gather(
  all: Float64Array,
  dim: number,
  kept: ArrayLike<number>,
  parentOf: (i: number) => number,
  optionOf: (i: number) => number,
): Merged {
  const n = kept.length;
  const out: Merged = {
    coords: new Float64Array(n * dim),
    count: n,
    parent: new Int32Array(n),
    option: new Int32Array(n),
  };
  for (let r = 0; r < n; r++) {
    const i = kept[r];
    out.coords.set(all.subarray(i * dim, i * dim + dim), r * dim);
    out.parent[r] = parentOf(i);
    out.option[r] = optionOf(i);
  }
  return out;
}

/**
 * ε-grid: cut the space of parties 2..n into cells of side delta and keep, in
 * each cell, the point best for party 1 (points arrive sorted by it). Every
 * dropped point p has a kept q with q₁ ≥ p₁ and qᵢ > pᵢ − delta.
 */
function thinToGrid(merged: Merged, dim: number, delta: number): void {
  const seen = new Set<string>();
  const keep: number[] = [];
  const cell = new Array<number>(dim - 1);
  for (let r = 0; r < merged.count; r++) {
    for (let p = 1; p < dim; p++) cell[p - 1] = Math.floor(merged.coords[r * dim + p] / delta);
    const key = cell.join(",");
    if (seen.has(key)) continue;
    seen.add(key);
    keep.push(r);
  }
  const thinned = gather(
    merged.coords,
    dim,
    keep,
    (r) => merged.parent[r],
    (r) => merged.option[r],
  );
  Object.assign(merged, thinned);
}
