import { InputError, readParleyScenario, type Scenario } from "@parley/core";
import { type Draft, toDocument } from "./draft";

/** The name errors give the draft, as the CLI gives a file's path. */
export const DRAFT_FILE = "scenario";

/** A problem with where it is: the file field (as the CLI prints it) and the point, option or party. */
export interface Problem {
  field: string;
  reason: string;
  point?: number;
  option?: number;
  party?: number;
}

export interface DraftCheck {
  /** The scenario the core read, when it reads. */
  scenario?: Scenario;
  /** The core's refusal: it stops at the first problem, as it does for a file. */
  error?: Problem;
  /** Allowed but probably not meant. */
  warnings: Problem[];
}

/** Reads the draft with the core's Parley reader, so the editor says what `parley` would. */
export function checkDraft(draft: Draft): DraftCheck {
  const warnings: Problem[] = draft.points.flatMap((p, i) =>
    p.options.length === 1
      ? [
          {
            field: `issues[${i}].options`,
            point: i,
            reason: `has one option, so there is nothing to choose on "${p.name}"`,
          },
        ]
      : [],
  );
  try {
    return { scenario: readParleyScenario(JSON.stringify(toDocument(draft)), DRAFT_FILE), warnings };
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    return { error: locate(err), warnings };
  }
}

/** Where in the draft the core's error points: `issues[2].options[1]`, `parties[0].weights`… */
export function locate(err: InputError): Problem {
  const field = err.where.startsWith(`${DRAFT_FILE}: `) ? err.where.slice(DRAFT_FILE.length + 2) : err.where;
  const issue = /^issues\[(\d+)\](?:\.options\[(\d+)\])?/.exec(field);
  const party = /^parties\[(\d+)\]/.exec(field);
  return {
    field,
    reason: err.reason,
    point: issue ? Number(issue[1]) : undefined,
    option: issue?.[2] !== undefined ? Number(issue[2]) : undefined,
    party: party ? Number(party[1]) : undefined,
  };
}

/** One line for a person: the field as a file names it, then why. */
export const problemText = (p: Problem) => `${p.field}: ${p.reason}`;
