import { agreementZone, compileParties, type Frontier, type Scenario, solutionPoints } from "@parley/core";
import { expect } from "vitest";

const TOL = 1e-9;

/** Sorted copies of utility vectors, for set comparison. */
function sorted(vectors: number[][]): number[][] {
  return vectors.map((v) => [...v]).sort((a, b) => b.map((x, i) => x - a[i]).find((d) => d !== 0) ?? 0);
}

/** The two sets of utility vectors are equal to 1e-9. */
export function expectSameSet(actual: number[][], expected: number[][]): void {
  const a = sorted(actual);
  const e = sorted(expected);
  expect(a.length).toBe(e.length);
  for (let k = 0; k < a.length; k++) {
    for (let i = 0; i < a[k].length; i++) expect(Math.abs(a[k][i] - e[k][i])).toBeLessThan(TOL);
  }
}

function expectValue(actual: number | null, expected: number | null | undefined): void {
  if (expected === null || expected === undefined) expect(actual).toBeNull();
  else expect(Math.abs((actual ?? Number.NaN) - expected)).toBeLessThan(TOL);
}

export interface ExpectedValues {
  frontier: number[][];
  nashValue: number | null | undefined;
  ksValue: number | null | undefined;
  egalitarianValue: number | null | undefined;
  maxWelfareValue: number;
  zoneSize: number;
}

/**
 * The frontier equals the expected set, each point's outcome gives its
 * utilities, the solution points reach the expected values, and the
 * agreement zone has the expected size.
 */
export function expectAnalysis(
  scenario: Scenario,
  frontier: Frontier,
  expected: ExpectedValues,
  settled: (number | null)[] = [],
): void {
  expectSameSet(
    frontier.points.map((p) => p.utilities),
    expected.frontier,
  );
  const parties = compileParties(scenario);
  for (const p of frontier.points) expect(parties.map((u) => u.utility(p.outcome))).toEqual(p.utilities);
  const s = solutionPoints(scenario, frontier, { settled });
  const r = parties.map((u) => u.profile.reservation);
  const best = r.map((_, i) => Math.max(...frontier.points.map((p) => p.utilities[i])));
  const gains = (u: number[]) => u.map((x, i) => x - r[i]);
  expectValue(s.nash && gains(s.nash.utilities).reduce((a, g) => a * g, 1), expected.nashValue);
  expectValue(
    s.kalaiSmorodinsky &&
      Math.min(
        ...gains(s.kalaiSmorodinsky.utilities).map((g, i) => (best[i] > r[i] ? g / (best[i] - r[i]) : 0)),
      ),
    expected.ksValue,
  );
  expectValue(s.egalitarian && Math.min(...gains(s.egalitarian.utilities)), expected.egalitarianValue);
  expectValue(
    s.maxWelfare.utilities.reduce((a, b) => a + b, 0),
    expected.maxWelfareValue,
  );
  const zone = agreementZone(scenario, frontier, { settled });
  expect(zone).toEqual({ empty: expected.zoneSize === 0, size: BigInt(expected.zoneSize), exact: true });
}
