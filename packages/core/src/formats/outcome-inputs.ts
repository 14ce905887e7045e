import { InputError, withLocation } from "../errors.js";
import type { Scenario } from "../model/scenario.js";
import type { IssueValue } from "../model/space.js";

/**
 * What people hand in about outcomes of a scenario, as text: settled points (`issue=value`, or a JSON
 * object of them), drafts and lists of outcomes (JSON). Each check names the file or flag at fault.
 */

/** `--settle "issue=value"` → settled option per issue. The issue is the longest prefix before an "=" that names one. */
export function parseSettlements(scenario: Scenario, settlements: readonly string[]): (number | null)[] {
  const { space } = scenario;
  const settled: (number | null)[] = space.issues.map(() => null);
  for (const entry of settlements) {
    let issue = -1;
    let at = entry.lastIndexOf("=");
    while (at > 0 && issue < 0) {
      issue = space.issueIndex(entry.slice(0, at).trim());
      if (issue < 0) at = entry.lastIndexOf("=", at - 1);
    }
    if (issue < 0) {
      throw new InputError(
        `--settle "${entry}"`,
        `expected "issue=value" with one of: ${space.issues.map((i) => i.name).join(", ")}`,
      );
    }
    const option = withLocation("--settle", () => space.optionOf(issue, entry.slice(at + 1).trim()));
    if (settled[issue] !== null && settled[issue] !== option) {
      throw new InputError(
        `--settle "${entry}"`,
        `issue "${space.issues[issue].name}" is already settled otherwise`,
      );
    }
    settled[issue] = option;
  }
  return settled;
}

/**
 * A settled-points file, {"issue": value, ...} → the equivalent `--settle` strings; an issue or
 * option the scenario lacks is refused here, naming the file (not as a `--settle` flag).
 */
export function readSettled(scenario: Scenario, text: string, file: string): string[] {
  const { space } = scenario;
  return Object.entries(parseJsonObject(text, file)).map(([issue, value]) => {
    const i = space.issueIndex(issue);
    if (i < 0) throw new InputError(`${file}: ${issue}`, "is not an issue of the scenario");
    return `${issue}=${space.valueOf(
      i,
      withLocation(file, () => space.optionOf(i, value)),
    )}`;
  });
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new InputError(file, `is not valid JSON (${(err as Error).message})`);
  }
}

function parseJsonObject(text: string, file: string): Record<string, unknown> {
  const raw = parseJson(text, file);
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new InputError(file, 'must be one JSON object like {"issue": value, ...}');
  }
  return raw as Record<string, unknown>;
}

/** A draft agreement: one JSON object {issue: value} covering every issue, consistent with the settled points. */
export function readDraft(
  scenario: Scenario,
  text: string,
  file: string,
  settled: readonly (number | null)[],
): number[] {
  const draft = withLocation(file, () => scenario.space.fromValues(parseJsonObject(text, file)));
  settled.forEach((f, i) => {
    if (f !== null && draft[i] !== f) {
      const { space } = scenario;
      throw new InputError(
        `${file}: issue "${space.issues[i].name}"`,
        `is settled at "${space.valueOf(i, f)}" (--settle) but the draft has "${space.valueOf(i, draft[i])}"`,
      );
    }
  });
  return draft;
}

/**
 * A draft of some points: one JSON object {point: option}. Points left out are
 * open (null); every named point and option must exist in the scenario.
 */
export function readPartialDraft(scenario: Scenario, text: string, file: string): (number | null)[] {
  const raw = parseJson(text, file);
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    throw new InputError(file, 'must be one JSON object like {"point": "option", ...}');
  const { space } = scenario;
  const settled: (number | null)[] = space.issues.map(() => null);
  for (const [name, value] of Object.entries(raw)) {
    const i = space.issueIndex(name);
    if (i < 0) throw new InputError(`${file}: ${name}`, "is not a point of the plan");
    settled[i] = withLocation(file, () => space.optionOf(i, value));
  }
  return settled;
}

/** A JSON list of outcomes, each {"issue": value} covering every issue, as values in issue order. */
export function readOutcomes(scenario: Scenario, text: string, file: string): IssueValue[][] {
  const raw = parseJson(text, file);
  if (!Array.isArray(raw))
    throw new InputError(file, 'must be a JSON list of outcomes like [{"issue": value}]');
  const { space } = scenario;
  return raw.map((item, k) =>
    withLocation(`${file}: [${k}]`, () => {
      if (typeof item !== "object" || item === null || Array.isArray(item))
        throw new InputError("outcome", 'is not an object like {"issue": value}');
      const values = item as Record<string, unknown>;
      space.fromValues(values); // names the missing, unknown or invalid issue value
      return space.issues.map((issue) => {
        const v = values[issue.name];
        return issue.kind === "discrete" ? String(v) : Number(v);
      });
    }),
  );
}
