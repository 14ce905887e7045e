import type { Scenario } from "../model/scenario.js";
import { compileParties } from "../model/scenario.js";
import type { UtilityFunction } from "../model/utility.js";
import { type Admissible, admissibleOptions } from "./admissible.js";
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

/** The same scenario and compiled utilities with other settled points. */
export function withFixed(context: AnalysisContext, fixed: readonly (number | null)[]): AnalysisContext {
  return analysisContext(context.scenario, { ...context.options, fixed }, context.utilities);
}

/** Reservation values at time 0, in party order. */
export function reservations(context: AnalysisContext): number[] {
  return context.utilities.map((u) => u.profile.reservation);
}

export function isAdditive(context: AnalysisContext): boolean {
  return context.utilities.every((u) => u.contributions !== null);
}
