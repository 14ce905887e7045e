import { describe, expect, it } from "vitest";
import { checkDraft } from "./check";
import { starterDraft } from "./draft";
import {
  removeOption,
  setCurvePoint,
  setOption,
  setPoint,
  setPointKind,
  setRange,
  setRedValues,
} from "./edits";

describe("live validation", () => {
  it("gives the core reader's message for a duplicate point name, located at that point", () => {
    const d = setPoint(starterDraft(), 1, { name: "price" });
    expect(checkDraft(d).error).toEqual({
      field: "issues[1]",
      reason: 'issue name "price" is used twice',
      point: 1,
      option: undefined,
      party: undefined,
    });
  });

  it("locates an empty option name at its option, and warns about a point with one option", () => {
    const empty = checkDraft(setOption(starterDraft(), 0, 2, { value: "" })).error;
    expect(empty).toMatchObject({ field: "issues[0].options[2]", point: 0, option: 2 });
    const one = checkDraft(removeOption(removeOption(starterDraft(), 1, 2), 1, 1));
    expect(one.error).toBeUndefined();
    expect(one.warnings).toEqual([
      {
        field: "issues[1].options",
        point: 1,
        reason: 'has one option, so there is nothing to choose on "delivery"',
      },
    ]);
  });
});

describe("live validation of number ranges", () => {
  const price = () => setPointKind(starterDraft(), 0, "integer");

  it("gives the core's message for min above max at the point", () => {
    expect(checkDraft(setRange(price(), 0, { min: 12 })).error).toMatchObject({
      field: "issues[0]",
      reason: "min 12 is greater than max 10",
      point: 0,
    });
  });

  it("puts a fractional integer bound and too few real steps at their field", () => {
    expect(checkDraft(setRange(price(), 0, { max: 9.5 })).error).toMatchObject({
      field: "issues[0].max",
      reason: "expected an integer, found number 9.5",
      point: 0,
      bound: "max",
    });
    const real = setPointKind(starterDraft(), 0, "real");
    expect(checkDraft(setRange(real, 0, { steps: 1 })).error).toMatchObject({
      field: "issues[0].steps",
      reason: "must be ≥ 2, found number 1",
      bound: "steps",
    });
  });

  it("locates a curve out of order and a red line off the range at the party's table for that point", () => {
    const outOfOrder = setCurvePoint(price(), 1, 0, 0, { x: 11 });
    expect(checkDraft(outOfOrder).error).toMatchObject({
      field: "parties[1].values.price.piecewise",
      reason: "points must be in increasing order of value",
      party: 1,
      point: 0,
    });
    expect(checkDraft(setRedValues(price(), 0, 0, "3, 11")).error).toMatchObject({
      field: "parties[0].redLines.price",
      reason: "11 is not an integer in [0, 10]",
      party: 0,
      point: 0,
    });
  });

  it("warns about a range with one value and a curve that leaves part of the range at 0", () => {
    const one = checkDraft(setRange(setRange(price(), 0, { max: 3 }), 0, { min: 3 }));
    expect(one.error).toBeUndefined();
    expect(one.warnings).toContainEqual({
      field: "issues[0]",
      point: 0,
      reason: 'min and max are both 3, so there is nothing to choose on "price"',
    });
    const short = checkDraft(setCurvePoint(price(), 0, 0, 1, { x: 8 }));
    expect(short.error).toBeUndefined();
    expect(short.warnings).toEqual([
      {
        field: "parties[0].values.price",
        party: 0,
        point: 0,
        reason: "ends at 8, below max 10: values above it score 0",
      },
    ]);
  });
});
