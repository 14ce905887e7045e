import {
  type AgreementRule,
  type AnalysisReport,
  analyze,
  type Blocking,
  compileParties,
  deriveStatus,
  type FrontierPoint,
  type NegotiationRecord,
  type NegotiationResult,
  type PlanStatus,
  paretoFrontier,
  runNegotiation,
  type Scenario,
  type ScenarioAnalysis,
  selectParties,
  solutionPoints,
  vetoMask,
  wins,
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
  /** The case under the plan's first other agreement rule, when it states one. */
  variant: VariantStudy | null;
}

/** The case under another agreement rule (e.g. only the signatories can block). */
export interface VariantStudy {
  name: string;
  description?: string;
  rule: AgreementRule;
  /** The draft under this rule: is it still blocked, and on what. */
  draft: AnalysisReport;
  /** The reopened plan (open points and unblocking sets) under this rule. */
  reopened: AnalysisReport;
  /** The whole plan under this rule: how many packages pass, and without whom. */
  whole: AnalysisReport;
  /** The Nash package of the veto holders alone over the whole plan, when they can pass a deal by themselves. */
  vetoNash: FrontierPoint | null;
}

/**
 * Analyses the case as a mediator would: what blocks the draft, what
 * unblocks it, which packages of the reopened plan are fair and efficient,
 * and how a mediated single-text negotiation over it goes.
 */
export function studyCase(inputs: CaseInputs): CaseStudy {
  const { scenario, draft, record, seed } = inputs;
  const status = deriveStatus(record, scenario);
  const { open, blocking } = analyze(scenario, { settled: draft, seed });
  const sets = blocking?.sets ?? [];
  const reopened = [...new Set([...open, ...sets.flatMap((s) => s.reopen)])].sort((a, b) => a - b);
  const settled = draft.map((x, i) => (reopened.includes(i) ? null : x));
  const reopenedPlan = solve(scenario, settled, seed);
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
      settled,
      seed: seed + k,
      analysis: reopenedPlan,
    }),
  );
  const shown = Math.max(
    0,
    runs.findIndex((r) => r.agreement !== null),
  );
  const variant = studyVariant(scenario, draft, settled, seed);
  return { ...inputs, status, open, blocking, reopened, reopenedPlan, wholePlan, runs, shown, variant };
}

/** The draft, the reopened plan and the whole plan under the plan's first rule variant. */
function studyVariant(
  scenario: Scenario,
  draft: (number | null)[],
  reopened: (number | null)[],
  seed: number,
): VariantStudy | null {
  const variant = scenario.ruleVariants?.[0];
  if (!variant) return null;
  const { rule } = variant;
  const under: Scenario = { ...scenario, rule };
  const n = scenario.parties.length;
  let vetoNash: FrontierPoint | null = null;
  if (rule.kind !== "unanimity" && wins(rule, n, vetoMask(rule))) {
    const vetoes = selectParties({ ...scenario, rule: { kind: "unanimity" } }, rule.vetoes);
    const nash = solutionPoints(vetoes, paretoFrontier(vetoes, { seed }), { seed }).nash;
    const utilities = compileParties(scenario);
    vetoNash = nash && { outcome: nash.outcome, utilities: utilities.map((u) => u.utility(nash.outcome)) };
  }
  return {
    name: variant.name,
    description: variant.description,
    rule,
    draft: analyze(under, { settled: draft, seed }),
    reopened: analyze(under, { settled: reopened, seed }),
    whole: analyze(under, { seed }),
    vetoNash,
  };
}

/** Frontier and solution points with the given points settled. */
function solve(scenario: Scenario, settled: (number | null)[], seed: number): ScenarioAnalysis {
  const frontier = paretoFrontier(scenario, { settled, seed });
  return { frontier, solutions: solutionPoints(scenario, frontier, { settled, seed }) };
}

/** Points where `outcome` differs from the draft (open draft points included), as issue indices. */
export function changesFromDraft(
  draft: readonly (number | null)[],
  outcome: FrontierPoint["outcome"],
): number[] {
  return draft.flatMap((x, i) => (x !== outcome[i] ? [i] : []));
}
