import { type AnalysisContext, barredByRedLines } from "./context.js";

/**
 * Logrolling: party `parties[0]` gets its best option on `issues[0]`, party
 * `parties[1]` its best on `issues[1]`; each concedes the other's point (that
 * change alone would hurt it) yet both gain overall, relative to a baseline.
 */
export interface Trade {
  parties: [number, number];
  issues: [number, number];
  options: [number, number];
  outcome: number[];
  /** Every party's utility change against the baseline. */
  gains: number[];
}

const TOP = 10;

/**
 * Trades against `baseline` (the draft, or the plan with every open point at
 * its fairest option), ranked by the smaller of the two traders' gains.
 */
export function tradesFrom(context: AnalysisContext, baseline: readonly number[]): Trade[] {
  const settled = context.options.settled ?? [];
  const open = context.scenario.space.issues
    .map((_, i) => i)
    .filter((i) => settled[i] === undefined || settled[i] === null);
  const parties = context.utilities;
  const base = parties.map((u) => u.utility(baseline));
  const withOption = (i: number, k: number) => {
    const o = [...baseline];
    o[i] = k;
    return o;
  };
  // best[p][i]: p's favourite admissible option on i, the rest of the baseline unchanged.
  const best = parties.map((u) =>
    context.admissible.options.map((opts, i) =>
      opts.reduce((b, k) => (u.utility(withOption(i, k)) > u.utility(withOption(i, b)) ? k : b), baseline[i]),
    ),
  );
  const trades: Trade[] = [];
  for (let p = 0; p < parties.length; p++) {
    for (let q = 0; q < parties.length; q++) {
      if (p === q) continue;
      for (const i of open) {
        for (const j of open) {
          if (i === j || best[p][i] === baseline[i] || best[q][j] === baseline[j]) continue;
          // Each side concedes: the other's gain alone would cost it.
          if (parties[p].utility(withOption(j, best[q][j])) >= base[p]) continue;
          if (parties[q].utility(withOption(i, best[p][i])) >= base[q]) continue;
          const outcome = [...baseline];
          outcome[i] = best[p][i];
          outcome[j] = best[q][j];
          if (barredByRedLines(context, outcome)) continue;
          const gains = parties.map((u, s) => u.utility(outcome) - base[s]);
          if (gains[p] > 0 && gains[q] > 0) {
            trades.push({
              parties: [p, q],
              issues: [i, j],
              options: [best[p][i], best[q][j]],
              outcome,
              gains,
            });
          }
        }
      }
    }
  }
  const score = (t: Trade) => Math.min(t.gains[t.parties[0]], t.gains[t.parties[1]]);
  // The same exchange appears once per direction (p, i, q, j) and (q, j, p, i); keep one.
  const unique = trades.filter((t) => t.parties[0] < t.parties[1]);
  return unique.sort((a, b) => score(b) - score(a)).slice(0, TOP);
}
