import type { TournamentPlan } from "./plan.js";
import type { JobResult, NegotiationScore } from "./result.js";
import { type Estimate, meanWithCi, rateWithCi } from "./stats.js";

/**
 * One agent's scores over every seat it took in a negotiation that ended
 * normally (a self-play negotiation counts once per seat). Failed
 * negotiations are left out of the means and counted in `failures`.
 */
export interface AgentScore {
  name: string;
  /** Seats scored. */
  seats: number;
  /**
   * Failed negotiations charged to it: those where its seat was at fault, and
   * those it took part in when the seat at fault is unknown.
   */
  failures: number;
  utility: Estimate;
  advantage: Estimate;
  agreementRate: Estimate;
  /** Welfare of the negotiations it took part in. */
  welfare: Estimate;
  paretoDistance: Estimate;
  nashDistance: Estimate;
}

export interface ScenarioBreakdown {
  scenario: string;
  agents: { name: string; utility: Estimate; advantage: Estimate; agreementRate: Estimate }[];
}

/**
 * Mean utility of the row agent in negotiations where the column agent held
 * another seat; null where they never met.
 */
export interface PairwiseMatrix {
  agents: string[];
  utility: (number | null)[][];
  seats: number[][];
}

export interface Leaderboard {
  /** Negotiations with a result (ok or failed). */
  negotiations: number;
  failed: number;
  /** Planned negotiations (more than `negotiations` while a run is incomplete). */
  planned: number;
  /** Sorted by mean utility, best first. */
  agents: AgentScore[];
  scenarios: ScenarioBreakdown[];
  pairwise: PairwiseMatrix;
}

/** The `--json` leaderboard, exactly the documented shape. */
export interface LeaderboardSummary {
  negotiations: number;
  failed: number;
  agents: {
    name: string;
    utility: number | null;
    utilityCi: [number, number] | null;
    advantage: number | null;
    agreementRate: number | null;
    welfare: number | null;
    nashDistance: number | null;
  }[];
}

interface Samples {
  utility: number[];
  advantage: number[];
  agreements: number;
  welfare: number[];
  pareto: number[];
  nash: number[];
  failures: number;
}

const emptySamples = (): Samples => ({
  utility: [],
  advantage: [],
  agreements: 0,
  welfare: [],
  pareto: [],
  nash: [],
  failures: 0,
});

function addSeat(s: Samples, score: NegotiationScore, seat: number): void {
  s.utility.push(score.utilities[seat]);
  s.advantage.push(score.advantages[seat]);
  if (score.agreement) s.agreements++;
  s.welfare.push(score.welfare);
  if (score.paretoDistance !== null) s.pareto.push(score.paretoDistance);
  if (score.nashDistance !== null) s.nash.push(score.nashDistance);
}

/** Scores a (possibly partial) tournament from its results; results of jobs not in the plan are ignored. */
export function scoreTournament(plan: TournamentPlan, results: Iterable<JobResult>): Leaderboard {
  const { agents, scenarios } = plan.spec;
  const byId = new Map(plan.jobs.map((j) => [j.id, j]));
  const overall = agents.map(emptySamples);
  const perScenario = scenarios.map(() => agents.map(emptySamples));
  const pairSum = agents.map(() => agents.map(() => 0));
  const pairSeats = agents.map(() => agents.map(() => 0));
  // In plan order, whatever order results arrived in: floating-point sums then match to the bit.
  const inPlanOrder: (JobResult | undefined)[] = new Array(plan.jobs.length);
  for (const result of results) {
    const job = byId.get(result.jobId);
    if (job !== undefined) inPlanOrder[job.index] = result;
  }
  let negotiations = 0;
  let failed = 0;
  for (const job of plan.jobs) {
    const result = inPlanOrder[job.index];
    if (result === undefined) continue;
    negotiations++;
    if (result.status === "failed" || result.score === null) {
      failed++;
      const charged = result.faultSeats?.length ? result.faultSeats.map((s) => job.lineup[s]) : job.lineup;
      for (const a of new Set(charged)) overall[a].failures++;
      continue;
    }
    const score = result.score;
    job.lineup.forEach((a, seat) => {
      addSeat(overall[a], score, seat);
      addSeat(perScenario[job.scenario][a], score, seat);
      const met = new Set(job.lineup.filter((_, other) => other !== seat));
      for (const b of met) {
        pairSum[a][b] += score.utilities[seat];
        pairSeats[a][b]++;
      }
    });
  }
  const names = agents.map((a) => a.name);
  const scored = overall.map((s, a) => ({
    name: names[a],
    seats: s.utility.length,
    failures: s.failures,
    utility: meanWithCi(s.utility),
    advantage: meanWithCi(s.advantage),
    agreementRate: rateWithCi(s.agreements, s.utility.length),
    welfare: meanWithCi(s.welfare),
    paretoDistance: meanWithCi(s.pareto),
    nashDistance: meanWithCi(s.nash),
  }));
  scored.sort((x, y) => orderKey(y.utility.mean) - orderKey(x.utility.mean) || x.name.localeCompare(y.name));
  return {
    negotiations,
    failed,
    planned: plan.jobs.length,
    agents: scored,
    scenarios: scenarios.map((sc, i) => ({
      scenario: sc.name,
      agents: perScenario[i].map((s, a) => ({
        name: names[a],
        utility: meanWithCi(s.utility),
        advantage: meanWithCi(s.advantage),
        agreementRate: rateWithCi(s.agreements, s.utility.length),
      })),
    })),
    pairwise: {
      agents: names,
      utility: pairSum.map((row, a) =>
        row.map((sum, b) => (pairSeats[a][b] === 0 ? null : sum / pairSeats[a][b])),
      ),
      seats: pairSeats,
    },
  };
}

/** NaN (no data) sorts last. */
const orderKey = (x: number): number => (Number.isNaN(x) ? Number.NEGATIVE_INFINITY : x);

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** The leaderboard in the documented `--json` shape (no data → null). */
export function summarizeLeaderboard(board: Leaderboard): LeaderboardSummary {
  return {
    negotiations: board.negotiations,
    failed: board.failed,
    agents: board.agents.map((a) => ({
      name: a.name,
      utility: finite(a.utility.mean),
      utilityCi: a.utility.ci,
      advantage: finite(a.advantage.mean),
      agreementRate: finite(a.agreementRate.mean),
      welfare: finite(a.welfare.mean),
      nashDistance: finite(a.nashDistance.mean),
    })),
  };
}
