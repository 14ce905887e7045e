import { analyze, compileParties, type Scenario, syntheticScenario } from "@parley/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bruteForce } from "./brute-force.js";
import { constraintScenario } from "./constraint-scenario.js";

/** All subsets of `items` of the given size, in lexicographic order. */
function subsets(items: number[], size: number): number[][] {
  if (size === 0) return [[]];
  return items.flatMap((x, i) => subsets(items.slice(i + 1), size - 1).map((rest) => [x, ...rest]));
}

/** Brute force: open points none of whose options leaves every party able to reach its reservation. */
function bruteBlockedOn(scenario: Scenario, settled: (number | null)[]): number[] {
  const parties = compileParties(scenario);
  const r = parties.map((u) => u.profile.reservation);
  const { cardinalities } = scenario.space;
  return cardinalities
    .map((_, i) => i)
    .filter((i) => settled[i] === null)
    .filter((i) =>
      Array.from({ length: cardinalities[i] }, (_, k) => k).every((k) => {
        const best = r.map(() => Number.NEGATIVE_INFINITY);
        for (const o of scenario.space.enumerate()) {
          if (o[i] !== k || settled.some((f, j) => f !== null && o[j] !== f)) continue;
          parties.forEach((u, p) => {
            best[p] = Math.max(best[p], u.utility(o));
          });
        }
        return best.some((b, p) => b < r[p] - 5e-13);
      }),
    );
}

const plan = fc.record({
  kind: fc.constantFrom("additive", "rectangles"),
  parties: fc.integer({ min: 2, max: 3 }),
  issues: fc.integer({ min: 2, max: 5 }),
  options: fc.integer({ min: 2, max: 3 }),
  seed: fc.integer({ min: 0, max: 1_000_000 }),
  reservation: fc.constantFrom(0.5, 0.6, 0.7),
  open: fc.nat(4),
});

describe("blocking points against brute force", () => {
  it("reports exactly the smallest unblocking sets and the blocking points", () => {
    let blockedPlans = 0;
    fc.assert(
      fc.property(plan, (spec) => {
        const scenario =
          spec.kind === "additive"
            ? syntheticScenario(spec)
            : constraintScenario(spec.parties, spec.issues, spec.options, spec.seed, spec.reservation);
        // Settle every point but one on option 0.
        const settled = scenario.space.issues.map((_, i) => (i === spec.open % spec.issues ? null : 0));
        const report = analyze(scenario, { settled });
        const settledPoints = settled.flatMap((f, i) => (f === null ? [] : [i]));
        const unblocks = (reopen: number[]) =>
          bruteForce(
            scenario,
            settled.map((f, i) => (reopen.includes(i) ? null : f)),
          ).zoneSize > 0;
        expect(report.zone.empty).toBe(!unblocks([]));
        if (!report.zone.empty) return;
        blockedPlans++;
        expect(report.blocking?.exact).toBe(true);
        expect(report.blocking?.blockedOn.map((b) => b.issue)).toEqual(bruteBlockedOn(scenario, settled));
        let expected: number[][] = [];
        for (let size = 1; size <= Math.min(3, settledPoints.length) && expected.length === 0; size++) {
          expected = subsets(settledPoints, size).filter(unblocks);
        }
        expect(report.blocking?.sets.map((s) => s.reopen)).toEqual(expected);
        for (const s of report.blocking?.sets ?? []) expect(s.nash).not.toBeNull();
      }),
      { numRuns: 150, seed: 11 },
    );
    expect(blockedPlans).toBeGreaterThan(20);
  });
});
