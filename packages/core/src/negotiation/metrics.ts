import { paretoFrontier } from "../analysis/frontier.js";
import { solutionPoints } from "../analysis/solutions.js";
import type { Frontier, FrontierPoint, SolutionPoints } from "../analysis/types.js";
import type { Scenario } from "../model/scenario.js";
import type { Outcome } from "../model/space.js";
import type { UtilityFunction } from "../model/utility.js";

/** What metrics need from the analysis engine; a tournament computes it once per scenario. */
export interface ScenarioAnalysis {
  frontier: Frontier;
  solutions: SolutionPoints;
}

/** The Pareto frontier and solution points a negotiation's metrics are measured against. */
export function referenceAnalysis(scenario: Scenario): ScenarioAnalysis {
  const frontier = paretoFrontier(scenario);
  return { frontier, solutions: solutionPoints(scenario, frontier) };
}

/**
 * How one negotiation went. Utilities are discounted to the time of
 * agreement (GENIUS: U·dᵗ); without agreement each party gets its
 * reservation value discounted to the end. Advantage = utility − reservation
 * value discounted to the same time. Distances are Euclidean in the
 * undiscounted utility space (where the frontier lives), from the agreement,
 * or from the no-deal point (the reservation values) when there is none.
 */
export interface NegotiationMetrics {
  agreement: boolean;
  rounds: number;
  t: number;
  utilities: number[];
  advantages: number[];
  welfare: number;
  paretoDistance: number | null;
  nashDistance: number | null;
  ksDistance: number | null;
  /** Under a quorum or weighted rule, with an agreement: the seats whose yes passed it. */
  coalition?: number[];
}

export function negotiationMetrics(
  utilities: readonly UtilityFunction[],
  ending: { agreement: Outcome | null; rounds: number; t: number; coalition?: number[] },
  analysis: ScenarioAnalysis,
): NegotiationMetrics {
  const { agreement, t } = ending;
  const raw = utilities.map((u) => (agreement ? u.utility(agreement) : u.profile.reservation));
  const got = utilities.map((u, i) => (agreement ? u.discounted(raw[i], t) : u.reservationAt(t)));
  const point = (p: FrontierPoint | null) => (p ? distance(raw, p.utilities) : null);
  const frontier = analysis.frontier.points;
  return {
    agreement: agreement !== null,
    rounds: ending.rounds,
    t,
    utilities: got,
    advantages: got.map((u, i) => u - utilities[i].reservationAt(t)),
    welfare: got.reduce((a, b) => a + b, 0),
    paretoDistance: frontier.length ? nearest(raw, frontier) : null,
    nashDistance: point(analysis.solutions.nash),
    ksDistance: point(analysis.solutions.kalaiSmorodinsky),
    ...(ending.coalition ? { coalition: ending.coalition } : {}),
  };
}

function distance(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] - b[i]) ** 2;
  return Math.sqrt(s);
}

function nearest(u: readonly number[], points: readonly FrontierPoint[]): number {
  let best = Number.POSITIVE_INFINITY;
  for (const p of points) best = Math.min(best, distance(u, p.utilities));
  return best;
}
