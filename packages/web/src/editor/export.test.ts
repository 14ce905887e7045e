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

/** Every package's utility for every party. */
function utilities(s: Scenario) {
  const fns = compileParties(s);
  return {
    parties: s.parties.map((p) => p.name),
    points: s.space.issues.map((i) => i.name),
    utilities: [...s.space.enumerate()].map((o) => fns.map((f) => f.utility(o))),
  };
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
    const [want, got] = [utilities(s), utilities(back)];
    expect(got.parties).toEqual(want.parties);
    expect(got.points).toEqual(want.points);
    got.utilities.forEach((row, i) => row.forEach((u, k) => expect(u).toBeCloseTo(want.utilities[i][k], 12)));
    expect(back.parties.map((p) => p.profile.reservation)).toEqual(
      s.parties.map((p) => p.profile.reservation),
    );
    expect(file.warnings.join("\n")).toMatch(/red line/i);
  });

  it("writes a GeniusWeb zip whose files read back with every utility", () => {
    const s = edited();
    const file = exportScenario(s, "geniusweb");
    const back = readGeniusWebScenario(unzip(file.bytes)).scenario;
    const [want, got] = [utilities(s), utilities(back)];
    expect(got.parties).toEqual(want.parties);
    got.utilities.forEach((row, i) => row.forEach((u, k) => expect(u).toBeCloseTo(want.utilities[i][k], 12)));
  });
});
