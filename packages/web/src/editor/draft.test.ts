import { readParleyScenario } from "@parley/core";
import { describe, expect, it } from "vitest";
import { plan } from "../scenarios/peace-plan-files";
import { draftFromScenario, toDocument } from "./draft";

describe("editor draft", () => {
  it("carries a scenario through the editor unchanged: titles, descriptions, red lines, agreement rules", () => {
    const scenario = readParleyScenario(plan, "plan.yaml");
    const back = readParleyScenario(JSON.stringify(toDocument(draftFromScenario(scenario))), "plan.yaml");
    expect(back).toEqual(scenario);
  });

  it("refuses, in words, a scenario with a number range it cannot show as options", () => {
    const ranged = readParleyScenario(
      [
        "parley: 1",
        "name: ranged",
        "issues:",
        "  - { name: price, kind: integer, min: 1, max: 9 }",
        "parties:",
        "  - name: A",
        "    weights: { price: 1 }",
        "    values: { price: { linear: { slope: 0.1, offset: 0 } } }",
      ].join("\n"),
      "ranged.yaml",
    );
    expect(() => draftFromScenario(ranged)).toThrow(
      'Point "price" is a number range (integer); the editor edits points with named options only',
    );
  });
});
