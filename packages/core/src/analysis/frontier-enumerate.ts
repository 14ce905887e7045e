import type { UtilityFunction } from "../model/utility.js";
import { nonDominated, quantize } from "./dominance.js";
import { forEachOutcome, outcomeAtOrdinal } from "./enumerate.js";

const BATCH = 1 << 16;

/**
 * Exact frontier by visiting every admissible outcome (any utility kind).
 * Candidates are filtered in batches together with the frontier so far, so
 * memory stays proportional to the frontier, not to the space.
 */
export function enumeratedFrontier(
  utilities: readonly UtilityFunction[],
  options: readonly (readonly number[])[],
): number[][] {
  const dim = utilities.length;
  let kept = { coords: new Float64Array(0), ordinals: new Float64Array(0) };
  const coords = new Float64Array(BATCH * dim);
  const ordinals = new Float64Array(BATCH);
  let pending = 0;
  const flush = () => {
    const before = kept.ordinals.length;
    const total = before + pending;
    const all = new Float64Array(total * dim);
    all.set(kept.coords);
    all.set(coords.subarray(0, pending * dim), kept.coords.length);
    const allOrdinals = new Float64Array(total);
    allOrdinals.set(kept.ordinals);
    allOrdinals.set(ordinals.subarray(0, pending), before);
    const survivors = nonDominated(all, dim, total);
    kept = { coords: new Float64Array(survivors.length * dim), ordinals: new Float64Array(survivors.length) };
    survivors.forEach((i, r) => {
      kept.coords.set(all.subarray(i * dim, i * dim + dim), r * dim);
      kept.ordinals[r] = allOrdinals[i];
    });
    pending = 0;
  };
  forEachOutcome(options, (o, ordinal) => {
    const at = pending * dim;
    for (let p = 0; p < dim; p++) coords[at + p] = quantize(utilities[p].utility(o));
    ordinals[pending++] = ordinal;
    if (pending === BATCH) flush();
  });
  flush();
  return Array.from(kept.ordinals, (ordinal) => outcomeAtOrdinal(options, ordinal));
}
