import {
  type ParleyScenarioDocument,
  readParleyScenario,
  type Scenario,
  writeParleyScenario,
} from "@parley/core";
import { TEMPLATE_YAML } from "../scenarios/template";

/**
 * The scenario as the editor holds it: points and options by position, so renaming or moving one
 * never has to rename keys elsewhere. `toDocument` turns it into a Parley file for the core to read.
 */
/** Every point, option and party carries an id that stays with it when it moves (React keys, focus). */
export interface DraftOption {
  id: number;
  value: string;
  description: string;
}

export interface DraftPoint {
  id: number;
  name: string;
  title: string;
  description: string;
  options: DraftOption[];
}

export interface DraftParty {
  id: number;
  name: string;
  role?: string;
  description: string;
  reservation: number;
  discount: number;
  /** Per point, summing to 1. */
  weights: number[];
  /** Per point, per option, in [0, 1]. */
  values: number[][];
  /** Per point, per option: an option this party will never accept. */
  redLines: boolean[][];
}

export interface Draft {
  /** The next free id. */
  nextId: number;
  name: string;
  title: string;
  description: string;
  source?: string;
  points: DraftPoint[];
  parties: DraftParty[];
  /** The agreement rule and its variants as the Parley file writes them, carried unchanged. */
  agreement?: ParleyScenarioDocument["agreement"];
  agreementVariants?: ParleyScenarioDocument["agreementVariants"];
}

/** The two-party starter the Library's "Create a new scenario" opens. */
export function starterDraft(): Draft {
  return draftFromScenario(readParleyScenario(TEMPLATE_YAML, "template.yaml"));
}

/**
 * The editor's form of a scenario. Only points with named options and additive profiles fit in
 * the editor's tables; anything else is refused in words (edit its Parley YAML instead).
 */
export function draftFromScenario(scenario: Scenario): Draft {
  const { issues } = scenario.space;
  let nextId = 1;
  const points: DraftPoint[] = issues.map((issue) => {
    if (issue.kind !== "discrete")
      throw new Error(
        `Point "${issue.name}" is a number range (${issue.kind}); the editor edits points with named options only. Download the scenario as Parley YAML and edit that instead.`,
      );
    return {
      id: nextId++,
      name: issue.name,
      title: issue.title ?? "",
      description: issue.description ?? "",
      options: issue.options.map((o) => ({ id: nextId++, value: o.value, description: o.description ?? "" })),
    };
  });
  const parties: DraftParty[] = scenario.parties.map((party) => {
    const { utility, reservation, discount, redLines } = party.profile;
    if (utility.type !== "additive")
      throw new Error(
        `Party "${party.name}" has a non-linear (constraint) profile; the editor edits weights and option values only. Download the scenario as Parley YAML and edit that instead.`,
      );
    return {
      id: nextId++,
      name: party.name,
      role: party.role,
      description: party.description ?? "",
      reservation,
      discount,
      weights: [...utility.weights],
      values: points.map((p, i) => {
        const fn = utility.values[i];
        return p.options.map((_, k) => (fn.type === "table" ? (fn.values[k] ?? 0) : 0));
      }),
      redLines: points.map((p, i) =>
        p.options.map((_, k) => redLines.some((r) => r.issue === i && r.option === k)),
      ),
    };
  });
  const written = JSON.parse(writeParleyScenario(scenario, "json")) as ParleyScenarioDocument;
  return {
    nextId,
    name: scenario.name,
    title: scenario.title ?? "",
    description: scenario.description ?? "",
    source: scenario.source,
    points,
    parties,
    agreement: written.agreement,
    agreementVariants: written.agreementVariants,
  };
}

const optional = (text: string) => (text.trim() === "" ? undefined : text);

/** The draft as a Parley scenario document, exactly what a file would hold. */
export function toDocument(draft: Draft): ParleyScenarioDocument {
  const doc: ParleyScenarioDocument = {
    parley: 1,
    name: draft.name,
    title: optional(draft.title),
    description: optional(draft.description),
    source: draft.source,
    issues: draft.points.map((p) => ({
      name: p.name,
      title: optional(p.title),
      description: optional(p.description),
      options: p.options.map((o) =>
        optional(o.description) ? { value: o.value, description: o.description } : o.value,
      ),
    })),
    parties: draft.parties.map((party) => {
      const redLines: Record<string, string[]> = {};
      draft.points.forEach((p, i) => {
        const red = p.options.filter((_, k) => party.redLines[i]?.[k]).map((o) => o.value);
        if (red.length > 0) redLines[p.name] = red;
      });
      return {
        name: party.name,
        role: party.role,
        description: optional(party.description),
        reservation: party.reservation,
        discount: party.discount,
        weights: Object.fromEntries(draft.points.map((p, i) => [p.name, party.weights[i] ?? 0])),
        values: Object.fromEntries(
          draft.points.map((p, i) => [
            p.name,
            Object.fromEntries(p.options.map((o, k) => [o.value, party.values[i]?.[k] ?? 0])),
          ]),
        ),
        redLines,
      };
    }),
    agreement: draft.agreement,
    agreementVariants: draft.agreementVariants,
  };
  // JSON drops the keys left undefined, as a written file would not have them.
  return JSON.parse(JSON.stringify(doc));
}
