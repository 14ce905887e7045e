import { OutcomeSpace, type Profile, paretoFrontier, Rng, type Scenario } from "@parley/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bruteForce } from "./brute-force.js";
import { expectAnalysis } from "./expect-analysis.js";

/** A random hyper-rectangle profile over integer issues 0..n-1 (sum aggregation, like ANAC 2014). */
function rectangles(rng: Rng, issues: number, size: number, reservation: number): Profile {
  const rects = Array.from({ length: 2 + rng.int(5) }, () => {
    const bounds = Array.from({ length: 1 + rng.int(2) }, () => {
      const issue = rng.int(issues);
      const a = rng.int(size);
      const b = a + rng.int(size - a);
      return { issue, min: a, max: b, exclude: rng.next() < 0.2 };
    });
    return { utility: 1 + rng.int(50), bounds };
  });
  const maxUtility = rects.reduce((s, r) => s + r.utility, 0);
  return {
    utility: {
      type: "constraint",
      maxUtility,
      functions: [{ weight: 1, aggregation: "sum", rectangles: rects }],
    },
    reservation,
    discount: 1,
    redLines: [],
  };
}

function constraintScenario(
  parties: number,
  issues: number,
  size: number,
  seed: number,
  reservation: number,
): Scenario {
  const rng = new Rng(seed);
  const space = new OutcomeSpace(
    Array.from({ length: issues }, (_, i) => ({
      name: `x${i}`,
      kind: "integer" as const,
      min: 0,
      max: size - 1,
    })),
  );
  return {
    name: "rectangles",
    space,
    parties: Array.from({ length: parties }, (_, p) => ({
      name: `P${p + 1}`,
      profile: rectangles(rng, issues, size, reservation),
    })),
  };
}

describe("non-additive (hyper-rectangle) frontier by enumeration", () => {
  it("agrees with brute force on small random scenarios, 2 and 3 parties", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 3 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 2, max: 5 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.constantFrom(0, 0.2, 0.4),
        (parties, issues, size, seed, reservation) => {
          const scenario = constraintScenario(parties, issues, size, seed, reservation);
          const frontier = paretoFrontier(scenario);
          expect(frontier.exact).toBe(true);
          expectAnalysis(scenario, frontier, bruteForce(scenario));
        },
      ),
      { numRuns: 150, seed: 7 },
    );
  });

  it("handles a plan mixing an additive and a hyper-rectangle party", () => {
    const scenario = constraintScenario(2, 3, 4, 5, 0.1);
    scenario.parties[1].profile = {
      ...scenario.parties[1].profile,
      utility: {
        type: "additive",
        weights: [0.5, 0.3, 0.2],
        values: [0, 1, 2].map(() => ({ type: "linear", slope: 1 / 3, offset: 0, origin: 0 })),
      },
    };
    expectAnalysis(scenario, paretoFrontier(scenario), bruteForce(scenario));
  });
});
