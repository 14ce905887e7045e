import { paretoFrontier, syntheticScenario } from "@parley/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bruteForce } from "./brute-force.js";
import { expectAnalysis } from "./expect-analysis.js";

const smallScenario = fc.record({
  parties: fc.integer({ min: 2, max: 4 }),
  issues: fc.integer({ min: 1, max: 4 }),
  options: fc.integer({ min: 1, max: 4 }),
  seed: fc.integer({ min: 0, max: 1_000_000 }),
  reservation: fc.constantFrom(0, 0.3, 0.5, 0.7),
  redLines: fc.array(fc.tuple(fc.nat(3), fc.nat(3), fc.nat(3)), { maxLength: 3 }),
  settled: fc.array(fc.option(fc.nat(3), { nil: null }), { maxLength: 4 }),
});

type SmallScenario = typeof smallScenario extends fc.Arbitrary<infer T> ? T : never;

/** A synthetic scenario with the drawn red lines and settled points (those that exist). */
function build(spec: SmallScenario) {
  const scenario = syntheticScenario(spec);
  for (const [p, issue, option] of spec.redLines) {
    if (p < spec.parties && issue < spec.issues && option < spec.options) {
      scenario.parties[p].profile.redLines.push({ issue, option });
    }
  }
  const settled = spec.settled.slice(0, spec.issues).map((f) => (f !== null && f < spec.options ? f : null));
  return { scenario, settled };
}

describe("paretoFrontier and solutionPoints against brute force", () => {
  it("agree on small random additive scenarios (2 to 4 parties, red lines, settled points)", () => {
    fc.assert(
      fc.property(smallScenario, (spec) => {
        const { scenario, settled } = build(spec);
        const frontier = paretoFrontier(scenario, { settled });
        expect(frontier.exact).toBe(true);
        expectAnalysis(scenario, frontier, bruteForce(scenario, settled), settled);
      }),
      { numRuns: 300, seed: 42 },
    );
  });

  it("lists points by the first party's utility, descending", () => {
    const scenario = syntheticScenario({ parties: 2, issues: 6, options: 4, seed: 7 });
    const frontier = paretoFrontier(scenario);
    const u = frontier.points.map((p) => p.utilities[0]);
    expect(u).toEqual([...u].sort((a, b) => b - a));
    expect(frontier.points.length).toBeGreaterThan(5);
  });
});
