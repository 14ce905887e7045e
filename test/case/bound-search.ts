/**
 * An exact search over additive plans, independent of the analysis engine,
 * to recompute the case's structure: depth-first over the points, pruned by
 * each party's best possible remaining contribution (branch and bound).
 */
import type { Scenario } from "@parley/core";
import { compileParties } from "@parley/core";

export interface Plan {
  /** Per party and point, the weighted contribution of each option (U = Σ, clipped at 1). */
  tables: number[][][];
  reservation: number[];
}

/** The scenario's additive tables; red lines are ignored, as a GENIUS export has none. */
export function planOf(scenario: Scenario): Plan {
  return {
    tables: compileParties(scenario).map((u) => {
      if (!u.contributions) throw new Error("the case's profiles are additive");
      return u.contributions.map((c) => Array.from(c));
    }),
    reservation: scenario.parties.map((p) => p.profile.reservation),
  };
}

/** Options allowed per point: the settled option where `settled` has one, else all. */
export function allowedBy(plan: Plan, settled: readonly (number | null)[]): number[][] {
  return plan.tables[0].map((options, i) =>
    settled[i] === null ? options.map((_, k) => k) : [settled[i] as number],
  );
}

/**
 * The largest, over the allowed outcomes, of the smallest gap uᵢ − rᵢ with
 * the outcome behind it: ≥ 0 exactly when some outcome gives every party its
 * reservation value (a deal exists).
 */
export function bestWorstGap(plan: Plan, allowed: number[][]): { gap: number; outcome: number[] } {
  return search(
    plan,
    allowed,
    (gaps) => Math.min(...gaps),
    (bounds) => Math.min(...bounds),
    false,
  );
}

/** The Nash package: the allowed outcome maximising Π(uᵢ − rᵢ) with every uᵢ ≥ rᵢ, or null. */
export function nashPackage(plan: Plan, allowed: number[][]): number[] | null {
  const best = search(
    plan,
    allowed,
    (gaps) => gaps.reduce((a, g) => a * g, 1),
    (bounds) => bounds.reduce((a, g) => a * g, 1),
    true,
  );
  return best.gap >= 0 ? best.outcome : null;
}

function search(
  plan: Plan,
  allowed: number[][],
  value: (gaps: number[]) => number,
  bound: (gapBounds: number[]) => number,
  zoneOnly: boolean,
): { gap: number; outcome: number[] } {
  const parties = plan.tables.length;
  const n = allowed.length;
  // rest[p][i]: party p's largest possible sum over points i..n-1.
  const rest = plan.tables.map((t) => {
    const r = new Array<number>(n + 1).fill(0);
    for (let i = n - 1; i >= 0; i--) r[i] = r[i + 1] + Math.max(...allowed[i].map((k) => t[i][k]));
    return r;
  });
  const sums = new Array<number>(parties).fill(0);
  const outcome = new Array<number>(n).fill(0);
  let best = { gap: Number.NEGATIVE_INFINITY, outcome: [] as number[] };
  const visit = (i: number) => {
    const upper = sums.map((s, p) => Math.min(1, s + rest[p][i]) - plan.reservation[p]);
    if (zoneOnly && upper.some((g) => g < 0)) return;
    if (bound(upper) <= best.gap) return;
    if (i === n) {
      best = { gap: value(upper), outcome: outcome.slice() };
      return;
    }
    for (const k of allowed[i]) {
      outcome[i] = k;
      for (let p = 0; p < parties; p++) sums[p] += plan.tables[p][i][k];
      visit(i + 1);
      for (let p = 0; p < parties; p++) sums[p] -= plan.tables[p][i][k];
    }
  };
  visit(0);
  return best;
}
