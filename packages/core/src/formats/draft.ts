import { InputError, withLocation } from "../errors.js";
import type { Scenario } from "../model/scenario.js";

/**
 * A draft of some points: one JSON object {point: option}. Points left out are open (null);
 * every named point and option must exist in the scenario.
 */
export function readPartialDraft(scenario: Scenario, text: string, file: string): (number | null)[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new InputError(file, `is not valid JSON (${(err as Error).message})`);
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    throw new InputError(file, 'must be one JSON object like {"point": "option", ...}');
  const { space } = scenario;
  const fixed: (number | null)[] = space.issues.map(() => null);
  for (const [name, value] of Object.entries(raw)) {
    const i = space.issueIndex(name);
    if (i < 0) throw new InputError(`${file}: ${name}`, "is not a point of the plan");
    fixed[i] = withLocation(file, () => space.optionOf(i, value));
  }
  return fixed;
}
