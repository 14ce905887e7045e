import { describe, expect, it } from "vitest";
import { enumeratedAcceptance, pairByInclusionExclusion } from "./acceptance.js";
import { admissibleSize } from "./admissible.js";
import { analysisContext } from "./context.js";
import { paretoFrontier } from "./frontier.js";
import { syntheticScenario } from "./synthetic.js";
import { zoneOf } from "./zone.js";

describe("acceptance counts of two additive parties", () => {
  it.each([0.3, 0.55, 0.7])(
    "inclusion–exclusion equals counting one by one (reservation %s)",
    (reservation) => {
      const scenario = syntheticScenario({ parties: 2, issues: 6, options: 4, seed: 9, reservation });
      scenario.parties[0].profile.redLines.push({ issue: 1, option: 2 });
      scenario.parties[1].profile.redLines.push({ issue: 3, option: 0 }, { issue: 1, option: 1 });
      scenario.rule = { kind: "quorum", quorum: 1, vetoes: [] };
      const context = analysisContext(scenario, { settled: [null, null, 2] });
      const counted = enumeratedAcceptance(context);
      expect(counted.size).toBeGreaterThan(2);
      expect(pairByInclusionExclusion(context, admissibleSize(context.admissible))).toEqual(counted);
    },
  );

  it("keeps the zone exact beyond enumeration when either party may pass a deal alone", () => {
    const scenario = syntheticScenario({ parties: 2, issues: 12, options: 5, seed: 3, reservation: 0.7 });
    scenario.rule = { kind: "quorum", quorum: 1, vetoes: [] };
    const either = zoneOf(analysisContext(scenario), paretoFrontier(scenario));
    delete scenario.rule;
    const both = zoneOf(analysisContext(scenario), paretoFrontier(scenario));
    expect(either.exact).toBe(true);
    expect(both.exact).toBe(true);
    expect(either.size).toBeGreaterThan(both.size);
    expect(either.size).toBeLessThan(scenario.space.size);
  });
});
