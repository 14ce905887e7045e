import { describe, expect, it } from "vitest";
import { InputError } from "../errors.js";
import { writeGeniusScenario } from "./genius-write.js";
import { writeGeniusWebScenario } from "./geniusweb-write.js";
import { readParleyScenario, writeParleyScenario } from "./parley.js";

const base = `parley: 1
name: three
issues:
  - name: budget
    options: [low, high]
parties:
  - {name: North, weights: {budget: 1}, values: {budget: {low: 1, high: 0}}}
  - {name: South, weights: {budget: 1}, values: {budget: {low: 0, high: 1}}}
  - {name: Broker, weights: {budget: 1}, values: {budget: {low: 0.5, high: 0.5}}}
`;

const read = (agreement: string) => readParleyScenario(`${base}${agreement}`, "three.yaml");

function refusal(agreement: string): InputError {
  try {
    read(agreement);
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error("the rule was accepted");
}

describe("agreement rules in the Parley format", () => {
  it("reads unanimity by default, quorum and weighted rules by party name or 1-based position", () => {
    expect(read("").rule).toBeUndefined();
    expect(read("agreement: unanimity\n").rule).toEqual({ kind: "unanimity" });
    expect(read("agreement: {quorum: 2, vetoes: [North, 3]}\n").rule).toEqual({
      kind: "quorum",
      quorum: 2,
      vetoes: [0, 2],
    });
    expect(
      read("agreement: {powers: {North: 2, South: 2, Broker: 1}, threshold: 3, vetoes: [Broker]}\n").rule,
    ).toEqual({ kind: "weighted", powers: [2, 2, 1], threshold: 3, vetoes: [2] });
  });

  it("writes rules and variants with party names and reads them back", () => {
    const scenario = read(
      "agreement: {quorum: 2, vetoes: [2]}\nagreementVariants:\n  - name: weighted\n    description: by size\n    agreement: {powers: {North: 2, South: 1, Broker: 1}, threshold: 3}\n",
    );
    const yaml = writeParleyScenario(scenario);
    expect(yaml).toContain("vetoes:\n    - South");
    const again = readParleyScenario(yaml, "again.yaml");
    expect(again.rule).toEqual(scenario.rule);
    expect(again.ruleVariants).toEqual([
      {
        name: "weighted",
        description: "by size",
        rule: { kind: "weighted", powers: [2, 1, 1], threshold: 3, vetoes: [] },
      },
    ]);
  });

  it("refuses bad rules with the field and the reason", () => {
    const tooMany = refusal("agreement: {quorum: 4}\n");
    expect(tooMany.where).toBe("three.yaml: agreement");
    expect(tooMany.reason).toBe("quorum 4 is larger than the number of parties (3)");
    expect(refusal("agreement: {quorum: 2, vetoes: [East]}\n").reason).toContain('"East" names no party');
    expect(refusal("agreement: {quorum: 2, vetoes: [North, North]}\n").reason).toContain("twice");
    expect(refusal("agreement: {powers: {North: 1, South: 1, Broker: 1}, threshold: 4}\n").reason).toBe(
      "the powers add up to 3, which can never reach the threshold 4",
    );
    expect(refusal("agreement: {powers: {North: 1, South: 1}, threshold: 1}\n").reason).toBe(
      'gives no power to "Broker"',
    );
  });

  it("GENIUS and GeniusWeb writers warn that the rule is lost", () => {
    const scenario = read("agreement: {quorum: 2, vetoes: [North]}\n");
    const expected = "at least 2 of 3 parties, including North (veto)";
    expect(writeGeniusScenario(scenario).warnings.join("\n")).toContain(expected);
    expect(writeGeniusWebScenario(scenario).warnings.join("\n")).toContain(expected);
    expect(writeGeniusScenario(read("")).warnings.join("\n")).not.toContain("agreement rule");
  });
});
