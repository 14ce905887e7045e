import { type AgreementRule, analyze, syntheticScenario } from "@parley/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ruleBruteForce } from "./rule-brute-force.js";

const ruleSpec = fc.record({
  kind: fc.constantFrom("quorum", "weighted"),
  quorum: fc.integer({ min: 1, max: 5 }),
  powers: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 5, maxLength: 5 }),
  threshold: fc.integer({ min: 1, max: 15 }),
  vetoes: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
});

const plan = fc.record({
  parties: fc.integer({ min: 2, max: 5 }),
  issues: fc.integer({ min: 1, max: 4 }),
  options: fc.integer({ min: 2, max: 3 }),
  seed: fc.integer({ min: 0, max: 1_000_000 }),
  reservation: fc.constantFrom(0.3, 0.5, 0.6, 0.7),
  redLines: fc.array(fc.tuple(fc.nat(4), fc.nat(3), fc.nat(2)), { maxLength: 4 }),
  settled: fc.array(fc.option(fc.nat(2), { nil: null }), { maxLength: 4 }),
  rule: ruleSpec,
});

/** The values an arbitrary draws. */
type ArbValue<A> = A extends fc.Arbitrary<infer T> ? T : never;

/** A valid rule for n parties from the drawn numbers. */
function ruleFor(spec: ArbValue<typeof ruleSpec>, n: number): AgreementRule {
  const vetoes = spec.vetoes.slice(0, n).flatMap((v, p) => (v ? [p] : []));
  if (spec.kind === "quorum") return { kind: "quorum", quorum: Math.min(spec.quorum, n), vetoes };
  const powers: number[] = spec.powers.slice(0, n);
  if (!powers.some((w) => w > 0)) powers[0] = 1;
  const total = powers.reduce((a, b) => a + b, 0);
  return { kind: "weighted", powers, threshold: Math.min(spec.threshold, total), vetoes };
}

function build(spec: ArbValue<typeof plan>) {
  const scenario = syntheticScenario(spec);
  for (const [p, issue, option] of spec.redLines) {
    if (p < spec.parties && issue < spec.issues && option < spec.options)
      scenario.parties[p].profile.redLines.push({ issue, option });
  }
  scenario.rule = ruleFor(spec.rule, spec.parties);
  const settled = spec.settled.slice(0, spec.issues).map((f) => (f !== null && f < spec.options ? f : null));
  return { scenario, settled, rule: scenario.rule };
}

describe("analysis under quorum and weighted rules against brute force", () => {
  it("zone, coalitions, dispensable parties, blocking points and the passing coalition agree", () => {
    let nonEmpty = 0;
    let blocked = 0;
    fc.assert(
      fc.property(plan, (spec) => {
        const { scenario, settled, rule } = build(spec);
        const report = analyze(scenario, { settled });
        const brute = ruleBruteForce(scenario, rule, settled);
        expect(report.zone.exact).toBe(true);
        expect(Number(report.zone.size)).toBe(brute.zoneSize);
        expect(report.zone.empty).toBe(brute.zoneSize === 0);
        expect(
          new Map(report.coalitions.coalitions.map((c) => [c.members.join(","), Number(c.packages)])),
        ).toEqual(brute.coalitions);
        expect(report.coalitions.parties.map((x) => Number(x.notNeeded))).toEqual(brute.notNeeded);
        expect(Number(report.coalitions.everyone)).toBe(brute.everyone);
        expect(report.coalitions.parties.map((x) => Number(x.overruled))).toEqual(brute.overruled);
        if (brute.zoneSize === 0) {
          blocked++;
          expect(report.blocking?.blockedOn.map((b) => b.issue)).toEqual(brute.blockedOn);
          expect(report.solutions.nash).toBeNull();
        } else {
          nonEmpty++;
          const members = report.solutions.coalition ?? [];
          expect(members.length).toBe(brute.largestAgreeing);
          const nash = report.solutions.nash!;
          const r = report.reservation;
          const product = members.reduce((a, p) => a * (nash.utilities[p] - r[p]), 1);
          expect(product).toBeCloseTo(brute.nashProduct!, 9);
        }
      }),
      { numRuns: 250, seed: 12 },
    );
    // Both branches were exercised.
    expect(nonEmpty).toBeGreaterThan(50);
    expect(blocked).toBeGreaterThan(20);
  });

  it("a quorum passes packages unanimity cannot, and only vetoes are never dispensable", () => {
    const scenario = syntheticScenario({ parties: 4, issues: 4, options: 4, seed: 5, reservation: 0.6 });
    const unanimous = analyze(scenario);
    scenario.rule = { kind: "quorum", quorum: 3, vetoes: [0] };
    const quorum = analyze(scenario);
    expect(quorum.zone.size).toBeGreaterThan(unanimous.zone.size);
    expect(quorum.coalitions.parties[0].notNeeded).toBe(0n);
    expect(quorum.coalitions.parties.slice(1).some((p) => p.notNeeded > 0n)).toBe(true);
    expect(quorum.coalitions.coalitions.map((c) => c.members)).toEqual([
      [0, 1, 2],
      [0, 1, 3],
      [0, 2, 3],
    ]);
  });
});
