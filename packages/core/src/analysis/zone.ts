import { lowerBound } from "../model/lower-bound.js";
import { Rng } from "../model/rng.js";
import type { Scenario } from "../model/scenario.js";
import { admissibleSize } from "./admissible.js";
import {
  type AnalysisContext,
  analysisContext,
  inZone,
  isAdditive,
  reservations,
  settledOnRedLine,
} from "./context.js";
import { quantize } from "./dominance.js";
import { forEachOutcome } from "./enumerate.js";
import { meetsReservations } from "./reservations.js";
import type { AnalysisOptions, Frontier } from "./types.js";

/** The agreement zone: outcomes that give every party at least its reservation and cross no red line. */
export interface AgreementZone {
  empty: boolean;
  /** Number of outcomes in the zone: exact, or an estimate when `exact` is false. */
  size: bigint;
  exact: boolean;
}

/** Spaces up to this size are counted outcome by outcome. */
const COUNT_LIMIT = 2_000_000;
/** Two-party additive spaces are counted exactly by meet-in-the-middle when each half is at most this. */
const HALF_LIMIT = 1 << 22;
const SAMPLES = 200_000;

export function agreementZone(
  scenario: Scenario,
  frontier: Frontier,
  options: AnalysisOptions = {},
): AgreementZone {
  return zoneOf(analysisContext(scenario, options), frontier);
}

/**
 * Emptiness comes from the frontier (a zone outcome is dominated by a frontier
 * point that is in the zone too); the size from counting, a meet-in-the-middle
 * count for two additive parties, or a seeded sample.
 */
export function zoneOf(context: AnalysisContext, frontier: Frontier): AgreementZone {
  const r = reservations(context);
  const nonEmpty = frontier.points.some((p) => inZone(context, p));
  // Every admissible outcome uses a settled option on a red line, or a point whose options all are.
  if (context.admissible.redLineBlocked.length > 0 || settledOnRedLine(context))
    return { empty: true, size: 0n, exact: true };
  if (!nonEmpty && frontier.exact) return { empty: true, size: 0n, exact: true };
  const total = admissibleSize(context.admissible);
  if (r.every((x) => x <= 0)) return { empty: total === 0n, size: total, exact: true };
  if (total <= BigInt(COUNT_LIMIT)) return withSize(countByEnumeration(context, r), true);
  if (context.utilities.length === 2 && isAdditive(context)) {
    const count = countMeetInTheMiddle(context, r);
    if (count !== null) return withSize(count, true);
  }
  const estimate = estimateBySampling(context, r, total);
  // A zone the frontier shows to be non-empty has at least one outcome, whatever the sample says.
  return {
    empty: !nonEmpty && estimate === 0n,
    size: nonEmpty && estimate === 0n ? 1n : estimate,
    exact: false,
  };
}

function withSize(size: bigint, exact: boolean): AgreementZone {
  return { empty: size === 0n, size, exact };
}

export function countByEnumeration(context: AnalysisContext, r: number[]): bigint {
  const u = new Float64Array(r.length);
  let count = 0;
  forEachOutcome(context.admissible.options, (o) => {
    for (let p = 0; p < r.length; p++) u[p] = context.utilities[p].utility(o);
    if (meetsReservations(u, r)) count++;
  });
  return BigInt(count);
}

function estimateBySampling(context: AnalysisContext, r: number[], total: bigint): bigint {
  const rng = new Rng(context.options.seed ?? 0);
  const options = context.admissible.options;
  const o = new Int32Array(options.length);
  const u = new Float64Array(r.length);
  let hits = 0;
  for (let s = 0; s < SAMPLES; s++) {
    for (let i = 0; i < options.length; i++) o[i] = options[i][rng.int(options[i].length)];
    for (let p = 0; p < r.length; p++) u[p] = context.utilities[p].utility(o);
    if (meetsReservations(u, r)) hits++;
  }
  return (total * BigInt(hits) + BigInt(SAMPLES / 2)) / BigInt(SAMPLES);
}

/**
 * Two additive parties: split the issues in two halves, list each half's
 * partial sums, and count pairs whose sums reach both reservations: a 2-D
 * dominance count (sweep on party 1, Fenwick tree on party 2). Null when a
 * half is too large to list.
 */
export function countMeetInTheMiddle(context: AnalysisContext, r: number[]): bigint | null {
  const options = context.admissible.options;
  const tables = context.utilities.map((u) => u.contributions!);
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
