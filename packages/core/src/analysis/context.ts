import type { Scenario } from "../model/scenario.js";
import { compileParties } from "../model/scenario.js";
import type { UtilityFunction } from "../model/utility.js";
import { type Admissible, admissibleOptions } from "./admissible.js";
import { meetsReservations } from "./reservations.js";
import type { AnalysisOptions } from "./types.js";

/** What every analysis step needs, compiled once per (scenario, settled points). */
export interface AnalysisContext {
  scenario: Scenario;
  utilities: UtilityFunction[];
  admissible: Admissible;
  options: AnalysisOptions;
}

export function analysisContext(
  scenario: Scenario,
  options: AnalysisOptions = {},
  utilities: UtilityFunction[] = compileParties(scenario),
): AnalysisContext {
  return { scenario, utilities, admissible: admissibleOptions(scenario, utilities, options), options };
}

/** The same scenario and compiled utilities with other options (settled or reopened points). */
export function withOptions(context: AnalysisContext, options: Partial<AnalysisOptions>): AnalysisContext {
  return analysisContext(context.scenario, { ...context.options, ...options }, context.utilities);
}

/** True when the outcome uses an option some party has on a red line (reopened points aside). */
export function crossesRedLine(context: AnalysisContext, outcome: ArrayLike<number>): boolean {
  const reopened = context.options.reopened ?? [];
  return context.utilities.some((u) => {
    if (!u.crossesRedLine(outcome)) return false;
    return u.profile.redLines.some((r) => outcome[r.issue] === r.option && !reopened.includes(r.issue));
  });
}

/** True when some settled point (not reopened) is settled on an option a party has on a red line. */
export function settledOnRedLine(context: AnalysisContext): boolean {
  const reopened = context.options.reopened ?? [];
  const settled = context.options.settled ?? [];
  return settled.some(
    (k, i) =>
      k !== null &&
      k !== undefined &&
      !reopened.includes(i) &&
      context.utilities.some((u) => u.isRedLine(i, k)),
  );
}

/** In the agreement zone: every party at least at its reservation, and no red line crossed. */
export function inZone(
  context: AnalysisContext,
  point: { outcome: ArrayLike<number>; utilities: ArrayLike<number> },
): boolean {
  return meetsReservations(point.utilities, reservations(context)) && !crossesRedLine(context, point.outcome);
}

/** Reservation values at time 0, in party order. */
export function reservations(context: AnalysisContext): number[] {
  return context.utilities.map((u) => u.profile.reservation);
}

export function isAdditive(context: AnalysisContext): boolean {
  return context.utilities.every((u) => u.contributions !== null);
}
