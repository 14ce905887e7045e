import type { TournamentPlan } from "./plan.js";
import type { JobResult } from "./result.js";
import type { Leaderboard } from "./score.js";
import type { Estimate } from "./stats.js";

/** RFC 4180 field: quoted when it holds a comma, quote or line break. */
function field(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

const row = (values: (string | number | boolean | null | undefined)[]): string => values.map(field).join(",");

const estimate = (e: Estimate) => [e.mean, e.ci?.[0], e.ci?.[1]];

const METRICS = ["utility", "advantage", "agreement_rate", "welfare", "pareto_distance", "nash_distance"];

/** One line per agent, best first: each metric's mean and 95% interval bounds. */
export function leaderboardCsv(board: Leaderboard): string {
  const header = ["rank", "agent", "seats", "failures", ...METRICS.flatMap((m) => [m, `${m}_lo`, `${m}_hi`])];
  const lines = board.agents.map((a, i) =>
    row([
      i + 1,
      a.name,
      a.seats,
      a.failures,
      ...estimate(a.utility),
      ...estimate(a.advantage),
      ...estimate(a.agreementRate),
      ...estimate(a.welfare),
      ...estimate(a.paretoDistance),
      ...estimate(a.nashDistance),
    ]),
  );
  return [row(header), ...lines].join("\n") + "\n";
}

/** One line per scenario and agent: its mean utility (95% interval), advantage and agreement rate there. */
export function scenariosCsv(board: Leaderboard): string {
  const header = [
    "scenario",
    "agent",
    "seats",
    "utility",
    "utility_lo",
    "utility_hi",
    "advantage",
    "agreement_rate",
  ];
  const lines = board.scenarios.flatMap((s) =>
    s.agents.map((a) =>
      row([s.scenario, a.name, a.utility.n, ...estimate(a.utility), a.advantage.mean, a.agreementRate.mean]),
    ),
  );
  return [row(header), ...lines].join("\n") + "\n";
}

/**
 * One line per negotiation with a result, in plan order. Per-seat columns
 * (agents, utilities, advantages) list seats in party order separated by `;`;
 * fault_seats lists the 1-based seats a failure is charged to, when known.
 */
export function resultsCsv(plan: TournamentPlan, results: Iterable<JobResult>): string {
  const byId = new Map<string, JobResult>();
  for (const r of results) byId.set(r.jobId, r);
  const header = [
    "job",
    "scenario",
    "agents",
    "rep",
    "seed",
    "status",
    "reason",
    "fault_seats",
    "agreement",
    "rounds",
    "utilities",
    "advantages",
    "welfare",
    "pareto_distance",
    "nash_distance",
  ];
  const lines: string[] = [row(header)];
  for (const job of plan.jobs) {
    const r = byId.get(job.id);
    if (r === undefined) continue;
    const s = r.score;
    lines.push(
      row([
        job.id,
        plan.spec.scenarios[job.scenario].name,
        job.lineup.map((a) => plan.spec.agents[a].name).join(";"),
        job.rep,
        job.seed,
        r.status,
        r.reason,
        r.faultSeats?.map((s) => s + 1).join(";"),
        s?.agreement,
        s?.rounds,
        s?.utilities.join(";"),
        s?.advantages.join(";"),
        s?.welfare,
        s?.paretoDistance,
        s?.nashDistance,
      ]),
    );
  }
  return lines.join("\n") + "\n";
}
