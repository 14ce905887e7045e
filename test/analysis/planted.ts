import { OutcomeSpace, type Profile, type Scenario } from "@parley/core";

/**
 * A two-option-per-point plan where option "a" is party A's favourite and "b"
 * party B's (evaluations 1 and 0), with the given weights and reservations.
 */
export function abPlan(
  issues: string[],
  weights: [number[], number[]],
  reservation: [number, number],
  redLines: [Profile["redLines"], Profile["redLines"]] = [[], []],
): Scenario {
  const space = new OutcomeSpace(
    issues.map((name) => ({ name, kind: "discrete", options: [{ value: "a" }, { value: "b" }] })),
  );
  const profile = (p: 0 | 1): Profile => ({
    utility: {
      type: "additive",
      weights: weights[p],
      values: issues.map(() => ({ type: "table", values: p === 0 ? [1, 0] : [0, 1] })),
    },
    reservation: reservation[p],
    discount: 1,
    redLines: redLines[p],
  });
  return {
    name: "planted",
    space,
    parties: [
      { name: "A", profile: profile(0) },
      { name: "B", profile: profile(1) },
    ],
  };
}
