import { describe, expect, it } from "vitest";
import { compileParties } from "../model/scenario.js";
import { readGeniusScenario } from "./genius.js";
import { writeGeniusScenario } from "./genius-write.js";
import { readParleyScenario } from "./parley.js";

const scenario = `parley: 1
name: odd & "quoted"
issues:
  - name: 'colour <&> "x"'
    options:
      - value: "red & <blue>"
        description: "two\\nlines"
      - green
  - name: count
    kind: integer
    min: 3
    max: 7
  - name: level
    kind: real
    min: -2
    max: 2
parties:
  - name: b-second
    weights: {'colour <&> "x"': 0.5, count: 0.25, level: 0.25}
    values:
      'colour <&> "x"': {"red & <blue>": 0.4, green: 0.1}
      count: {linear: {slope: 0.2, offset: 0.1, origin: 1}}
      level: {triangular: {low: -1, top: 0.5, high: 2}}
  - name: a-first
    reservation: 0.4
    discount: 0.8
    weights: {'colour <&> "x"': 0.6, count: 0.2, level: 0.2}
    values:
      'colour <&> "x"': {"red & <blue>": 1}
      count: {linear: {slope: -0.5, offset: 3}}
      level: {linear: {slope: 0.25, offset: 0.5, origin: 0}}
    redLines: {count: [7]}
`;

describe("writeGeniusScenario", () => {
  const original = readParleyScenario(scenario, "s.yaml");
  const written = writeGeniusScenario(original);
  const back = readGeniusScenario(written.files).scenario;

  it("writes a domain and one profile per party, named after the parties", () => {
    expect(written.files.map((f) => f.name)).toEqual([
      "odd _ _quoted_-domain.xml",
      "b-second.xml",
      "a-first.xml",
    ]);
  });

  it("escapes names and values and keeps option descriptions", () => {
    expect(back.space.issues.map((i) => i.name)).toEqual(['colour <&> "x"', "count", "level"]);
    expect(back.space.issues[0]).toMatchObject({
      options: [{ value: "red & <blue>", description: "two\nlines" }, { value: "green" }],
    });
  });

  it("keeps every utility: tables whose best value is below 1, integer lines from another origin, real evaluators", () => {
    // Parties come back in file-name order.
    expect(back.parties.map((p) => p.name)).toEqual(["a-first", "b-second"]);
    const before = compileParties(original);
    const after = compileParties(back);
    for (const o of original.space.enumerate()) {
      expect(after[1].utility(o)).toBeCloseTo(before[0].utility(o), 14);
      expect(after[0].utility(o)).toBeCloseTo(before[1].utility(o), 14);
    }
    expect(back.parties[0].profile).toMatchObject({ reservation: 0.4, discount: 0.8 });
  });

  it("warns about what GENIUS cannot carry", () => {
    expect(written.warnings).toEqual([
      "party names do not sort in party order; reading the folder back orders parties by file name",
      'party "a-first": GENIUS has no red lines; they are not written',
    ]);
  });

  it("refuses a value function GENIUS cannot express, naming party and issue", () => {
    const piecewise = scenario.replace(
      "level: {triangular: {low: -1, top: 0.5, high: 2}}",
      "level: {piecewise: [[-2, 0], [2, 1]]}",
    );
    expect(() => writeGeniusScenario(readParleyScenario(piecewise, "s.yaml"))).toThrow(
      /party "b-second": issue "level": GENIUS real issues take linear or triangular evaluators, not piecewise/,
    );
  });
});
