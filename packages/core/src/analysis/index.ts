export type { BlockedPoint, Blocking, BlockingSet } from "./blocking.js";
export { type OutcomeCloud, outcomeCloud } from "./cloud.js";
export type { CoalitionView, PartyRole, RuleAnalysis } from "./coalitions.js";
export { type AnalysisContext, analysisContext } from "./context.js";
export { ENUMERATION_LIMIT, frontierOf, paretoFrontier } from "./frontier.js";
export type { DraftReview, Improvement } from "./improvements.js";
export type { IssueView } from "./issues.js";
export {
  ANALYSIS_STEPS,
  type AnalysisReport,
  type AnalysisStep,
  analyze,
  type PointJson,
  reportJson,
} from "./report.js";
export { solutionPoints, solutionsOf } from "./solutions.js";
export { type SyntheticSpec, syntheticScenario } from "./synthetic.js";
export type { Trade } from "./trades.js";
export * from "./types.js";
export { type AgreementZone, agreementZone, zoneOf } from "./zone.js";
