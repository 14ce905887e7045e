import { everyone } from "../model/agreement-rule.js";
import type { Scenario } from "../model/scenario.js";
import type { UtilityFunction } from "../model/utility.js";
import type { AnalysisOptions } from "./types.js";

/**
 * The options the analysis considers on each issue: the settled option on a
 * settled point, else every option the parties without a red line on it
 * could pass (under unanimity: no party has it on a red line). When red lines
 * cover every option of an open point, that point keeps all its options (no
 * deal exists, but the frontier still shows what the parties could get) and is
 * listed in `redLineBlocked`. Reopened points keep every option.
 */
export interface Admissible {
  options: number[][];
  redLineBlocked: number[];
}

export function admissibleOptions(
  scenario: Scenario,
  utilities: readonly UtilityFunction[],
  options: AnalysisOptions = {},
  wins: (coalition: number) => boolean = (c) => c === everyone(utilities.length),
): Admissible {
  const { space } = scenario;
  const settled = options.settled ?? [];
  const reopened = new Set(options.reopened ?? []);
  const redLineBlocked: number[] = [];
  const result = space.cardinalities.map((n, issue) => {
    const all = Array.from({ length: n }, (_, k) => k);
    if (reopened.has(issue)) return all;
    const option = settled[issue];
    if (option !== undefined && option !== null) {
      if (!Number.isInteger(option) || option < 0 || option >= n) {
        throw new RangeError(`issue ${issue} has no option ${option}`);
      }
      return [option];
    }
    const open = all.filter((k) => !redLineBars(utilities, wins, issue, k));
    if (open.length > 0) return open;
    redLineBlocked.push(issue);
    return all;
  });
  return { options: result, redLineBlocked };
}

/** Number of outcomes that use only admissible options. */
export function admissibleSize(admissible: Admissible): bigint {
  return admissible.options.reduce((acc, o) => acc * BigInt(o.length), 1n);
}

/** True when the parties without a red line on option k of the issue form no winning coalition. */
export function redLineBars(
  utilities: readonly UtilityFunction[],
  wins: (coalition: number) => boolean,
  issue: number,
  k: number,
): boolean {
  let free = 0;
  utilities.forEach((u, p) => {
    if (!u.isRedLine(issue, k)) free |= 1 << p;
  });
  return !wins(free);
}
