import { describe, expect, it } from "vitest";
import { fitWeights, packagesToRank, utilityOf, valuesFromRatings, weightsFromPoints } from "./elicit";

describe("elicitation", () => {
  it("turns 100 points and 0–10 ratings into weights and values", () => {
    expect(weightsFromPoints([70, 30])).toEqual([0.7, 0.3]);
    expect(
      valuesFromRatings([
        [10, 6, 0],
        [3, 12],
      ]),
    ).toEqual([
      [1, 0.6, 0],
      [0.3, 1],
    ]);
  });

  it("draws the same packages for the same seed, best first, from different utilities", () => {
    const values = [
      [1, 0.5, 0],
      [0, 0.4, 1],
      [1, 0],
    ];
    const weights = [0.5, 0.3, 0.2];
    const a = packagesToRank([3, 3, 2], weights, values, "demo/Buyer");
    expect(packagesToRank([3, 3, 2], weights, values, "demo/Buyer")).toEqual(a);
    expect(a).toHaveLength(5);
    const u = a.map((p) => utilityOf(weights, values, p));
    expect(u).toEqual([...u].sort((x, y) => y - x));
    expect(u[0]).toBeGreaterThan(u[4]);
  });

  it("moves weight towards the point on which a package the person moved up is better", () => {
    // Price matters most at first, so the cheap-but-slow package ranks above the fast-but-dear one.
    const values = [
      [1, 0],
      [1, 0],
    ]; // price: cheap, dear; delivery: fast, slow
    const cheapSlow = [0, 1];
    const dearFast = [1, 0];
    const weights = [0.7, 0.3];
    expect(utilityOf(weights, values, cheapSlow)).toBeGreaterThan(utilityOf(weights, values, dearFast));
    const fit = fitWeights(weights, values, [dearFast, cheapSlow]);
    expect(fit.weights[1]).toBeGreaterThan(0.5);
    expect(fit.weights[0] + fit.weights[1]).toBeCloseTo(1, 12);
    expect(utilityOf(fit.weights, values, dearFast)).toBeGreaterThan(
      utilityOf(fit.weights, values, cheapSlow),
    );
    expect(fit).toMatchObject({ matched: 1, pairs: 1 });
  });

  it("says when weights alone cannot follow the order (a package placed above one that beats it everywhere)", () => {
    const values = [
      [1, 0],
      [1, 0],
    ];
    const fit = fitWeights([0.5, 0.5], values, [
      [1, 1],
      [0, 0],
    ]);
    expect(fit).toMatchObject({ matched: 0, pairs: 1 });
    expect(fit.weights).toEqual([0.5, 0.5]);
  });
});
