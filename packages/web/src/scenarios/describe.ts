import type { Scenario } from "@parley/core";

export const fmt = (u: number) => u.toFixed(3);

/** A point's title as people read it (its name when it has no title). */
export function pointTitle(scenario: Scenario, issue: number): string {
  const i = scenario.space.issues[issue] as { name: string; title?: string };
  return i.title ?? i.name;
}

export function optionText(scenario: Scenario, issue: number, option: number): string {
  return String(scenario.space.valueOf(issue, option));
}

/** "ceasefire: phased; territory: freeze-line; …", every point of a package. */
export function packageText(
  scenario: Scenario,
  outcome: readonly number[],
  only?: readonly number[],
): string {
  const points = only ?? outcome.map((_, i) => i);
  return points
    .map((i) => `${scenario.space.issues[i].name}: ${optionText(scenario, i, outcome[i])}`)
    .join("; ");
}

export function optionCount(scenario: Scenario, issue: number): number {
  return scenario.space.cardinalities[issue];
}

/** Big outcome counts, readable: 1,234,567 or 3.5 × 10^12. */
export function countText(decimal: string): string {
  if (decimal.length <= 12) return Number(decimal).toLocaleString("en");
  return `${decimal[0]}.${decimal[1]} × 10^${decimal.length - 1}`;
}
