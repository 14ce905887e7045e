import { type AgreementRule, projectRule, type RuleVariant, UNANIMITY } from "./agreement-rule.js";
import type { Profile } from "./profile.js";
import type { OutcomeSpace } from "./space.js";
import { compileUtility, type UtilityFunction } from "./utility.js";

export interface Party {
  name: string;
  /** e.g. "mediator", "buyer"; free text. */
  role?: string;
  description?: string;
  profile: Profile;
}

export interface ScenarioMeta {
  /** Short identifier, e.g. "EnglandZimbabwe". */
  name: string;
  title?: string;
  description?: string;
  /** Where it comes from: a file path, a competition, a citation. */
  source?: string;
}

/** An outcome space, one profile per party, and what people need to read it. */
export interface Scenario extends ScenarioMeta {
  space: OutcomeSpace;
  parties: Party[];
  /** How a deal is made; unanimity when absent. */
  rule?: AgreementRule;
  /** Other rules the scenario documents, by name (e.g. who must sign). */
  ruleVariants?: RuleVariant[];
}

/** The scenario's agreement rule (unanimity when it states none). */
export function ruleOf(scenario: Scenario): AgreementRule {
  return scenario.rule ?? UNANIMITY;
}

/** Compiled utility functions of every party, in party order. */
export function compileParties(scenario: Scenario): UtilityFunction[] {
  return scenario.parties.map((p) => compileUtility(scenario.space, p.profile));
}

/**
 * Keeps only the parties at the given 0-based positions (in that order), the
 * agreement rules restricted to them (see projectRule).
 * Throws RangeError for a position that does not exist.
 */
export function selectParties(scenario: Scenario, positions: readonly number[]): Scenario {
  for (const p of positions) {
    if (!Number.isInteger(p) || p < 0 || p >= scenario.parties.length) {
      throw new RangeError(`there is no party ${p + 1} (the scenario has ${scenario.parties.length})`);
    }
  }
  const selected: Scenario = { ...scenario, parties: positions.map((p) => scenario.parties[p]) };
  if (scenario.rule) selected.rule = projectRule(scenario.rule, positions);
  if (scenario.ruleVariants)
    selected.ruleVariants = scenario.ruleVariants.map((v) => ({
      ...v,
      rule: projectRule(v.rule, positions),
    }));
  return selected;
}
