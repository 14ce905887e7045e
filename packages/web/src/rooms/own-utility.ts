import { compileParties, DEFAULT_REAL_STEPS, readParleyScenario, type UtilityFunction } from "@parley/core";
import type { IssueDoc, RoomView, Values } from "./types";

/**
 * The seat's own utility function, compiled in the browser from the issues and the one profile the
 * server sends this seat, so the offer builder shows the utility of each change at once.
 */
export function ownUtility(
  room: Pick<RoomView, "profile" | "scenario">,
): { utility: (values: Values) => number; fn: UtilityFunction } | null {
  if (!room.profile) return null;
  const doc = { parley: 1, name: room.scenario.name, issues: room.scenario.issues, parties: [room.profile] };
  const scenario = readParleyScenario(JSON.stringify(doc), "room");
  const [fn] = compileParties(scenario);
  return { fn, utility: (values) => fn.utility(scenario.space.fromValues(values)) };
}

/** Whole-number ranges up to this many values are picked from a list; longer ones and real ranges are typed. */
const MAX_LISTED_VALUES = 50;

/** How a point's value is chosen in a package: one of its options, or a number within its range. */
export type PointInput =
  | { kind: "options"; options: string[] }
  | { kind: "number"; min: number; max: number; step: number; decimals: boolean };

export function pointInput(issue: IssueDoc): PointInput {
  // Parley JSON lists an option as its value, or as {value, description}.
  if (issue.options)
    return {
      kind: "options",
      options: issue.options.map((o) => String(typeof o === "object" ? o.value : o)),
    };
  const min = issue.min ?? 0;
  const max = issue.max ?? min;
  if (issue.kind === "real") {
    const steps = issue.steps ?? DEFAULT_REAL_STEPS;
    return { kind: "number", min, max, step: (max - min) / (steps - 1), decimals: true };
  }
  if (max - min + 1 <= MAX_LISTED_VALUES)
    return { kind: "options", options: Array.from({ length: max - min + 1 }, (_, k) => String(min + k)) };
  return { kind: "number", min, max, step: 1, decimals: false };
}

/** The value a move carries for `text` chosen or typed: numbers on a range. */
export function valueFor(issue: IssueDoc, text: string): string | number {
  return issue.options ? text : Number(text);
}

/** The first value of a point: its first option, or the low end of its range. */
export function firstValue(issue: IssueDoc): string | number {
  const input = pointInput(issue);
  return input.kind === "options" ? valueFor(issue, input.options[0]) : input.min;
}

/** Per point, the value this party scores best (ties: the first), by the compiled profile. */
export function bestValues(fn: UtilityFunction): Map<string, string | number> {
  const best = new Map<string, string | number>();
  const { space, contributions } = fn;
  if (!contributions) return best;
  space.issues.forEach((issue, i) => {
    const c = contributions[i];
    let top = 0;
    for (let k = 1; k < c.length; k++) if (c[k] > c[top]) top = k;
    best.set(issue.name, space.valueOf(i, top));
  });
  return best;
}
