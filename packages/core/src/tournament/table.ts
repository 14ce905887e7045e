import type { Leaderboard } from "./score.js";
import type { Estimate } from "./stats.js";

const num = (x: number, digits = 3): string => (Number.isFinite(x) ? x.toFixed(digits) : "–");

const withCi = (e: Estimate): string =>
  e.ci === null ? num(e.mean) : `${num(e.mean)} [${num(e.ci[0])}, ${num(e.ci[1])}]`;

/** The leaderboard as an aligned text table, best agent first; intervals are 95%. */
export function leaderboardTable(board: Leaderboard): string {
  const header = [
    "rank",
    "agent",
    "utility [95% CI]",
    "advantage",
    "agreement",
    "welfare",
    "pareto dist",
    "nash dist",
    "failed",
  ];
  const rows = board.agents.map((a, i) => [
    String(i + 1),
    a.name,
    withCi(a.utility),
    num(a.advantage.mean),
    Number.isFinite(a.agreementRate.mean) ? `${(a.agreementRate.mean * 100).toFixed(1)}%` : "–",
    num(a.welfare.mean),
    num(a.paretoDistance.mean),
    num(a.nashDistance.mean),
    String(a.failures),
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  // Rank and name read left-aligned; numbers right-aligned.
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (c <= 1 ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
      .join("  ")
      .trimEnd();
  return [line(header), ...rows.map(line)].join("\n");
}

/** Mean utility of each row agent against each column agent ("–" where they never met). */
export function pairwiseTable(board: Leaderboard): string {
  const { agents, utility } = board.pairwise;
  const header = ["row vs column", ...agents];
  const rows = agents.map((a, i) => [a, ...utility[i].map((u) => (u === null ? "–" : num(u)))]);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
      .join("  ")
      .trimEnd();
  return [line(header), ...rows.map(line)].join("\n");
}
