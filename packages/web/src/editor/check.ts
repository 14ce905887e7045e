import { InputError, readParleyScenario, type Scenario } from "@parley/core";
import { curveTable } from "./curve";
import { type Draft, toDocument } from "./draft";

/** The name errors give the draft, as the CLI gives a file's path. */
export const DRAFT_FILE = "scenario";

/**
 * A problem with where it is: the file field (as the CLI prints it) and the point, option or party;
 * with both a party and a point, it is in that party's table for that point.
 */
export interface Problem {
  field: string;
  reason: string;
  point?: number;
  option?: number;
  party?: number;
  /** The range field at fault: `issues[0].min`. */
  bound?: "min" | "max" | "steps";
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
  const warnings = [...pointWarnings(draft), ...curveWarnings(draft)];
  try {
    return { scenario: readParleyScenario(JSON.stringify(toDocument(draft)), DRAFT_FILE), warnings };
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    const problem = locate(err);
    // A party's values or red lines on one point: point at that point's table in the party.
    const onPoint = /^parties\[\d+\]\.(?:values|redLines)\.(.+?)(?:\.piecewise.*)?$/.exec(problem.field);
    const i = onPoint ? draft.points.findIndex((p) => p.name === onPoint[1]) : -1;
    return { error: i >= 0 ? { ...problem, point: i } : problem, warnings };
  }
}

/** A point with one option or one value: allowed (the core allows it), but nothing to choose. */
const pointWarnings = (draft: Draft): Problem[] =>
  draft.points.flatMap((p, i) => {
    if (p.kind === "options")
      return p.options.length === 1
        ? [
            {
              field: `issues[${i}].options`,
              point: i,
              reason: `has one option, so there is nothing to choose on "${p.name}"`,
            },
          ]
        : [];
    return p.range.min === p.range.max
      ? [
          {
            field: `issues[${i}]`,
            point: i,
            reason: `min and max are both ${p.range.min}, so there is nothing to choose on "${p.name}"`,
          },
        ]
      : [];
  });

/**
 * A curve that misses part of its range (it is worth 0 there, as the core reads it) or has a
 * score outside 0–1 (the core clamps it): allowed, but rarely meant.
 */
const curveWarnings = (draft: Draft): Problem[] =>
  draft.parties.flatMap((party, k) =>
    draft.points.flatMap((p, i) => {
      const curve = party.curves[i];
      if (p.kind === "options" || !curve || !("points" in curve) || p.range.min > p.range.max) return [];
      const table = curveTable(curve, p.range);
      const at = { field: `parties[${k}].values.${p.name}`, party: k, point: i };
      const out: Problem[] = [];
      if (table.length === 0) return [{ ...at, reason: "has no points: every value of the range scores 0" }];
      const first = table[0][0];
      const last = table[table.length - 1][0];
      if (first > p.range.min)
        out.push({ ...at, reason: `starts at ${first}, above min ${p.range.min}: values below it score 0` });
      if (last < p.range.max)
        out.push({ ...at, reason: `ends at ${last}, below max ${p.range.max}: values above it score 0` });
      for (const [x, y] of table)
        if (y < 0 || y > 1)
          out.push({ ...at, reason: `scores ${x} at ${y}, outside 0 to 1: it counts as ${y < 0 ? 0 : 1}` });
      return out;
    }),
  );

/** Where in the draft the core's error points: `issues[2].options[1]`, `parties[0].weights`… */
export function locate(err: InputError): Problem {
  const field = err.where.startsWith(`${DRAFT_FILE}: `) ? err.where.slice(DRAFT_FILE.length + 2) : err.where;
  const issue = /^issues\[(\d+)\](?:\.options\[(\d+)\])?/.exec(field);
  const bound = /^issues\[\d+\]\.(min|max|steps)$/.exec(field)?.[1] as Problem["bound"];
  const party = /^parties\[(\d+)\]/.exec(field);
  return {
    field,
    reason: err.reason,
    point: issue ? Number(issue[1]) : undefined,
    option: issue?.[2] !== undefined ? Number(issue[2]) : undefined,
    party: party ? Number(party[1]) : undefined,
    ...(bound && { bound }),
  };
}

/** One line for a person: the field as a file names it, then why. */
export const problemText = (p: Problem) => `${p.field}: ${p.reason}`;
