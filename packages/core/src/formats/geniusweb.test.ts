import { describe, expect, it } from "vitest";
import { compileUtility } from "../model/utility.js";
import { readGeniusWebScenario } from "./geniusweb.js";

const domain = {
  name: "jobs",
  issuesValues: {
    car: { values: ["yes", "no"] },
    salary: { range: [2000, 4000, 500] },
    days: { range: { low: 1, high: 5, step: 1 } },
  },
};

const profile = (reservationBid: unknown, utilitiesKey = "discreteutils", numberKey = "numberutils") => ({
  LinearAdditiveUtilitySpace: {
    name: "employee",
    domain,
    issueWeights: { car: 0.2, salary: 0.5, days: 0.3 },
    issueUtilities: {
      car: { [utilitiesKey]: { valueUtilities: { yes: 1, no: 0.25 } } },
      salary: { [numberKey]: { lowValue: 2000, lowUtility: 0, highValue: 4000, highUtility: 1 } },
      days: { [numberKey]: { lowValue: 2, lowUtility: 1, highValue: 5, highUtility: 0.4 } },
    },
    reservationBid,
  },
});

const files = (...docs: [string, unknown][]) =>
  docs.map(([name, doc]) => ({ name, text: JSON.stringify(doc) }));

describe("readGeniusWebScenario", () => {
  it("reads discrete and number issues, weights, value utilities and the reservation bid's utility", () => {
    const bid = { issuevalues: { car: "no", salary: 3000, days: 5 } };
    const { scenario, warnings } = readGeniusWebScenario(
      files(["jobs.json", domain], ["b-employer.json", profile(null)], ["a-employee.json", profile(bid)]),
    );
    expect(warnings).toEqual([]);
    expect(scenario.name).toBe("jobs");
    expect(scenario.space.issues).toEqual([
      { kind: "discrete", name: "car", options: [{ value: "yes" }, { value: "no" }] },
      { kind: "real", name: "salary", min: 2000, max: 4000, steps: 5 },
      { kind: "integer", name: "days", min: 1, max: 5 },
    ]);
    expect(scenario.parties.map((p) => p.name)).toEqual(["a-employee", "b-employer"]);
    // U(bid) = 0.2 · 0.25 + 0.5 · 0.5 + 0.3 · 0.4
    expect(scenario.parties[0].profile.reservation).toBeCloseTo(0.05 + 0.25 + 0.12, 15);
    expect(scenario.parties[1].profile.reservation).toBe(0);
    const u = compileUtility(scenario.space, scenario.parties[0].profile);
    // days = 1 lies below numberutils' lowValue 2: worth 0 there; days = 3 interpolates to 0.8.
    expect(u.utility(scenario.space.fromValues({ car: "yes", salary: 4000, days: 1 }))).toBeCloseTo(0.7, 15);
    expect(u.utility(scenario.space.fromValues({ car: "yes", salary: 2500, days: 3 }))).toBeCloseTo(
      0.2 + 0.5 * 0.25 + 0.3 * 0.8,
      15,
    );
  });

  it("reads the later class names and a profile alone, on the domain it embeds", () => {
    const { scenario } = readGeniusWebScenario(
      files(["p.json", profile(null, "DiscreteValueSetUtilities", "NumberValueSetUtilities")]),
    );
    expect(scenario.space.issueCount).toBe(3);
    expect(scenario.parties[0].profile.utility).toMatchObject({ weights: [0.2, 0.5, 0.3] });
  });

  it.each([
    [
      "a value the domain lacks",
      () => {
        const p = profile(null);
        const utilities: Record<string, unknown> = p.LinearAdditiveUtilitySpace.issueUtilities;
        utilities.car = { discreteutils: { valueUtilities: { yes: 1, maybe: 1 } } };
        return p;
      },
      /^p\.json: issueUtilities\.car: "maybe": is not a value of issue "car"/,
    ],
    [
      "a weight for an unknown issue",
      () => {
        const p = profile(null);
        (p.LinearAdditiveUtilitySpace.issueWeights as Record<string, number>).bonus = 0.1;
        return p;
      },
      /^p\.json: issue "bonus": is not an issue of the domain/,
    ],
    [
      "a negative weight",
      () => {
        const p = profile(null);
        p.LinearAdditiveUtilitySpace.issueWeights.car = -0.2;
        return p;
      },
      /^p\.json: LinearAdditiveUtilitySpace\.issueWeights\.car: /,
    ],
    [
      "a reservation bid off the domain",
      () => profile({ issuevalues: { car: "perhaps" } }),
      /^p\.json: reservationBid: issue "car": "perhaps" is not one of its options/,
    ],
  ])("refuses %s, naming file and field", (_, make, message) => {
    expect(() => readGeniusWebScenario(files(["d.json", domain], ["p.json", make()]))).toThrow(message);
  });
});
