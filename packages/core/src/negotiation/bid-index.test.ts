import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { syntheticScenario } from "../analysis/synthetic.js";
import { Rng } from "../model/rng.js";
import type { Scenario } from "../model/scenario.js";
import { compileUtility, type UtilityFunction } from "../model/utility.js";
import { AdditiveBidIndex } from "./additive-bid-index.js";
import { type BidIndex, buildBidIndex, SortedBidIndex } from "./bid-index.js";

/** Every outcome's utility, by brute force. */
function allUtilities(scenario: Scenario, u: UtilityFunction): number[] {
  return Array.from(scenario.space.enumerate(), (o) => u.utility(o)).sort((a, b) => a - b);
}

const small = fc.record({
  issues: fc.integer({ min: 1, max: 5 }),
  options: fc.integer({ min: 2, max: 6 }),
  seed: fc.integer({ min: 0, max: 10_000 }),
  targets: fc.array(fc.double({ min: -0.1, max: 1.1, noNaN: true }), { minLength: 5, maxLength: 20 }),
});

function check(
  index: BidIndex,
  u: UtilityFunction,
  utilities: number[],
  target: number,
  slack: (gap: number) => number,
) {
  const best = utilities[utilities.length - 1];
  const got = u.utility(index.atLeast(target));
  const exact = utilities.find((x) => x >= target - 1e-12);
  if (exact === undefined) expect(got).toBeCloseTo(best, 12);
  else {
    expect(got).toBeGreaterThanOrEqual(target - 1e-9);
    expect(got - exact).toBeLessThanOrEqual(slack(exact - target) + 1e-9);
  }
  const below = index.below(target);
  const under = utilities.filter((x) => x < target - 1e-12);
  if (under.length === 0) expect(below).toBeNull();
  else {
    expect(below).not.toBeNull();
    const b = u.utility(below!);
    expect(b).toBeLessThan(target);
    expect(under[under.length - 1] - b).toBeLessThanOrEqual(slack(target - under[under.length - 1]) + 1e-9);
  }
}

describe("bid indexes agree with brute force", () => {
  it("sorted index: the nearest outcome at or above a target, and the nearest below", () => {
    fc.assert(
      fc.property(small, ({ issues, options, seed, targets }) => {
        const s = syntheticScenario({ parties: 1, issues, options, seed });
        const u = compileUtility(s.space, s.parties[0].profile);
        const index = buildBidIndex(s.space, u);
        expect(index).toBeInstanceOf(SortedBidIndex);
        const utilities = allUtilities(s, u);
        expect(index.bestUtility).toBe(utilities[utilities.length - 1]);
        for (const t of targets) check(index, u, utilities, t, () => 0);
      }),
      { numRuns: 100 },
    );
  });

  it("additive search: within its tolerance ladder (≤ 10× the true gap, or 1e-4) of the nearest outcome", () => {
    fc.assert(
      fc.property(small, ({ issues, options, seed, targets }) => {
        const s = syntheticScenario({ parties: 1, issues, options, seed });
        const u = compileUtility(s.space, s.parties[0].profile);
        const index = new AdditiveBidIndex(u);
        const utilities = allUtilities(s, u);
        expect(index.bestUtility).toBeCloseTo(utilities[utilities.length - 1], 12);
        expect(index.worstUtility).toBeCloseTo(utilities[0], 12);
        for (const t of targets) check(index, u, utilities, t, (gap) => Math.max(1e-4, 10 * gap));
      }),
      { numRuns: 100 },
    );
  });

  it("within() returns only outcomes in the range", () => {
    const s = syntheticScenario({ parties: 1, issues: 4, options: 5, seed: 3 });
    const u = compileUtility(s.space, s.parties[0].profile);
    for (const index of [buildBidIndex(s.space, u), new AdditiveBidIndex(u)]) {
      const found = index.within(0.4, 0.5, 30, new Rng(1));
      expect(found.length).toBeGreaterThan(0);
      for (const o of found) {
        expect(u.utility(o)).toBeGreaterThanOrEqual(0.4 - 1e-9);
        expect(u.utility(o)).toBeLessThanOrEqual(0.5 + 1e-9);
      }
    }
  });

  it("leaves out a party's red lines", () => {
    const s = syntheticScenario({ parties: 1, issues: 3, options: 4, seed: 5 });
    const profile = { ...s.parties[0].profile, redLines: [{ issue: 0, option: 1 }] };
    const u = compileUtility(s.space, profile);
    for (const index of [buildBidIndex(s.space, u), new AdditiveBidIndex(u)]) {
      for (let t = 0; t <= 1; t += 0.05) expect(index.atLeast(t)[0]).not.toBe(1);
    }
  });

  it("bids on a 10^14-outcome additive space without enumerating it", () => {
    const s = syntheticScenario({ parties: 1, issues: 14, options: 10, seed: 9 });
    expect(s.space.size).toBe(10n ** 14n);
    const u = compileUtility(s.space, s.parties[0].profile);
    const index = buildBidIndex(s.space, u);
    expect(index).toBeInstanceOf(AdditiveBidIndex);
    for (const target of [0.95, 0.8, 0.61, 0.5, 0.3]) {
      const got = u.utility(index.atLeast(target));
      expect(got).toBeGreaterThanOrEqual(target - 1e-9);
      expect(got).toBeLessThan(target + 1e-3);
    }
  });
});
