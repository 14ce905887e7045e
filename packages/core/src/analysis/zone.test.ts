import { describe, expect, it } from "vitest";
import { analysisContext, reservations } from "./context.js";
import { paretoFrontier } from "./frontier.js";
import { syntheticScenario } from "./synthetic.js";
import { countByEnumeration, countMeetInTheMiddle, zoneOf } from "./zone.js";

describe("agreement zone size", () => {
  it.each([0.3, 0.5, 0.6, 0.75])(
    "meet-in-the-middle equals counting one by one (reservation %s)",
    (reservation) => {
      const scenario = syntheticScenario({ parties: 2, issues: 7, options: 5, seed: 11, reservation });
      const context = analysisContext(scenario, { settled: [null, 2] });
      const r = [reservation, reservation];
      const counted = countByEnumeration(context, r);
      expect(counted).toBeGreaterThan(0n);
      expect(countMeetInTheMiddle(context, r)).toBe(counted);
    },
  );

  it("is exact beyond enumeration for two additive parties", () => {
    const two = syntheticScenario({ parties: 2, issues: 12, options: 5, seed: 3, reservation: 0.55 });
    const zone2 = zoneOf(analysisContext(two), paretoFrontier(two));
    expect(zone2.exact).toBe(true);
    expect(zone2.size > 0n && zone2.size < two.space.size).toBe(true);
  });

  it("is estimated for three parties beyond the counting limit, within sampling error of the count", () => {
    // 9^7 ≈ 4.8 million outcomes: over the limit up to which zoneOf counts, small enough to count here.
    const three = syntheticScenario({ parties: 3, issues: 7, options: 9, seed: 3, reservation: 0.55 });
    const context = analysisContext(three);
    const zone3 = zoneOf(context, paretoFrontier(three));
    expect(zone3.exact).toBe(false);
    const actual = countByEnumeration(context, reservations(context));
    const total = Number(three.space.size);
    const p = Number(actual) / total;
    // Four standard deviations of a 200,000-outcome sample's estimate.
    const tolerance = 4 * total * Math.sqrt((p * (1 - p)) / 200_000);
    expect(actual).toBe(912_769n);
    expect(Math.abs(Number(zone3.size) - Number(actual))).toBeLessThanOrEqual(tolerance);
  });
});
