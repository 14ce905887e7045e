import { describe, expect, it } from "vitest";
import { choiceLabels, sampleValues } from "./choices";
import { starterDraft } from "./draft";
import { setPointKind, setRange } from "./edits";

const point = (kind: "integer" | "real", min: number, max: number) =>
  setRange(setPointKind(starterDraft(), 0, kind), 0, { min, max }).points[0];

describe("elicitation choices", () => {
  it("asks a short whole-number range value by value, a longer one at five spread values", () => {
    expect(sampleValues(point("integer", 1, 6))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(sampleValues(point("integer", 0, 7))).toEqual([0, 2, 4, 5, 7]);
    expect(sampleValues(point("real", 0, 1))).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(sampleValues(point("real", 3, 3))).toEqual([3]);
    // A reversed range has nothing to ask about; the page says to fix it.
    expect(sampleValues(point("integer", 5, 1))).toEqual([]);
    expect(choiceLabels(starterDraft().points[0])).toEqual(["low", "medium", "high"]);
  });
});
