import { parleyDocument } from "@parley/core";
import { describe, expect, it } from "vitest";
import { ranges } from "../test/ranges";
import { draftFromScenario, starterDraft, toDocument } from "./draft";
import {
  addCurvePoint,
  addParty,
  flipCurve,
  moveParty,
  removeCurvePoint,
  setCurvePoint,
  setPointKind,
  setRange,
  setRedValues,
} from "./edits";

/** The starter with its first point ("price") made a whole-number range. */
const integerPrice = () => setPointKind(starterDraft(), 0, "integer");

describe("numeric point edits", () => {
  it("gives a new range a rising line from 0 at min to 1 at max, for every party", () => {
    const doc = toDocument(integerPrice());
    expect(doc.issues[0]).toEqual({ name: "price", kind: "integer", min: 0, max: 10 });
    expect(doc.parties.map((p) => p.values?.price)).toEqual([
      {
        piecewise: [
          [0, 0],
          [10, 1],
        ],
      },
      {
        piecewise: [
          [0, 0],
          [10, 1],
        ],
      },
    ]);
    const real = toDocument(setPointKind(starterDraft(), 0, "real"));
    expect(real.issues[0]).toEqual({ name: "price", kind: "real", min: 0, max: 10, steps: 11 });
  });

  it("flips a curve (best becomes worst) and moves its ends with the range", () => {
    let d = flipCurve(integerPrice(), 0, 0);
    d = setRange(d, 0, { min: 100 });
    d = setRange(d, 0, { max: 500 });
    expect(toDocument(d).parties[0].values?.price).toEqual({
      piecewise: [
        [100, 1],
        [500, 0],
      ],
    });
    expect(toDocument(d).parties[1].values?.price).toEqual({
      piecewise: [
        [100, 0],
        [500, 1],
      ],
    });
  });

  it("adds a row halfway along the widest gap, on the curve, and edits and removes rows", () => {
    let d = addCurvePoint(setRange(integerPrice(), 0, { max: 9 }), 0, 0);
    // Halfway from 0 to 9 is 4.5: a whole-number range takes 5, scored where the line runs there.
    expect(d.parties[0].curves[0]).toEqual({
      points: [
        [0, 0],
        [5, 0.555556],
        [9, 1],
      ],
    });
    d = setCurvePoint(d, 0, 0, 1, { y: 0.9 });
    d = setCurvePoint(d, 0, 0, 0, { x: 1 });
    expect(toDocument(d).parties[0].values?.price).toEqual({
      piecewise: [
        [1, 0],
        [5, 0.9],
        [9, 1],
      ],
    });
    expect(removeCurvePoint(d, 0, 0, 1).parties[0].curves[0]).toEqual({
      points: [
        [1, 0],
        [9, 1],
      ],
    });
  });

  it("keeps a file's linear or triangular curve until its table is edited, then writes the table", () => {
    const scenario = ranges();
    const draft = draftFromScenario(scenario);
    const edited = setCurvePoint(draft, 0, 0, 1, { y: 0.9 });
    const doc = toDocument(edited);
    expect(doc.parties[0].values?.price).toEqual({
      piecewise: [
        [10, 0.5],
        [12, 0.9],
        [19, 0],
        [20, 0],
      ],
    });
    // Every other curve is as the file had it.
    const before = parleyDocument(scenario);
    expect(doc.parties[1]).toEqual(before.parties[1]);
    expect(doc.parties[0].values?.days).toEqual(before.parties[0].values?.days);
  });

  it("keeps a point's options and each party's values for them while it is a range, so switching back restores them", () => {
    const starter = starterDraft();
    const back = setPointKind(setRange(integerPrice(), 0, { max: 50 }), 0, "options");
    expect(toDocument(back)).toEqual(toDocument(starter));
    // …and the range and curves too, when it becomes a range again.
    expect(toDocument(setPointKind(back, 0, "integer")).issues[0]).toEqual({
      name: "price",
      kind: "integer",
      min: 0,
      max: 50,
    });
  });

  it("writes red lines on a range as numbers, and what does not read as a number as typed", () => {
    const d = setRedValues(integerPrice(), 1, 0, "0, 1 2,,abc");
    expect(toDocument(d).parties[1].redLines).toEqual({ price: [0, 1, 2, "abc"] });
  });
});

describe("party moves", () => {
  it("moves a party with its weights, values, curves and red lines", () => {
    const draft = addParty(draftFromScenario(ranges()));
    const moved = moveParty(draft, 0, 1);
    const before = toDocument(draft).parties;
    expect(toDocument(moved).parties).toEqual([before[1], before[0], before[2]]);
    expect(toDocument(moveParty(moved, 1, -1))).toEqual(toDocument(draft));
    // Past either end, nothing moves.
    expect(toDocument(moveParty(draft, 0, -1))).toEqual(toDocument(draft));
    expect(toDocument(moveParty(draft, 2, 1))).toEqual(toDocument(draft));
  });
});
