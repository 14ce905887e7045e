import type { UtilityFunction } from "../model/utility.js";
import { ParetoArchive } from "./archive.js";
import { forEachOutcome, outcomeAtOrdinal } from "./enumerate.js";

/**
 * Exact frontier by visiting every admissible outcome (any utility kind).
 * Outcomes are archived by ordinal, so nothing is allocated per outcome.
 */
export function enumeratedFrontier(
  utilities: readonly UtilityFunction[],
  options: readonly (readonly number[])[],
  /** Told the fraction of outcomes visited, every 65,536 outcomes. */
  progress?: (fraction: number) => void,
): number[][] {
  const archive = new ParetoArchive<number>(utilities.length);
  const values = new Float64Array(utilities.length);
  const total = options.reduce((n, o) => n * o.length, 1);
  forEachOutcome(options, (o, ordinal) => {
    if (progress && (ordinal & 0xffff) === 0) progress(ordinal / total);
    for (let p = 0; p < values.length; p++) values[p] = utilities[p].utility(o);
    archive.offer(ordinal, values);
  });
  return archive.items().map((ordinal) => outcomeAtOrdinal(options, ordinal));
}
