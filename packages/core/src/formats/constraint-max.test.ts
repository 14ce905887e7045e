import { describe, expect, it } from "vitest";
import type { ConstraintFunction } from "../model/profile.js";
import { Rng } from "../model/rng.js";
import { type Issue, OutcomeSpace } from "../model/space.js";
import { constraintMaximum } from "./constraint-max.js";

/** A random hyper-rectangle utility over small integer issues (some utilities negative). */
function randomInstance(rng: Rng): { issues: Issue[]; functions: ConstraintFunction[] } {
  const issues: Issue[] = Array.from({ length: 2 + rng.int(3) }, (_, i) => ({
    kind: "integer",
    name: `i${i}`,
    min: rng.int(3),
    max: 3 + rng.int(4),
  }));
  const aggregations = ["sum", "min", "max"] as const;
  const functions = Array.from({ length: 1 + rng.int(2) }, () => ({
    weight: rng.int(4) === 0 ? -1 : 1 + rng.int(3),
    aggregation: aggregations[rng.int(3)],
    rectangles: Array.from({ length: 1 + rng.int(5) }, () => ({
      utility: rng.int(60) - 10,
      bounds: Array.from({ length: 1 + rng.int(2) }, () => {
        const issue = rng.int(issues.length);
        const def = issues[issue] as { min: number; max: number };
        const a = def.min + rng.int(def.max - def.min + 1);
        const b = def.min + rng.int(def.max - def.min + 1);
        return { issue, min: Math.min(a, b), max: Math.max(a, b), exclude: rng.int(4) === 0 };
      }),
    })),
  }));
  return { issues, functions };
}

/** The unnormalised utility of an outcome (compiled utilities are clamped to [0, 1]), written out plainly. */
function rawUtility(
  functions: ConstraintFunction[],
  values: Record<string, number>,
  issues: Issue[],
): number {
  let total = 0;
  for (const f of functions) {
    const hit = f.rectangles
      .filter((r) =>
        r.bounds.every((b) => {
          const x = values[issues[b.issue].name];
          return (x >= b.min && x <= b.max) !== b.exclude;
        }),
      )
      .map((r) => r.utility);
    if (hit.length === 0) continue;
    const agg =
      f.aggregation === "sum"
        ? hit.reduce((a, b) => a + b, 0)
        : f.aggregation === "min"
          ? Math.min(...hit)
          : Math.max(...hit);
    total += f.weight * agg;
  }
  return total;
}

describe("constraintMaximum", () => {
  it("equals the brute-force maximum on 300 seeded random instances", () => {
    const rng = new Rng(2014);
    for (let n = 0; n < 300; n++) {
      const { issues, functions } = randomInstance(rng);
      const space = new OutcomeSpace(issues);
      let best = Number.NEGATIVE_INFINITY;
      for (const o of space.enumerate())
        best = Math.max(best, rawUtility(functions, space.toValues(o) as Record<string, number>, issues));
      expect(constraintMaximum(issues, functions)).toEqual({ value: best, exact: true });
    }
  });

  it("returns an upper bound, flagged inexact, when the search exceeds its node limit", () => {
    const rng = new Rng(7);
    const { issues, functions } = randomInstance(rng);
    const exact = constraintMaximum(issues, functions);
    const bounded = constraintMaximum(issues, functions, 1);
    expect(bounded.exact).toBe(false);
    expect(bounded.value).toBeGreaterThanOrEqual(exact.value);
  });
});
