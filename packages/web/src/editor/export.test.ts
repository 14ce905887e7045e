import {
  compileParties,
  readGeniusScenario,
  readGeniusWebScenario,
  readParleyScenario,
  type Scenario,
  type TextFile,
} from "@parley/core";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { checkDraft } from "./check";
import { starterDraft } from "./draft";
import { addPoint, setPoint, setRedLine, setValue, setWeight } from "./edits";
import { exportScenario } from "./export";

/** The starter, edited as a person would: a third point, other weights, a red line. */
function edited(): Scenario {
  let d = starterDraft();
  d = addPoint(d);
  d = setPoint(d, 2, { name: "warranty", description: "How long it is covered" });
  d = setWeight(d, 0, 2, 0.2);
  d = setValue(d, 0, 2, 0, 1);
  d = setValue(d, 1, 2, 1, 0.8);
  d = setWeight(d, 1, 2, 0.25);
  d = setRedLine(d, 0, 0, 2, true);
  const { scenario, error } = checkDraft(d);
  expect(error).toBeUndefined();
  return scenario!;
}

const unzip = (bytes: Uint8Array): TextFile[] =>
  Object.entries(unzipSync(bytes)).map(([path, data]) => ({
    name: path.split("/").pop()!,
    text: strFromU8(data),
  }));

/** Every package is worth the same to every party in both scenarios, which list the same parties and points. */
function expectSameUtilities(got: Scenario, want: Scenario) {
  expect(got.parties.map((p) => p.name)).toEqual(want.parties.map((p) => p.name));
  expect(got.space.issues.map((i) => i.name)).toEqual(want.space.issues.map((i) => i.name));
  const [g, w] = [compileParties(got), compileParties(want)];
  for (const o of want.space.enumerate())
    for (let k = 0; k < w.length; k++) expect(g[k].utility(o)).toBeCloseTo(w[k].utility(o), 12);
}

describe("export", () => {
  it("writes Parley YAML and JSON that read back to the same scenario", () => {
    const s = edited();
    for (const format of ["parley-yaml", "parley-json"] as const) {
      const file = exportScenario(s, format);
      const back = readParleyScenario(new TextDecoder().decode(file.bytes), file.name);
      expect(back).toEqual(s);
      expect(file.warnings).toEqual([]);
    }
  });

  it("writes a GENIUS zip whose folder reads back with every utility, saying the red lines are lost", () => {
    const s = edited();
    const file = exportScenario(s, "genius");
    expect(file.name).toBe("my-negotiation-genius.zip");
    const back = readGeniusScenario(unzip(file.bytes), { name: s.name }).scenario;
    expectSameUtilities(back, s);
    expect(back.parties.map((p) => p.profile.reservation)).toEqual(
      s.parties.map((p) => p.profile.reservation),
    );
    expect(file.warnings.join("\n")).toMatch(/red line/i);
  });

  it("writes a GeniusWeb zip whose files read back with every utility", () => {
    const s = edited();
    const file = exportScenario(s, "geniusweb");
    const back = readGeniusWebScenario(unzip(file.bytes)).scenario;
    expectSameUtilities(back, s);
  });
});
