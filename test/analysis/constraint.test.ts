import { paretoFrontier } from "@parley/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bruteForce } from "./brute-force.js";
import { constraintScenario } from "./constraint-scenario.js";
import { expectAnalysis } from "./expect-analysis.js";

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
