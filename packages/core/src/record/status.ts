import { InputError } from "../errors.js";
import type { Scenario } from "../model/scenario.js";
import type { NegotiationRecord, PointStatus } from "./schema.js";

/** One point of the plan as the record leaves it. */
export interface PointState {
  /** The issue's name. */
  name: string;
  title?: string;
  status: PointStatus;
  /** The status event that set it (absent: never changed, so open). */
  changedBy?: string;
  /** The event that status change cites as its cause. */
  cause?: string;
  /** Whether that change is reported by a source or modelled by the record. */
  basis?: "reported" | "modelled";
}

export interface PlanStatus {
  /** Every point of the plan, in scenario order. */
  points: PointState[];
  settled: string[];
  /** Points not settled (open or disputed), in scenario order. */
  open: string[];
  /** e.g. "19 of 20 points settled, open: territory (disputed)". */
  summary: string;
}

/**
 * The status of each point of the plan after every event of the record: a
 * point starts open; each status event, in log order, sets the points it names.
 */
export function deriveStatus(record: NegotiationRecord, scenario: Scenario): PlanStatus {
  const { space } = scenario;
  const points: PointState[] = space.issues.map((issue) =>
    issue.title === undefined
      ? { name: issue.name, status: "open" }
      : { name: issue.name, title: issue.title, status: "open" },
  );
  for (const event of record.events) {
    if (event.type !== "status") continue;
    for (const name of event.points) {
      const i = space.issueIndex(name);
      if (i < 0) throw new InputError(`record event "${event.id}"`, `"${name}" is not a point of the plan`);
      points[i] = {
        ...points[i],
        status: event.status,
        changedBy: event.id,
        cause: event.cause,
        basis: event.basis,
      };
    }
  }
  const settled = points.filter((p) => p.status === "settled").map((p) => p.name);
  const unsettled = points.filter((p) => p.status !== "settled");
  const open = unsettled.map((p) => p.name);
  let summary = `${settled.length} of ${points.length} points settled`;
  if (unsettled.length > 0)
    summary += `, open: ${unsettled.map((p) => (p.status === "disputed" ? `${p.name} (disputed)` : p.name)).join(", ")}`;
  return { points, settled, open, summary };
}

/**
 * Checks the record's references into the scenario: its name, the parties
 * people and proposals name, the points events name, and the options of each
 * proposal's terms. Errors name the record file and field.
 */
export function checkRecordAgainst(record: NegotiationRecord, scenario: Scenario, file: string): void {
  if (record.scenario !== scenario.name)
    throw new InputError(
      `${file}: scenario`,
      `is "${record.scenario}" but the scenario is "${scenario.name}"`,
    );
  const parties = new Set(scenario.parties.map((p) => p.name));
  const party = (name: string, where: string) => {
    if (!parties.has(name))
      throw new InputError(where, `"${name}" is not a party of the scenario (${[...parties].join(", ")})`);
  };
  const point = (name: string, where: string) => {
    if (scenario.space.issueIndex(name) < 0)
      throw new InputError(where, `"${name}" is not a point of the plan`);
  };
  record.people.forEach((p, i) => {
    if (p.party !== undefined) party(p.party, `${file}: people[${i}].party`);
  });
  record.events.forEach((event, i) => {
    const where = `${file}: events[${i}]`;
    switch (event.type) {
      case "status":
        event.points.forEach((p, k) => {
          point(p, `${where}.points[${k}]`);
        });
        break;
      case "statement":
        event.about.forEach((p, k) => {
          point(p, `${where}.about[${k}]`);
        });
        break;
      case "proposal":
        party(event.party, `${where}.party`);
        for (const [name, value] of Object.entries(event.terms)) {
          const at = `${where}.terms.${name}`;
          point(name, at);
          try {
            scenario.space.optionOf(scenario.space.issueIndex(name), value);
          } catch (err) {
            if (err instanceof InputError) throw new InputError(at, err.reason);
            throw err;
          }
        }
        break;
      case "meeting":
        break;
    }
  });
}
