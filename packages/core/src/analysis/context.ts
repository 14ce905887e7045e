import {
  type AgreementRule,
  everyone,
  isUnanimity,
  UNANIMITY,
  winningTest,
} from "../model/agreement-rule.js";
import { compileParties, ruleOf, type Scenario, selectParties } from "../model/scenario.js";
import type { UtilityFunction } from "../model/utility.js";
import { type Admissible, admissibleOptions } from "./admissible.js";
import { meetsReservations, reaches } from "./reservations.js";
import type { AnalysisOptions } from "./types.js";

/** What every analysis step needs, compiled once per (scenario, settled points). */
export interface AnalysisContext {
  scenario: Scenario;
  utilities: UtilityFunction[];
  admissible: Admissible;
  options: AnalysisOptions;
  /** How a deal is made (the scenario's rule). */
  rule: AgreementRule;
  /** Whether a coalition (bit mask of parties) passes a package under the rule. */
  wins: (coalition: number) => boolean;
}

export function analysisContext(
  scenario: Scenario,
  options: AnalysisOptions = {},
  utilities: UtilityFunction[] = compileParties(scenario),
): AnalysisContext {
  const rule = ruleOf(scenario);
  const wins = winningTest(rule, utilities.length);
  return {
    scenario,
    utilities,
    admissible: admissibleOptions(scenario, utilities, options, wins),
    options,
    rule,
    wins,
  };
}

/** The same scenario and compiled utilities with other options (settled or reopened points). */
export function withOptions(context: AnalysisContext, options: Partial<AnalysisOptions>): AnalysisContext {
  return analysisContext(context.scenario, { ...context.options, ...options }, context.utilities);
}

/** The plan as the given parties alone see it, needing all their yeses (their red lines only). */
export function coalitionContext(context: AnalysisContext, members: readonly number[]): AnalysisContext {
  const scenario: Scenario = { ...selectParties(context.scenario, members), rule: UNANIMITY };
  delete scenario.ruleVariants;
  return analysisContext(
    scenario,
    context.options,
    members.map((p) => context.utilities[p]),
  );
}

export function isUnanimous(context: AnalysisContext): boolean {
  return isUnanimity(context.rule, context.utilities.length);
}

/** Mask of the parties with a red line on an option the outcome uses (reopened points aside). */
export function redLineCrossers(context: AnalysisContext, outcome: ArrayLike<number>): number {
  const reopened = context.options.reopened ?? [];
  let mask = 0;
  context.utilities.forEach((u, p) => {
    if (!u.crossesRedLine(outcome)) return;
    if (u.profile.redLines.some((r) => outcome[r.issue] === r.option && !reopened.includes(r.issue)))
      mask |= 1 << p;
  });
  return mask;
}

/** True when red lines alone leave the outcome no winning coalition (unanimity: any red line crossed). */
export function barredByRedLines(context: AnalysisContext, outcome: ArrayLike<number>): boolean {
  const all = everyone(context.utilities.length);
  return !context.wins((all & ~redLineCrossers(context, outcome)) >>> 0);
}

/** True when the settled points (not reopened) alone, by red lines on their options, leave no winning coalition. */
export function settledOnRedLine(context: AnalysisContext): boolean {
  const reopened = context.options.reopened ?? [];
  const settled = context.options.settled ?? [];
  let crossers = 0;
  settled.forEach((k, i) => {
    if (k === null || k === undefined || reopened.includes(i)) return;
    context.utilities.forEach((u, p) => {
      if (u.isRedLine(i, k)) crossers |= 1 << p;
    });
  });
  return !context.wins((everyone(context.utilities.length) & ~crossers) >>> 0);
}

/** Mask of the parties that accept the outcome: at least their reservation, none of their red lines crossed. */
export function acceptors(
  context: AnalysisContext,
  point: { outcome: ArrayLike<number>; utilities: ArrayLike<number> },
): number {
  const r = reservations(context);
  const crossers = redLineCrossers(context, point.outcome);
  let mask = 0;
  for (let p = 0; p < r.length; p++)
    if (reaches(point.utilities[p], r[p]) && !(crossers & (1 << p))) mask |= 1 << p;
  return mask;
}

/** In the agreement zone: a winning coalition accepts it (unanimity: every party at its reservation, no red line crossed). */
export function inZone(
  context: AnalysisContext,
  point: { outcome: ArrayLike<number>; utilities: ArrayLike<number> },
): boolean {
  if (context.rule.kind === "unanimity")
    return (
      meetsReservations(point.utilities, reservations(context)) &&
      redLineCrossers(context, point.outcome) === 0
    );
  return context.wins(acceptors(context, point));
}

/** Reservation values at time 0, in party order. */
export function reservations(context: AnalysisContext): number[] {
  return context.utilities.map((u) => u.profile.reservation);
}

export function isAdditive(context: AnalysisContext): boolean {
  return context.utilities.every((u) => u.contributions !== null);
}
