import { compileParties, type Scenario } from "@parley/core";

/**
 * An independent brute-force analysis for tests: every outcome enumerated,
 * dominance decided pairwise on utilities rounded to 12 decimals, each
 * solution value maximised over the whole zone.
 */
export interface BruteForce {
  frontier: number[][];
  zoneSize: number;
  nashValue: number | null;
  ksValue: number | null;
  egalitarianValue: number | null;
  maxWelfareValue: number;
}

export function bruteForce(scenario: Scenario, settled: readonly (number | null)[] = []): BruteForce {
  const parties = compileParties(scenario);
  const r = parties.map((u) => u.profile.reservation);
  const isSettled = (i: number) => settled[i] !== null && settled[i] !== undefined;
  // Red lines exclude options, except on open points where they exclude every option.
  const excluded = scenario.space.cardinalities.map((n, i) => {
    const red = Array.from({ length: n }, (_, k) => parties.some((p) => p.isRedLine(i, k)));
    return isSettled(i) || red.every(Boolean) ? red.map(() => false) : red;
  });
  const rows: { u: number[]; red: boolean; feasible: boolean }[] = [];
  for (const o of scenario.space.enumerate()) {
    if (settled.some((f, i) => isSettled(i) && o[i] !== f)) continue;
    rows.push({
      u: parties.map((p) => p.utility(o)),
      red: parties.some((p) => p.crossesRedLine(o)),
      feasible: excluded.every((ex, i) => !ex[o[i]]),
    });
  }
  const feasible = rows.filter((x) => x.feasible).map((x) => x.u);
  const round = (v: number[]) => v.map((x) => Math.round(x * 1e12) / 1e12);
  const distinct = [...new Map(feasible.map((v) => [round(v).join(","), round(v)])).values()];
  const dominates = (a: number[], b: number[]) => a.every((x, i) => x >= b[i]) && a.some((x, i) => x > b[i]);
  const frontier = distinct.filter((v) => !distinct.some((w) => dominates(w, v)));
  const zone = rows.filter((x) => !x.red && x.u.every((u, i) => u >= r[i] - 5e-13)).map((x) => x.u);
  const best = r.map((_, p) => Math.max(...feasible.map((v) => v[p])));
  const maxOver = (f: (v: number[]) => number) => (zone.length === 0 ? null : Math.max(...zone.map(f)));
  return {
    frontier,
    zoneSize: zone.length,
    nashValue: maxOver((v) => v.reduce((a, x, i) => a * (x - r[i]), 1)),
    ksValue: maxOver((v) =>
      Math.min(...v.map((x, i) => (best[i] > r[i] ? (x - r[i]) / (best[i] - r[i]) : 0))),
    ),
    egalitarianValue: maxOver((v) => Math.min(...v.map((x, i) => x - r[i]))),
    maxWelfareValue: Math.max(...feasible.map((v) => v.reduce((a, b) => a + b, 0))),
  };
}
