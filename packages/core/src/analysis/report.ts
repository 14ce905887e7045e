import { type AgreementRule, ruleSummary } from "../model/agreement-rule.js";
import type { Scenario } from "../model/scenario.js";
import type { OutcomeValues } from "../model/space.js";
import { type Blocking, blockingOf } from "./blocking.js";
import { type RuleAnalysis, ruleAnalysisOf } from "./coalitions.js";
import { analysisContext, reservations } from "./context.js";
import { frontierOf } from "./frontier.js";
import { type DraftReview, reviewDraft } from "./improvements.js";
import { type IssueView, issueViews } from "./issues.js";
import { solutionsOf } from "./solutions.js";
import { type Trade, tradesFrom } from "./trades.js";
import type { AnalysisOptions, Frontier, FrontierPoint, SolutionPoints } from "./types.js";
import { type AgreementZone, zoneOf } from "./zone.js";

/** Everything `parley analyze` reports, with dense outcomes (see reportJson for people's values). */
export interface AnalysisReport {
  scenario: Scenario;
  reservation: number[];
  frontier: Frontier;
  solutions: SolutionPoints;
  zone: AgreementZone;
  /** Settled option per issue (null: open). */
  settled: (number | null)[];
  /** Points not settled. */
  open: number[];
  /** Present when the zone is empty. */
  blocking: Blocking | null;
  issues: IssueView[];
  /** Present when a draft was given. */
  draft: DraftReview | null;
  /** Against the draft, or else the plan with every open point at its fairest option. */
  trades: Trade[];
  /** The agreement rule applied. */
  rule: AgreementRule;
  /** Who can pass a deal under the rule, and who is dispensable. */
  coalitions: RuleAnalysis;
}

/** The steps of `analyze`, in the order it runs them (blocking only when the zone is empty, draft only with one). */
export const ANALYSIS_STEPS = [
  "frontier",
  "zone",
  "points",
  "solutions",
  "blocking",
  "draft",
  "trades",
  "coalitions",
] as const;
export type AnalysisStep = (typeof ANALYSIS_STEPS)[number];

export function analyze(
  scenario: Scenario,
  options: AnalysisOptions & {
    draft?: readonly number[];
    /**
     * Told as each step starts (`within` 0) and, for the frontier, the fraction of it done as it
     * goes: lets a caller show progress (the web app's worker does).
     */
    onStep?: (step: AnalysisStep, within: number) => void;
  } = {},
): AnalysisReport {
  const onStep = options.onStep;
  const step = (name: AnalysisStep) => onStep?.(name, 0);
  const context = analysisContext(scenario, options);
  step("frontier");
  const frontier = frontierOf(context, onStep && ((f) => onStep("frontier", f)));
  step("zone");
  const zone = zoneOf(context, frontier);
  step("points");
  const issues = issueViews(context);
  const settled = options.settled ?? [];
  const isSettled = (i: number) => settled[i] !== undefined && settled[i] !== null;
  const baseline =
    options.draft ?? issues.map((v, i) => (isSettled(i) ? (settled[i] as number) : v.fairestOption));
  step("solutions");
  const solutions = solutionsOf(context, frontier);
  let blocking: Blocking | null = null;
  if (zone.empty) {
    step("blocking");
    blocking = blockingOf(context, frontier);
  }
  let draft: DraftReview | null = null;
  if (options.draft) {
    step("draft");
    draft = reviewDraft(context, frontier, options.draft);
  }
  step("trades");
  const trades = tradesFrom(context, baseline);
  step("coalitions");
  return {
    scenario,
    reservation: reservations(context),
    frontier,
    solutions,
    zone,
    settled: scenario.space.issues.map((_, i) => (isSettled(i) ? (settled[i] as number) : null)),
    open: scenario.space.issues.map((_, i) => i).filter((i) => !isSettled(i)),
    blocking,
    issues,
    draft,
    trades,
    rule: context.rule,
    coalitions: ruleAnalysisOf(context, zone),
  };
}

export interface PointJson {
  utilities: number[];
  outcome: OutcomeValues;
}

/** The report as JSON data: outcomes as {issue: value}, big counts as decimal strings, points by name. */
export function reportJson(report: AnalysisReport): Record<string, unknown> {
  const { space, parties } = report.scenario;
  const issueName = (i: number) => space.issues[i].name;
  const point = (p: FrontierPoint | null): PointJson | null =>
    p && { utilities: p.utilities, outcome: space.toValues(p.outcome) };
  const values = (changes: { issue: number; option: number }[]) =>
    Object.fromEntries(changes.map((c) => [issueName(c.issue), space.valueOf(c.issue, c.option)]));
  const { frontier, solutions, zone, blocking, draft, coalitions } = report;
  const names = parties.map((p) => p.name);
  return {
    parties: names,
    rule: ruleSummary(report.rule, names),
    reservation: report.reservation,
    outcomes: space.size.toString(),
    frontier: {
      exact: frontier.exact,
      ...(frontier.epsilon !== undefined ? { epsilon: frontier.epsilon } : {}),
      points: frontier.points.map(point),
    },
    nash: point(solutions.nash),
    kalaiSmorodinsky: point(solutions.kalaiSmorodinsky),
    egalitarian: point(solutions.egalitarian),
    maxWelfare: point(solutions.maxWelfare),
    ...(solutions.reasons ? { reasons: solutions.reasons } : {}),
    solutionCoalition: (solutions.coalition ?? names.map((_, p) => p)).map((p) => names[p]),
    zone: { empty: zone.empty, size: zone.size.toString(), exact: zone.exact },
    coalitions: {
      exact: coalitions.exact,
      everyone: coalitions.everyone.toString(),
      winning: coalitions.coalitions.map((c) => ({
        parties: c.members.map((p) => names[p]),
        packages: c.packages.toString(),
      })),
      parties: coalitions.parties.map((r, p) => ({
        party: names[p],
        notNeeded: r.notNeeded.toString(),
        overruled: r.overruled.toString(),
      })),
    },
    open: report.open.map(issueName),
    blocking: (blocking?.sets ?? []).map((s) => ({ reopen: s.reopen.map(issueName), nash: point(s.nash) })),
    ...(blocking
      ? {
          blockedOn: blocking.blockedOn.map((b) => issueName(b.issue)),
          closest: { ...point(blocking.closest), gaps: blocking.closest.gaps },
          ...(blocking.note ? { blockingNote: blocking.note } : {}),
          ...(blocking.exact ? {} : { blockingExact: false }),
        }
      : {}),
    issues: report.issues.map((v) => ({
      name: issueName(v.issue),
      weights: v.weights,
      conflict: v.conflict,
      bestOption: v.bestOption.map((k) => space.valueOf(v.issue, k)),
      fairestOption: space.valueOf(v.issue, v.fairestOption),
      settled: v.settled,
    })),
    ...(draft
      ? {
          draft: {
            utilities: draft.utilities,
            dominatedBy: draft.dominatedBy && { ...point(draft.dominatedBy), gains: draft.dominatedBy.gains },
          },
          improvements: draft.improvements.map((m) => ({
            changes: values(m.changes),
            utilities: m.utilities,
            gains: m.gains,
          })),
        }
      : {}),
    trades: report.trades.map((t) => ({
      parties: t.parties.map((p) => parties[p].name),
      changes: values([
        { issue: t.issues[0], option: t.options[0] },
        { issue: t.issues[1], option: t.options[1] },
      ]),
      favours: {
        [issueName(t.issues[0])]: parties[t.parties[0]].name,
        [issueName(t.issues[1])]: parties[t.parties[1]].name,
      },
      gains: t.gains,
    })),
  };
}
