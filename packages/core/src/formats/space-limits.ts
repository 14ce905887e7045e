import { InputError } from "../errors.js";
import { type Issue, issueCardinality, OutcomeSpace } from "../model/space.js";

/**
 * Most options one issue may have. Parley tabulates every option of every
 * issue (compiled utilities, bid indexes), so an integer issue from 0 to
 * 10^15 — one attribute in a file — would hang every command that reads it.
 */
export const MAX_ISSUE_OPTIONS = 1_000_000;
/** Most options of all issues together (a table of 8 bytes per option per party). */
export const MAX_TOTAL_OPTIONS = 10_000_000;

/**
 * The outcome space of issues read from a file, after checking that each
 * issue's options can be tabulated; `file` and `whereOf(i)` (issue i) name them in errors.
 */
export function checkedSpace(
  issues: readonly Issue[],
  file: string,
  whereOf: (i: number) => string,
): OutcomeSpace {
  let total = 0;
  issues.forEach((issue, i) => {
    const n = issueCardinality(issue);
    if (!Number.isSafeInteger(n) || n > MAX_ISSUE_OPTIONS) {
      const what = issue.kind === "real" ? `${issue.steps} grid steps` : `${n.toLocaleString("en")} values`;
      throw new InputError(
        whereOf(i),
        `has ${what}; Parley handles at most ${MAX_ISSUE_OPTIONS.toLocaleString("en")} per issue`,
      );
    }
    total += n;
  });
  if (total > MAX_TOTAL_OPTIONS)
    throw new InputError(
      file,
      `its issues have ${total.toLocaleString("en")} options in all; Parley handles at most ${MAX_TOTAL_OPTIONS.toLocaleString("en")}`,
    );
  return new OutcomeSpace(issues);
}
