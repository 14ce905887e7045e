import {
  DEFAULT_REAL_STEPS,
  type Issue,
  numericFunctionDocument,
  type ParleyScenarioDocument,
  readParleyScenario,
  type Scenario,
  type ValueFunction,
  writeParleyScenario,
} from "@parley/core";
import { TEMPLATE_YAML } from "../scenarios/template";
import { curveFunction, type DraftCurve, type DraftRange, risingLine } from "./curve";

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

/** Named options, or a number range (whole numbers, or real numbers searched on a grid). */
export type PointKind = "options" | "integer" | "real";

/**
 * A point keeps both its options and its range whichever kind it is, and each party keeps both
 * its option values and its curve: switching kind and back loses nothing.
 */
export interface DraftPoint {
  id: number;
  name: string;
  title: string;
  description: string;
  kind: PointKind;
  options: DraftOption[];
  range: DraftRange;
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
  /** Per point: the value function of a number range. */
  curves: DraftCurve[];
  /** Per point: the values of a number range this party never accepts, as typed ("0, 5"). */
  redValues: string[];
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

export const DEFAULT_RANGE: DraftRange = { min: 0, max: 10, steps: DEFAULT_REAL_STEPS };

/** The options a point starts with (and a number range gets if switched to options). */
export const starterOptions = (firstId: number): DraftOption[] => [
  { id: firstId, value: "first", description: "" },
  { id: firstId + 1, value: "second", description: "" },
];

const rangeOf = (issue: Issue): DraftRange =>
  issue.kind === "discrete"
    ? DEFAULT_RANGE
    : { min: issue.min, max: issue.max, steps: issue.kind === "real" ? issue.steps : DEFAULT_REAL_STEPS };

const curveOf = (fn: ValueFunction, range: DraftRange): DraftCurve =>
  fn.type === "piecewise"
    ? { points: fn.points.map(([x, y]) => [x, y]) }
    : fn.type === "table"
      ? risingLine(range)
      : { kept: { ...fn } };

/**
 * The editor's form of a scenario. Points with named options or number ranges and additive
 * profiles fit in the editor's tables; a non-linear profile is refused in words (edit its Parley
 * YAML instead).
 */
export function draftFromScenario(scenario: Scenario): Draft {
  const { space } = scenario;
  let nextId = 1;
  const points: DraftPoint[] = space.issues.map((issue) => {
    const id = nextId++;
    const options =
      issue.kind === "discrete"
        ? issue.options.map((o) => ({ id: nextId++, value: o.value, description: o.description ?? "" }))
        : starterOptions(nextId);
    if (issue.kind !== "discrete") nextId += 2;
    return {
      id,
      name: issue.name,
      title: issue.title ?? "",
      description: issue.description ?? "",
      kind: issue.kind === "discrete" ? "options" : issue.kind,
      options,
      range: rangeOf(issue),
    };
  });
  const parties: DraftParty[] = scenario.parties.map((party) => {
    const { utility, reservation, discount, redLines } = party.profile;
    if (utility.type !== "additive")
      throw new Error(
        `Party "${party.name}" has a non-linear (constraint) profile; the editor edits weights and option values only. Download the scenario as Parley YAML and edit that instead.`,
      );
    const redOf = (i: number) => redLines.filter((r) => r.issue === i);
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
        p.options.map((_, k) => p.kind === "options" && redOf(i).some((r) => r.option === k)),
      ),
      curves: points.map((p, i) => curveOf(utility.values[i], p.range)),
      redValues: points.map((p, i) =>
        p.kind === "options"
          ? ""
          : redOf(i)
              .map((r) => String(space.valueOf(i, r.option)))
              .join(", "),
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

/**
 * A draft kept by an earlier version of the editor (points with options only) in the form this
 * one holds: every point an options point with the default range, every curve a rising line.
 */
export function upgradeDraft(draft: Draft): Draft {
  const points = draft.points.map((p) => ({
    ...p,
    kind: p.kind ?? "options",
    range: p.range ?? DEFAULT_RANGE,
  }));
  return {
    ...draft,
    points,
    parties: draft.parties.map((party) => ({
      ...party,
      curves: party.curves ?? points.map((p) => risingLine(p.range)),
      redValues: party.redValues ?? points.map(() => ""),
    })),
  };
}

const optional = (text: string) => (text.trim() === "" ? undefined : text);

type IssueDoc = ParleyScenarioDocument["issues"][number];
type PartyDoc = ParleyScenarioDocument["parties"][number];

function issueDocument(p: DraftPoint): IssueDoc {
  const base = { name: p.name, title: optional(p.title), description: optional(p.description) };
  const { min, max, steps } = p.range;
  if (p.kind === "integer") return { ...base, kind: "integer", min, max };
  if (p.kind === "real") return { ...base, kind: "real", min, max, steps };
  return {
    ...base,
    options: p.options.map((o) =>
      optional(o.description) ? { value: o.value, description: o.description } : o.value,
    ),
  };
}

/**
 * The values of a range a party never accepts, as typed: numbers where they read as numbers, else
 * the text itself, which the core then refuses naming the field ("abc" is not an integer in…).
 */
export const redValuesOf = (text: string): (number | string)[] =>
  text
    .split(/[,\s]+/)
    .filter((t) => t !== "")
    .map((t) => (Number.isFinite(Number(t)) ? Number(t) : t));

function partyDocument(draft: Draft, party: DraftParty): PartyDoc {
  const redLines: Record<string, (string | number)[]> = {};
  draft.points.forEach((p, i) => {
    const red =
      p.kind === "options"
        ? p.options.filter((_, k) => party.redLines[i]?.[k]).map((o) => o.value)
        : redValuesOf(party.redValues[i]);
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
        p.kind === "options"
          ? Object.fromEntries(p.options.map((o, k) => [o.value, party.values[i]?.[k] ?? 0]))
          : numericFunctionDocument(curveFunction(party.curves[i])),
      ]),
    ),
    // As the core writes a file: no red lines, no key.
    redLines: Object.keys(redLines).length > 0 ? redLines : undefined,
  };
}

/** The draft as a Parley scenario document, exactly what a file would hold. */
export function toDocument(draft: Draft): ParleyScenarioDocument {
  const doc: ParleyScenarioDocument = {
    parley: 1,
    name: draft.name,
    title: optional(draft.title),
    description: optional(draft.description),
    source: draft.source,
    issues: draft.points.map(issueDocument),
    parties: draft.parties.map((party) => partyDocument(draft, party)),
    agreement: draft.agreement,
    agreementVariants: draft.agreementVariants,
  };
  // JSON drops the keys left undefined, as a written file would not have them.
  return JSON.parse(JSON.stringify(doc));
}
