import {
  analyze,
  type Blocking,
  deriveStatus,
  type FrontierPoint,
  type NegotiationRecord,
  type NegotiationResult,
  type PlanStatus,
  paretoFrontier,
  runNegotiation,
  type Scenario,
  type ScenarioAnalysis,
  solutionPoints,
} from "@parley/core";

/** The built-in pieces the walkthrough's negotiation uses (truthful voters under a single-text mediator). */
export const CASE_AGENT = "boulware";
export const CASE_MEDIATOR = "frontier";
/** How many mediated negotiations are run (seeds seed, seed+1, …): one run alone says little. */
export const CASE_RUNS = 20;

export interface CaseInputs {
  scenario: Scenario;
  /** The draft: settled option per point, null where open. */
  draft: (number | null)[];
  record: NegotiationRecord;
  seed: number;
}

/** Everything the walkthrough shows, computed once. */
export interface CaseStudy extends CaseInputs {
  status: PlanStatus;
  /** The points the draft leaves open. */
  open: number[];
  /** What blocks the draft and what unblocks it; null when the draft leaves room for a deal. */
  blocking: Blocking | null;
  /** The open points plus every point of every unblocking set: what the mediator reopens. */
  reopened: number[];
  /** Frontier and solution points of the plan with those points open and the rest as drafted. */
  reopenedPlan: ScenarioAnalysis;
  /** Frontier and solution points of the whole plan, every point open. */
  wholePlan: ScenarioAnalysis;
  /** The mediated negotiations over the reopened plan, in seed order. */
  runs: NegotiationResult[];
  /** The run shown in detail: the first that reached agreement, else the first. */
  shown: number;
}

/**
 * Analyses the case as a mediator would: what blocks the draft, what
 * unblocks it, which packages of the reopened plan are fair and efficient,
 * and how a mediated single-text negotiation over it goes.
 */
export function studyCase(inputs: CaseInputs): CaseStudy {
  const { scenario, draft, record, seed } = inputs;
  const status = deriveStatus(record, scenario);
  const { open, blocking } = analyze(scenario, { fixed: draft, seed });
  const sets = blocking?.sets ?? [];
  const reopened = [...new Set([...open, ...sets.flatMap((s) => s.reopen)])].sort((a, b) => a - b);
  const fixed = draft.map((x, i) => (reopened.includes(i) ? null : x));
  const reopenedPlan = solve(scenario, fixed, seed);
  const wholePlan = solve(
    scenario,
    draft.map(() => null),
    seed,
  );
  const runs = Array.from({ length: CASE_RUNS }, (_, k) =>
    runNegotiation(scenario, {
      protocol: "mediated",
      agents: scenario.parties.map(() => CASE_AGENT),
      mediator: CASE_MEDIATOR,
      settled: fixed,
      seed: seed + k,
      analysis: reopenedPlan,
    }),
  );
  const shown = Math.max(
    0,
    runs.findIndex((r) => r.agreement !== null),
  );
  return { ...inputs, status, open, blocking, reopened, reopenedPlan, wholePlan, runs, shown };
}

/** Frontier and solution points with the given points settled. */
function solve(scenario: Scenario, fixed: (number | null)[], seed: number): ScenarioAnalysis {
  const frontier = paretoFrontier(scenario, { fixed, seed });
  return { frontier, solutions: solutionPoints(scenario, frontier, { fixed, seed }) };
}

/** Points where `outcome` differs from the draft (open draft points included), as issue indices. */
export function changesFromDraft(
  draft: readonly (number | null)[],
  outcome: FrontierPoint["outcome"],
): number[] {
  return draft.flatMap((x, i) => (x !== outcome[i] ? [i] : []));
}
