import { analyze, compileParties, syntheticScenario } from "@parley/core";
import { describe, expect, it } from "vitest";
import { bruteForce } from "./brute-force.js";
import { abPlan } from "./planted.js";

const ISSUES = ["s1", "s2", "s3", "s4", "t"];

/** All subsets of `items` of the given size. */
function subsets(items: number[], size: number): number[][] {
  if (size === 0) return [[]];
  return items.flatMap((x, i) => subsets(items.slice(i + 1), size - 1).map((rest) => [x, ...rest]));
}

describe("blocking points", () => {
  // Everything but t settled on A's favourite. B needs 0.7 and gets at most 0.2 from t:
  // only reopening {s1, s2} or {s1, s3} lifts B to 0.7 while A keeps its 0.2.
  const scenario = abPlan(
    ISSUES,
    [
      [0.1, 0.1, 0.1, 0.1, 0.6],
      [0.3, 0.2, 0.2, 0.1, 0.2],
    ],
    [0.2, 0.7],
  );
  const settled = [0, 0, 0, 0, null];

  it("finds exactly the planted smallest unblocking sets, with their Nash packages", () => {
    const report = analyze(scenario, { settled });
    expect(report.zone.empty).toBe(true);
    expect(report.open).toEqual([4]);
    const sets = report.blocking?.sets ?? [];
    expect(sets.map((s) => s.reopen)).toEqual([
      [0, 1],
      [0, 2],
    ]);
    for (const s of sets) {
      // The Nash package reopens only those points and gives both their reservation.
      expect(s.nash?.outcome.filter((k, i) => k !== settled[i] && i !== 4).length).toBeLessThanOrEqual(2);
      expect(s.nash?.utilities[0]).toBeGreaterThanOrEqual(0.2 - 1e-12);
      expect(s.nash?.utilities[1]).toBeGreaterThanOrEqual(0.7 - 1e-12);
    }
  });

  it("agrees with brute force: the sets unblock, and no smaller or other set of that size does", () => {
    const sets = (analyze(scenario, { settled }).blocking?.sets ?? []).map((s) => s.reopen.join(","));
    const unblocks = (reopen: number[]) =>
      bruteForce(
        scenario,
        settled.map((f, i) => (reopen.includes(i) ? null : f)),
      ).zoneSize > 0;
    expect(unblocks([])).toBe(false);
    expect(subsets([0, 1, 2, 3], 1).some(unblocks)).toBe(false);
    const pairs = subsets([0, 1, 2, 3], 2).filter(unblocks);
    expect(pairs.map((p) => p.join(","))).toEqual(sets);
  });

  it("says the deal is blocked on the open point when B rejects every option of it", () => {
    const blocking = analyze(scenario, { settled }).blocking;
    expect(blocking?.blockedOn.map((b) => b.issue)).toEqual([4]);
    expect(blocking?.blockedOn[0].rejections).toEqual([
      { option: 0, parties: [1] },
      { option: 1, parties: [1] },
    ]);
  });

  it("reopens a point whose options are all on someone's red line", () => {
    const red = abPlan(
      ISSUES,
      [
        [0.2, 0.2, 0.2, 0.2, 0.2],
        [0.2, 0.2, 0.2, 0.2, 0.2],
      ],
      [0.3, 0.3],
      [[{ issue: 4, option: 1 }], [{ issue: 4, option: 0 }]],
    );
    const report = analyze(red);
    expect(report.zone.empty).toBe(true);
    expect(report.solutions.nash).toBeNull();
    expect(report.solutions.reasons?.nash).toContain("t");
    expect(report.blocking?.blockedOn.map((b) => b.issue)).toEqual([4]);
    expect(report.blocking?.sets.map((s) => s.reopen)).toEqual([[4]]);
  });

  it("explains when reservations alone leave no deal", () => {
    const report = analyze(
      abPlan(
        ISSUES,
        [
          [0.2, 0.2, 0.2, 0.2, 0.2],
          [0.2, 0.2, 0.2, 0.2, 0.2],
        ],
        [0.7, 0.7],
      ),
    );
    expect(report.zone.empty).toBe(true);
    expect(report.blocking?.sets).toEqual([]);
    expect(report.blocking?.note).toContain("reservation");
    // Closest: 2 or 3 of the 5 equal points to each side, 0.3 short for one party at worst.
    expect(Math.min(...(report.blocking?.closest.gaps ?? []))).toBeCloseTo(-0.3, 12);
  });

  it("reports nothing blocked when the zone is not empty", () => {
    expect(analyze(scenario).blocking).toBeNull();
  });
});

describe("per-issue view", () => {
  it("scores a pure conflict 1 and a shared favourite 0, and picks the option best for the worse-off", () => {
    const scenario = syntheticScenario({ parties: 2, issues: 3, options: 3, seed: 5 });
    const [a, b] = scenario.parties.map((p) => p.profile.utility);
    if (a.type !== "additive" || b.type !== "additive") throw new Error("additive expected");
    a.values[0] = { type: "table", values: [1, 0.5, 0] };
    b.values[0] = { type: "table", values: [0, 0.5, 1] };
    a.values[1] = { type: "table", values: [0.2, 1, 0.4] };
    b.values[1] = { type: "table", values: [0.1, 1, 0.3] };
    a.values[2] = { type: "table", values: [1, 0, 0] };
    b.values[2] = { type: "table", values: [0, 1, 0] };
    const [v0, v1, v2] = analyze(scenario).issues;
    expect(v0.conflict).toBeCloseTo(0.5, 12);
    expect(v0.fairestOption).toBe(1);
    expect(v0.bestOption).toEqual([0, 2]);
    expect(v1.conflict).toBe(0);
    expect(v1.fairestOption).toBe(1);
    expect(v2.conflict).toBe(1);
    expect(v0.weights).toEqual([a.weights[0], b.weights[0]]);
  });
});

describe("draft improvements", () => {
  it("lists only Pareto improvements of one or two points, the best first, and the frontier point dominating the draft", () => {
    const scenario = syntheticScenario({ parties: 3, issues: 5, options: 4, seed: 9 });
    const parties = compileParties(scenario);
    const draft = [3, 2, 1, 0, 3];
    const report = analyze(scenario, { draft });
    const review = report.draft!;
    const base = parties.map((u) => u.utility(draft));
    // Brute force over every one- and two-point change.
    let bestTotal = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < 5; i++) {
      for (let j = i; j < 5; j++) {
        for (let a = 0; a < 4; a++) {
          for (let b = 0; b < 4; b++) {
            const o = [...draft];
            o[i] = a;
            o[j] = b;
            const g = parties.map((u, p) => u.utility(o) - base[p]);
            if (g.every((x) => x >= 0) && g.some((x) => x > 0))
              bestTotal = Math.max(bestTotal, g[0] + g[1] + g[2]);
          }
        }
      }
    }
    expect(review.improvements.length).toBeGreaterThan(0);
    const totals = review.improvements.map((m) => m.gains.reduce((x, y) => x + y, 0));
    expect(totals[0]).toBeCloseTo(bestTotal, 12);
    expect(totals).toEqual([...totals].sort((x, y) => y - x));
    for (const m of review.improvements) {
      expect(m.changes.length).toBeLessThanOrEqual(2);
      expect(m.gains.every((g) => g >= 0)).toBe(true);
      expect(parties.map((u) => u.utility(m.outcome))).toEqual(m.utilities);
    }
    const dom = review.dominatedBy!;
    expect(dom.gains.every((g) => g >= 0)).toBe(true);
    const minGain = Math.min(...dom.gains);
    for (const p of report.frontier.points) {
      const g = p.utilities.map((u, k) => u - base[k]);
      if (g.every((x) => x >= 0)) expect(Math.min(...g)).toBeLessThanOrEqual(minGain + 1e-12);
    }
  });

  it("finds no improvement of a frontier outcome", () => {
    const scenario = syntheticScenario({ parties: 2, issues: 4, options: 3, seed: 2 });
    const report = analyze(scenario);
    const review = analyze(scenario, { draft: report.solutions.maxWelfare.outcome }).draft!;
    expect(review.improvements).toEqual([]);
    expect(review.dominatedBy).toBeNull();
  });
});

describe("trades", () => {
  it("pairs points the two parties rank differently, each conceding one and both gaining", () => {
    // A cares about s1, B about s2; the baseline compromises on nothing: A wins s2, B wins s1.
    const scenario = abPlan(
      ["s1", "s2"],
      [
        [0.8, 0.2],
        [0.2, 0.8],
      ],
      [0, 0],
    );
    const trades = analyze(scenario, { draft: [1, 0] }).trades;
    expect(trades).toHaveLength(1);
    expect(trades[0].parties).toEqual([0, 1]);
    expect(trades[0].issues).toEqual([0, 1]);
    expect(trades[0].outcome).toEqual([0, 1]);
    expect(trades[0].gains[0]).toBeCloseTo(0.6, 12);
    expect(trades[0].gains[1]).toBeCloseTo(0.6, 12);
  });
});
