/**
 * The engine without the file formats, schemas, records or plots: model, analysis,
 * negotiation and tournament scoring. Worker threads import this entry (`@parley/core/engine`)
 * because it loads in a tenth of the time of the whole core (no zod, YAML or XML parser).
 */
export * from "./analysis/index.js";
export * from "./errors.js";
export * from "./model/agreement-rule.js";
export * from "./model/hash.js";
export * from "./model/plain-scenario.js";
export * from "./model/profile.js";
export * from "./model/rng.js";
export * from "./model/scenario.js";
export * from "./model/seed.js";
export * from "./model/space.js";
export * from "./model/utility.js";
export * from "./negotiation/index.js";
export * from "./tournament/index.js";
