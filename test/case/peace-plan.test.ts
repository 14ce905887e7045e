import { type AnalysisReport, analyze, compileParties, type Scenario } from "@parley/core";
import { beforeAll, describe, expect, it } from "vitest";
import { allowedBy, bestWorstGap, nashPackage, planOf } from "./bound-search.js";
import { loadCase } from "./case.js";

const { scenario, draft } = await loadCase();
const { space } = scenario;
const name = (i: number) => space.issues[i].name;
const T = space.issueIndex("territory");
const plan = planOf(scenario);

/** The draft with the given points reopened (open, like territory). */
const reopened = (points: readonly number[]) => draft.map((x, i) => (points.includes(i) ? null : x));

/** The allowed options with every party's red lines removed. */
function withoutRedLines(s: Scenario, allowed: number[][]): number[][] {
  const utilities = compileParties(s);
  return allowed.map((options, i) => options.filter((k) => !utilities.some((u) => u.isRedLine(i, k))));
}

describe("the peace plan as written", () => {
  it("has 20 points of 2-5 described options, four parties and the disclaimer", () => {
    expect(space.issueCount).toBe(20);
    for (const issue of space.issues) {
      expect(issue.kind).toBe("discrete");
      if (issue.kind !== "discrete") continue;
      expect(issue.title, issue.name).toBeTruthy();
      expect(issue.description, issue.name).toBeTruthy();
      expect(issue.options.length).toBeGreaterThanOrEqual(2);
      expect(issue.options.length).toBeLessThanOrEqual(5);
      for (const o of issue.options) expect(o.description, `${issue.name}=${o.value}`).toBeTruthy();
    }
    expect(scenario.parties.map((p) => p.name)).toEqual([
      "Invaded state",
      "Invading state",
      "Mediator",
      "European allies",
    ]);
    expect(scenario.description).toMatch(/INVENTED FOR DEMONSTRATION/);
    expect(scenario.description).toMatch(/not an assessment of any government's position/);
  });

  it("gives each party weights summing to 1 and a best option worth 1 on every point (so GENIUS reads it unchanged)", () => {
    for (const party of scenario.parties) {
      const u = party.profile.utility;
      if (u.type !== "additive") throw new Error("additive profiles expected");
      expect(u.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      for (const v of u.values) if (v.type === "table") expect(Math.max(...v.values)).toBe(1);
    }
  });

  it("leaves territory, and only territory, open in the draft", () => {
    expect(draft.map((x, i) => (x === null ? name(i) : null)).filter(Boolean)).toEqual(["territory"]);
  });
});

describe("the structure, through the analysis engine", () => {
  let report: AnalysisReport;
  beforeAll(() => {
    report = analyze(scenario, { settled: draft });
  });

  it("is blocked on territory under the draft: every territorial option is rejected by someone", () => {
    expect(report.zone.empty).toBe(true);
    expect(report.open).toEqual([T]);
    const blocked = report.blocking?.blockedOn ?? [];
    expect(blocked.map((b) => name(b.issue))).toEqual(["territory"]);
    for (const r of blocked[0].rejections) expect(r.parties.length, `option ${r.option}`).toBeGreaterThan(0);
  });

  it("is unblocked by reopening guarantees, or foreign troops: one point each", () => {
    const sets = report.blocking?.sets ?? [];
    expect(sets.map((s) => s.reopen.map(name)).sort()).toEqual([["foreign-troops"], ["guarantees"]]);
    for (const s of sets) expect(s.reopen.length).toBeLessThanOrEqual(2);
  });

  it("has a Nash package per unblocking set that changes the draft on territory and on the reopened point", () => {
    const rejectedUnderDraft = new Map(
      report.blocking!.blockedOn[0].rejections.map((r) => [r.option, r.parties]),
    );
    const utilities = compileParties(scenario);
    for (const set of report.blocking!.sets) {
      const nash = set.nash!;
      expect(nash).not.toBeNull();
      // Territory: the package picks an option the draft left every party unable to accept together.
      expect(rejectedUnderDraft.get(nash.outcome[T])?.length).toBeGreaterThan(0);
      for (const i of set.reopen) expect(nash.outcome[i], name(i)).not.toBe(draft[i]);
      space.issues.forEach((_, i) => {
        if (i !== T && !set.reopen.includes(i)) expect(nash.outcome[i]).toBe(draft[i]);
      });
      // A complete plan every party prefers to no deal, crossing no red line: a deal exists for the whole plan.
      utilities.forEach((u, p) => {
        expect(u.utility(nash.outcome)).toBeGreaterThanOrEqual(scenario.parties[p].profile.reservation);
        expect(u.crossesRedLine(nash.outcome)).toBe(false);
      });
    }
  });
});

describe("the structure, recomputed by an exact search that ignores red lines", () => {
  const guarantees = space.issueIndex("guarantees");
  const troops = space.issueIndex("foreign-troops");

  it("finds no territorial option every party accepts under the draft", () => {
    for (let k = 0; k < space.cardinalities[T]; k++) {
      const settled = draft.map((x, i) => (i === T ? k : x));
      expect(bestWorstGap(plan, allowedBy(plan, settled)).gap, `territory option ${k}`).toBeLessThan(0);
    }
  });

  it("finds a deal once guarantees, or foreign troops, is reopened, with the engine's Nash package", () => {
    const engine = analyze(scenario, { settled: reopened([guarantees]) });
    for (const point of [guarantees, troops]) {
      const allowed = allowedBy(plan, reopened([point]));
      expect(bestWorstGap(plan, allowed).gap).toBeGreaterThan(0);
      const nash = nashPackage(plan, allowed);
      expect(nash).not.toBeNull();
      if (point === guarantees) expect(nash).toEqual(engine.solutions.nash?.outcome);
      // Red lines never decide it: the same package with them.
      expect(nashPackage(plan, withoutRedLines(scenario, allowed))).toEqual(nash);
    }
  });

  it("finds no deal without reopening guarantees or foreign troops, however much else is reopened", () => {
    // Every other set of points is inside this one, so the two points above are the only minimal sets.
    const settled = space.issues.map((_, i) => (i === guarantees || i === troops ? draft[i] : null));
    expect(bestWorstGap(plan, allowedBy(plan, settled)).gap).toBeLessThan(0);
  });

  it("finds a deal for the whole plan, and the same Nash package with or without red lines", () => {
    const all = allowedBy(
      plan,
      space.issues.map(() => null),
    );
    expect(bestWorstGap(plan, all).gap).toBeGreaterThan(0);
    const nash = nashPackage(plan, all);
    expect(nashPackage(plan, withoutRedLines(scenario, all))).toEqual(nash);
    // The grand bargain scenarios/peace-plan/README.md describes.
    expect(nash && space.toValues(nash)).toMatchObject({
      territory: "demilitarised-zone",
      guarantees: "joint-guarantee",
      "foreign-troops": "reassurance-force",
      reconstruction: "assets-to-rebuilding",
    });
  });
});
