import { describe, expect, it, vi } from "vitest";
import { compileUtility } from "../model/utility.js";
import { readParleyScenario, writeParleyScenario } from "./parley.js";

const scenario = `parley: 1
name: ceasefire
title: A two-point ceasefire
description: Shuttle mediation between north and south.
issues:
  - name: line
    title: Line of contact
    options:
      - value: current
        description: Freeze where the troops stand.
      - value: "1990"
  - name: monitors
    kind: integer
    min: 0
    max: 4
  - name: aid
    kind: real
    min: 0
    max: 10
    steps: 5
parties:
  - name: north
    role: government
    reservation: 0.25
    discount: 0.9
    weights: {line: 0.5, monitors: 0.3, aid: 0.2}
    values:
      line: {current: 1, "1990": 0.2}
      monitors: {linear: {slope: -0.25, offset: 1}}
      aid: {piecewise: [[0, 0], [5, 1], [10, 0.5]]}
    redLines: {line: ["1990"]}
  - name: south
    constraints:
      maxUtility: 10
      functions:
        - weight: 1
          rectangles:
            - utility: 10
              includes: [{issue: monitors, min: 2, max: 4}]
`;

describe("Parley scenario format", () => {
  it("reads people's text: titles, descriptions, roles, every kind of issue and profile", () => {
    const s = readParleyScenario(scenario, "c.yaml");
    expect(s).toMatchObject({ name: "ceasefire", title: "A two-point ceasefire" });
    expect(s.space.issues[0]).toMatchObject({
      title: "Line of contact",
      options: [{ value: "current", description: "Freeze where the troops stand." }, { value: "1990" }],
    });
    expect(s.space.size).toBe(2n * 5n * 5n);
    const [north, south] = s.parties.map((p) => compileUtility(s.space, p.profile));
    const o = s.space.fromValues({ line: "1990", monitors: 2, aid: 7.5 });
    expect(north.utility(o)).toBeCloseTo(0.5 * 0.2 + 0.3 * 0.5 + 0.2 * 0.75, 15);
    expect(north.crossesRedLine(o)).toBe(true);
    expect(south.utility(o)).toBe(1);
    expect(s.parties[0]).toMatchObject({ role: "government", profile: { reservation: 0.25, discount: 0.9 } });
  });

  it.each(["yaml", "json"] as const)("writes %s that reads back to the same scenario", (format) => {
    const s = readParleyScenario(scenario, "c.yaml");
    const back = readParleyScenario(writeParleyScenario(s, format), `c.${format}`);
    expect(back).toEqual(s);
  });

  it.each([
    [
      "a party name used twice",
      "  - name: north\n    weights: {line: 1}\n    values: {line: {current: 1}}\n",
      /parties\[2\]: party name "north" is used twice/,
    ],
    [
      "constraints on a discrete issue",
      "  - name: east\n    constraints: {maxUtility: 1, functions: [{weight: 1, rectangles: [{utility: 1, includes: [{issue: line, min: 0, max: 0}]}]}]}\n",
      /parties\[2\]\.constraints\.functions\[0\]\.rectangles\[0\]: "line" is not an integer issue/,
    ],
    [
      "piecewise points out of order",
      "  - name: east\n    weights: {aid: 1}\n    values: {aid: {piecewise: [[5, 1], [0, 0]]}}\n",
      /parties\[2\]\.values\.aid\.piecewise: points must be in increasing order/,
    ],
    [
      "a NaN weight",
      "  - name: east\n    weights: {aid: .nan}\n    values: {aid: {linear: {slope: 0, offset: 1}}}\n",
      /parties\[2\]\.weights\.aid: .*NaN/,
    ],
  ])("refuses %s, naming the field", (_, party, message) => {
    expect(() => readParleyScenario(scenario + party, "c.yaml")).toThrow(message);
  });
});

describe("number range bounds", () => {
  it("refuses a fractional bound of an integer issue, saying an integer was expected", () => {
    const text =
      "parley: 1\nname: r\nissues:\n  - {name: days, kind: integer, min: 0, max: 2.5}\nparties:\n  - {name: a, weights: {days: 1}, values: {days: {linear: {slope: 1, offset: 0}}}}\n";
    expect(() => readParleyScenario(text, "r.yaml")).toThrow(
      "r.yaml: issues[0].max: expected an integer, found number 2.5",
    );
  });
});

describe("odd YAML", () => {
  it("is judged by the schema, with no warning printed on the side", () => {
    const emitWarning = vi.spyOn(process, "emitWarning").mockImplementation(() => {});
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const tagged = scenario.replace("name: ceasefire", "name: !!js/function ceasefire");
      expect(readParleyScenario(tagged, "tagged.yaml").name).toBe("ceasefire");
      expect(emitWarning).not.toHaveBeenCalled();
      expect(warn).not.toHaveBeenCalled();
    } finally {
      emitWarning.mockRestore();
      warn.mockRestore();
    }
  });
});
