import { evaluateNumeric, parleyDocument, readParleyScenario } from "@parley/core";
import { describe, expect, it } from "vitest";
import { plan } from "../scenarios/peace-plan-files";
import { integerDomain, ranges } from "../test/ranges";
import { curveTable, curveValue } from "./curve";
import { draftFromScenario, toDocument, upgradeDraft } from "./draft";

describe("editor draft", () => {
  it("carries a scenario through the editor unchanged: titles, descriptions, red lines, agreement rules", () => {
    const scenario = readParleyScenario(plan, "plan.yaml");
    const doc = toDocument(draftFromScenario(scenario));
    expect(doc).toEqual(parleyDocument(scenario));
    expect(readParleyScenario(JSON.stringify(doc), "plan.yaml")).toEqual(scenario);
  });

  it("carries GENIUS's IntegerDomain (linear functions on integer ranges) through unchanged", () => {
    const scenario = integerDomain();
    const doc = toDocument(draftFromScenario(scenario));
    expect(doc).toEqual(parleyDocument(scenario));
    expect(doc.parties[0].values?.price).toEqual({ linear: { slope: 0.08, offset: 0.3, origin: -5 } });
    expect(readParleyScenario(JSON.stringify(doc), "x")).toEqual(scenario);
  });

  it("carries real and integer ranges through unchanged: triangular, piecewise, linear, red lines on values", () => {
    const scenario = ranges();
    const draft = draftFromScenario(scenario);
    expect(draft.points.map((p) => [p.kind, p.range])).toEqual([
      ["real", { min: 10, max: 20, steps: 6 }],
      ["integer", { min: 1, max: 30, steps: 11 }],
      ["options", { min: 0, max: 10, steps: 11 }],
    ]);
    expect(draft.parties[0].redValues).toEqual(["20", "29, 30", ""]);
    expect(toDocument(draft)).toEqual(parleyDocument(scenario));
  });

  it("shows a kept linear or triangular function as a table that scores every value of the range alike", () => {
    const scenario = ranges();
    const draft = draftFromScenario(scenario);
    const check = (k: number, i: number, xs: number[]) => {
      const curve = draft.parties[k].curves[i];
      const table = { points: curveTable(curve, draft.points[i].range) };
      for (const x of xs) expect(curveValue(table, x)).toBeCloseTo(curveValue(curve, x), 9);
    };
    const grid = Array.from({ length: 101 }, (_, j) => 10 + j / 10);
    check(0, 0, grid);
    check(1, 0, grid);
    check(
      1,
      1,
      Array.from({ length: 30 }, (_, j) => j + 1),
    );
    // The triangle 8–12–19 on the range 10–20: its top and its end inside, the range's ends outside.
    expect(curveTable(draft.parties[0].curves[0], draft.points[0].range)).toEqual([
      [10, 0.5],
      [12, 1],
      [19, 0],
      [20, 0],
    ]);
    // 0.05·x + 0.2 reaches 1 at x = 16.
    expect(curveTable(draft.parties[1].curves[1], draft.points[1].range)).toEqual([
      [1, 0.25],
      [16, 1],
      [30, 1],
    ]);
    const integer = draftFromScenario(integerDomain());
    const fn = integerDomain().parties[0].profile.utility;
    if (fn.type !== "additive") throw new Error("additive");
    for (let x = -5; x <= 5; x++)
      expect(
        curveValue({ points: curveTable(integer.parties[0].curves[0], integer.points[0].range) }, x),
      ).toBeCloseTo(evaluateNumeric(fn.values[0], x), 9);
  });

  it("upgrades a draft an earlier editor kept (no kinds, ranges or curves) to options points", () => {
    const draft = draftFromScenario(readParleyScenario(plan, "plan.yaml"));
    const old = JSON.parse(JSON.stringify(draft));
    for (const p of old.points) {
      delete p.kind;
      delete p.range;
    }
    for (const p of old.parties) {
      delete p.curves;
      delete p.redValues;
    }
    expect(toDocument(upgradeDraft(old))).toEqual(toDocument(draft));
  });

  it("refuses, in words, a party with a non-linear (constraint) profile", () => {
    const constrained = readParleyScenario(
      [
        "parley: 1",
        "name: constrained",
        "issues:",
        "  - { name: price, kind: integer, min: 1, max: 9 }",
        "parties:",
        "  - name: A",
        "    constraints:",
        "      maxUtility: 1",
        "      functions: [{ weight: 1, rectangles: [{ utility: 1, includes: [{ issue: price, min: 1, max: 3 }] }] }]",
      ].join("\n"),
      "constrained.yaml",
    );
    expect(() => draftFromScenario(constrained)).toThrow(
      'Party "A" has a non-linear (constraint) profile; the editor edits weights and option values only',
    );
  });
});
