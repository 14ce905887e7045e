import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyze, compileParties, Rng, type Scenario } from "@parley/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadScenario } from "../../packages/cli/src/scenario-loader.js";
import { runCli } from "../helpers/cli.js";
import { allowedBy, bestWorstGap, nashPackage, planOf } from "./bound-search.js";
import { loadCase, PLAN } from "./case.js";

const { scenario, draft } = await loadCase();
const dir = mkdtempSync(join(tmpdir(), "parley-case-"));
const out = join(dir, "genius");
let exported: Scenario;

beforeAll(async () => {
  const run = runCli(["convert", PLAN, out, "--to", "genius"]);
  expect(run.stderr).not.toMatch(/Error|at .*\.js/);
  expect(run.status).toBe(0);
  exported = await loadScenario(out, { onWarning: () => {} });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The exported scenario's parties in the original's order (GENIUS orders them by file name). */
function exportedInOrder(): Scenario {
  const order = scenario.parties.map((p) => exported.parties.findIndex((q) => q.name === p.name));
  expect(order).not.toContain(-1);
  return { ...exported, parties: order.map((k) => exported.parties[k]) };
}

describe("the peace plan exported to GENIUS XML by parley convert", () => {
  it("keeps the points, options and reservation values", () => {
    const back = exportedInOrder();
    expect(back.space.issues.map((i) => i.name)).toEqual(scenario.space.issues.map((i) => i.name));
    expect(back.space.size).toBe(scenario.space.size);
    expect(back.parties.map((p) => p.profile.reservation)).toEqual(
      scenario.parties.map((p) => p.profile.reservation),
    );
    expect(back.parties.every((p) => p.profile.redLines.length === 0)).toBe(true);
  });

  it("gives every party the same utility for 10,000 seeded outcomes", () => {
    const back = exportedInOrder();
    const original = compileParties(scenario);
    const read = compileParties(back);
    const rng = new Rng("peace-plan export");
    for (let n = 0; n < 10_000; n++) {
      const values = scenario.space.toValues(scenario.space.sample(rng));
      const a = scenario.space.fromValues(values);
      const b = back.space.fromValues(values);
      original.forEach((u, p) => {
        expect(read[p].utility(b)).toBeCloseTo(u.utility(a), 12);
      });
    }
  });

  it("shows the same structure, recomputed from the export alone", () => {
    const back = exportedInOrder();
    const plan = planOf(back);
    const T = back.space.issueIndex("territory");
    for (let k = 0; k < back.space.cardinalities[T]; k++) {
      expect(
        bestWorstGap(
          plan,
          allowedBy(
            plan,
            draft.map((x, i) => (i === T ? k : x)),
          ),
        ).gap,
      ).toBeLessThan(0);
    }
    // The engine's Nash package of each unblocking reopening (peace-plan.test.ts checks these are the sets).
    for (const point of ["guarantees", "foreign-troops"]) {
      const settled = draft.map((x, i) => (i === scenario.space.issueIndex(point) ? null : x));
      const engine = analyze(scenario, { settled }).solutions.nash;
      expect(engine).not.toBeNull();
      expect(nashPackage(plan, allowedBy(plan, settled)), point).toEqual(engine?.outcome);
    }
  });
});
