export { type AnalysisContext, analysisContext } from "./context.js";
export { frontierOf, paretoFrontier } from "./frontier.js";
export { solutionPoints, solutionsOf } from "./solutions.js";
export { type SyntheticSpec, syntheticScenario } from "./synthetic.js";
export * from "./types.js";
export { type AgreementZone, agreementZone, zoneOf } from "./zone.js";
