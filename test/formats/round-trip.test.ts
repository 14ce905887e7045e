import {
  compileParties,
  type Outcome,
  Rng,
  readGeniusScenario,
  readGeniusWebScenario,
  readParleyScenario,
  type Scenario,
  writeGeniusScenario,
  writeGeniusWebScenario,
  writeParleyScenario,
} from "@parley/core";
import { describe, expect, it } from "vitest";
import { bundledScenarios, loadBundled } from "../helpers/scenarios.js";

const EXHAUSTIVE_LIMIT = 1_000_000n;
const SAMPLES = 10_000;
const TOLERANCE = 1e-12;

/** Every outcome when there are at most 10^6, else 10^4 drawn with a seeded Rng. */
function* outcomesToCheck(s: Scenario, seed: string): Generator<Outcome> {
  if (s.space.size <= EXHAUSTIVE_LIMIT) {
    yield* s.space.enumerate();
    return;
  }
  const rng = new Rng(seed);
  for (let k = 0; k < SAMPLES; k++) yield s.space.sample(rng);
}

/** Largest utility difference between two scenarios over the same space, every party. */
function maxUtilityGap(a: Scenario, b: Scenario, seed: string): number {
  const ua = compileParties(a);
  const ub = compileParties(b);
  let gap = 0;
  for (const o of outcomesToCheck(a, seed))
    for (let i = 0; i < ua.length; i++) gap = Math.max(gap, Math.abs(ua[i].utility(o) - ub[i].utility(o)));
  return gap;
}

function expectSameShape(a: Scenario, b: Scenario): void {
  expect(b.space.issues.map((i) => [i.name, i.kind])).toEqual(a.space.issues.map((i) => [i.name, i.kind]));
  expect(b.space.size).toBe(a.space.size);
  expect(b.space.cardinalities).toEqual(a.space.cardinalities);
  expect(b.parties.map((p) => p.name)).toEqual(a.parties.map((p) => p.name));
  expect(b.parties.map((p) => p.profile.reservation)).toEqual(a.parties.map((p) => p.profile.reservation));
  expect(b.parties.map((p) => p.profile.discount)).toEqual(a.parties.map((p) => p.profile.discount));
}

const viaParley = (s: Scenario, format: "json" | "yaml") =>
  readParleyScenario(writeParleyScenario(s, format), "x");
const viaGenius = (s: Scenario) =>
  readGeniusScenario(writeGeniusScenario(s).files, { name: s.name }).scenario;

describe("GENIUS → Parley → GENIUS → Parley preserves every utility (1e-12)", () => {
  it.each(bundledScenarios())("%s", async (rel) => {
    const original = await loadBundled(rel);
    const once = viaParley(original, "yaml");
    const back = viaGenius(once);
    const twice = viaParley(back, "json");
    for (const s of [once, back, twice]) expectSameShape(original, s);
    expect(maxUtilityGap(original, twice, rel)).toBeLessThanOrEqual(TOLERANCE);
  });
});

/** Bundled scenarios whose profiles are all additive with weights summing to 1 (loaded before the suites are built). */
const geniusWebExpressible: string[] = [];
for (const rel of bundledScenarios()) {
  const s = await loadBundled(rel);
  const additive = s.parties.every(
    (p) =>
      p.profile.utility.type === "additive" &&
      Math.abs(p.profile.utility.weights.reduce((a, b) => a + b, 0) - 1) < 1e-9,
  );
  if (additive) geniusWebExpressible.push(rel);
}

describe("GENIUS → GeniusWeb → Parley preserves utilities where GeniusWeb can say the same", () => {
  // GeniusWeb has no hyper-rectangles, no min(1, Σ) cap and no clamped lines: additive profiles whose
  // weights sum to 1, without IntegerDomain (its line passes 1 inside the range).
  const clamped = "other/IntegerDomain";
  const additive = geniusWebExpressible.filter((rel) => rel !== clamped);

  it("covers most bundled scenarios", () => {
    expect(additive.length).toBeGreaterThan(90);
  });

  it("refuses a linear value GeniusWeb cannot express, naming party and issue", async () => {
    const scenario = await loadBundled(clamped);
    expect(() => writeGeniusWebScenario(scenario)).toThrow(
      /party "IntegerDomain-prof1": issue "price".*leaves \[0, 1\]/,
    );
  });

  it.each(additive)("%s", async (rel) => {
    const original = await loadBundled(rel);
    const { files } = writeGeniusWebScenario(original);
    const back = viaParley(readGeniusWebScenario(files).scenario, "json");
    expect(back.space.issues.map((i) => i.name)).toEqual(original.space.issues.map((i) => i.name));
    expect(back.parties.map((p) => p.name)).toEqual(original.parties.map((p) => p.name));
    expect(maxUtilityGap(original, back, rel)).toBeLessThanOrEqual(1e-12);
    // The reservation bid is the outcome whose utility is closest to the reservation value.
    if (original.space.size > EXHAUSTIVE_LIMIT) return;
    compileParties(original).forEach((u, i) => {
      const r = original.parties[i].profile.reservation;
      if (r === 0) {
        expect(back.parties[i].profile.reservation).toBe(0);
        return;
      }
      let closest = Number.POSITIVE_INFINITY;
      for (const o of original.space.enumerate()) closest = Math.min(closest, Math.abs(u.utility(o) - r));
      expect(Math.abs(Math.abs(back.parties[i].profile.reservation - r) - closest)).toBeLessThan(1e-12);
    });
  });
});
