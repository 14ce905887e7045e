import { type Issue, OutcomeSpace, type Party, type Scenario, type ScenarioMeta } from "@parley/core/engine";

/** A scenario as plain data: what structured cloning can carry to a worker (OutcomeSpace is a class). */
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
