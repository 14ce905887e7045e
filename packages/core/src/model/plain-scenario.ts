import type { Party, Scenario, ScenarioMeta } from "./scenario.js";
import { type Issue, OutcomeSpace } from "./space.js";

/**
 * A scenario as plain data, what structured cloning carries (to a worker thread, from a web worker,
 * into IndexedDB): the outcome space is a class, so it travels as its issues.
 */
export interface PlainScenario extends ScenarioMeta {
  issues: Issue[];
  parties: Party[];
}

export function toPlainScenario(scenario: Scenario): PlainScenario {
  const { space, parties, ...meta } = scenario;
  return { ...meta, issues: [...space.issues], parties };
}

export function fromPlainScenario(plain: PlainScenario): Scenario {
  const { issues, parties, ...meta } = plain;
  return { ...meta, space: new OutcomeSpace(issues), parties };
}
