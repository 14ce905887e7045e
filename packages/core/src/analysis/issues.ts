import { Rng } from "../model/rng.js";
import { redLineBars } from "./admissible.js";
import type { AnalysisContext } from "./context.js";
import { maxOf, minOf } from "./extremes.js";

/**
 * One point of the plan seen on its own. Satisfaction sₚ(k) ∈ [0, 1] is how
 * party p rates option k of this issue against the issue's other options
 * (0 its worst, 1 its best; 1 everywhere when p does not care).
 * - fairestOption: maximises the worst-off party's satisfaction (ties: the larger total);
 * - conflict = 1 − maxₖ minₚ sₚ(k): 0 when one option is every party's best,
 *   1 when every option is some party's worst. It says how far the best
 *   compromise on this point leaves the worse-off party from its favourite.
 * Options red lines bar are not candidates (unless all are): under unanimity,
 * options on anyone's red line.
 */
export interface IssueView {
  issue: number;
  settled: boolean;
  /** Each party's weight of the issue (additive: as written; otherwise the sampled swing, normalised to sum 1). */
  weights: number[];
  /** Each party's favourite option. */
  bestOption: number[];
  fairestOption: number;
  conflict: number;
}

const SWING_SAMPLES = 200;

export function issueViews(context: AnalysisContext): IssueView[] {
  const { space } = context.scenario;
  const table = satisfactionTables(context);
  const settled = context.options.settled ?? [];
  return space.issues.map((_, i) => {
    const candidates = candidateOptions(context, i);
    const minSat = (k: number) => Math.min(...table.satisfaction.map((s) => s[i][k]));
    const total = (k: number) => table.satisfaction.reduce((a, s) => a + s[i][k], 0);
    let fairest = candidates[0];
    for (const k of candidates) {
      const better = minSat(k) - minSat(fairest);
      if (better > 1e-12 || (Math.abs(better) <= 1e-12 && total(k) > total(fairest) + 1e-12)) fairest = k;
    }
    return {
      issue: i,
      settled: settled[i] !== undefined && settled[i] !== null,
      weights: table.weights.map((w) => w[i]),
      bestOption: table.raw.map((r) =>
        candidates.reduce((b, k) => (r[i][k] > r[i][b] ? k : b), candidates[0]),
      ),
      fairestOption: fairest,
      conflict: Math.max(0, 1 - minSat(fairest)),
    };
  });
}

/** Options not on anyone's red line (reopened points aside), or all when every option is. */
function candidateOptions(context: AnalysisContext, issue: number): number[] {
  const n = context.scenario.space.cardinalities[issue];
  const all = Array.from({ length: n }, (_, k) => k);
  if (context.options.reopened?.includes(issue)) return all;
  const open = all.filter((k) => !redLineBars(context.utilities, context.wins, issue, k));
  return open.length > 0 ? open : all;
}

interface Tables {
  /** raw[party][issue][option]: additive contribution, or mean utility over the sample. */
  raw: number[][][];
  satisfaction: number[][][];
  weights: number[][];
}

function satisfactionTables(context: AnalysisContext): Tables {
  const raw = context.utilities.map((u) =>
    u.contributions !== null ? u.contributions.map((c) => Array.from(c)) : sampledMeans(context, u.utility),
  );
  const satisfaction = raw.map((party) =>
    party.map((row) => {
      const lo = minOf(row);
      const hi = maxOf(row);
      return row.map((x) => (hi - lo > 1e-12 ? (x - lo) / (hi - lo) : 1));
    }),
  );
  const weights = context.utilities.map((u, p) => {
    if (u.profile.utility.type === "additive") return [...u.profile.utility.weights];
    const swing = raw[p].map((row) => maxOf(row) - minOf(row));
    const sum = swing.reduce((a, b) => a + b, 0);
    return swing.map((s) => (sum > 0 ? s / sum : 0));
  });
  return { raw, satisfaction, weights };
}

/** Mean utility of each option of each issue over a seeded sample of the rest of the outcome. */
function sampledMeans(context: AnalysisContext, utility: (o: ArrayLike<number>) => number): number[][] {
  const { cardinalities } = context.scenario.space;
  const rng = new Rng(context.options.seed ?? 0);
  const sums = cardinalities.map((n) => new Array<number>(n).fill(0));
  for (let s = 0; s < SWING_SAMPLES; s++) {
    const o = cardinalities.map((n) => rng.int(n));
    for (let i = 0; i < o.length; i++) {
      const keep = o[i];
      for (let k = 0; k < cardinalities[i]; k++) {
        o[i] = k;
        sums[i][k] += utility(o);
      }
      o[i] = keep;
    }
  }
  return sums.map((row) => row.map((x) => x / SWING_SAMPLES));
}
