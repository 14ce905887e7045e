import { analyze, compileParties } from "@parley/core";
import { describe, expect, it } from "vitest";
import { loadCase } from "./case.js";

const { scenario, draft } = await loadCase();
const { space } = scenario;
const [variant] = scenario.ruleVariants ?? [];
const under = { ...scenario, rule: variant.rule };
const T = space.issueIndex("territory");

describe("the peace plan under the signatories rule", () => {
  it("is stated in the plan: the warring parties and the mediator hold vetoes, the allies do not", () => {
    expect(scenario.rule).toBeUndefined();
    expect(variant.name).toBe("signatories");
    expect(variant.rule).toEqual({ kind: "quorum", quorum: 3, vetoes: [0, 1, 2] });
  });

  it("leaves the draft blocked on territory, each option rejected by a party whose yes is needed", () => {
    const report = analyze(under, { settled: draft });
    expect(report.zone.empty).toBe(true);
    expect(report.blocking?.blockedOn.map((b) => b.issue)).toEqual([T]);
    for (const r of report.blocking!.blockedOn[0].rejections)
      expect(r.parties.some((p) => variant.rule.kind === "quorum" && variant.rule.vetoes.includes(p))).toBe(
        true,
      );
    expect(report.blocking?.sets.map((s) => s.reopen.map((i) => space.issues[i].name))).toEqual([
      ["guarantees"],
      ["foreign-troops"],
    ]);
  });

  it("passes packages over the whole plan that the allies reject, the signatories' Nash package among them", () => {
    const report = analyze(under, {});
    const allies = report.coalitions.parties[3];
    expect(allies.overruled).toBeGreaterThan(0n);
    expect(report.zone.size).toBeGreaterThan(report.coalitions.everyone);
    for (const p of report.coalitions.parties.slice(0, 3)) expect(p.notNeeded).toBe(0n);
    const utilities = compileParties(scenario);
    const signatories = analyze({ ...scenario, parties: scenario.parties.slice(0, 3) }, {}).solutions.nash!;
    expect(utilities[3].utility(signatories.outcome)).toBeLessThan(scenario.parties[3].profile.reservation);
    for (const p of [0, 1, 2])
      expect(utilities[p].utility(signatories.outcome)).toBeGreaterThanOrEqual(
        scenario.parties[p].profile.reservation,
      );
  });
});
