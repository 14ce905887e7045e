import { describe, expect, it } from "vitest";
import { rescale, roundToTotal, tidyWeights } from "./weights";

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

describe("weights that keep summing to 1", () => {
  it("rescales the others in proportion, keeping their ratios", () => {
    const w = rescale([0.5, 0.3, 0.2], 0, 0.8);
    expect(w[0]).toBe(0.8);
    expect(w[1]).toBeCloseTo(0.12, 12);
    expect(w[2]).toBeCloseTo(0.08, 12);
    expect(sum(w)).toBeCloseTo(1, 12);
  });

  it("clamps to [0, 1], shares evenly when the others were all 0, and keeps one weight at 1", () => {
    expect(rescale([0.5, 0.5], 1, 1.7)).toEqual([0, 1]);
    expect(rescale([1, 0, 0], 0, 0.4)).toEqual([0.4, 0.3, 0.3]);
    expect(rescale([1], 0, 0.2)).toEqual([1]);
  });

  it("rounds to whole points summing exactly to 100 (largest remainder)", () => {
    expect(roundToTotal([1, 1, 1], 100)).toEqual([34, 33, 33]);
    expect(roundToTotal([0.125, 0.375, 0.5], 100)).toEqual([13, 37, 50]);
    expect(tidyWeights([1 / 3, 1 / 3, 1 / 3])).toEqual([0.3334, 0.3333, 0.3333]);
  });
});
