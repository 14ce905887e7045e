/**
 * The built-in negotiators and mediators and the default deadlines, without the rest of the engine:
 * `@parley/core/catalog` loads in a few milliseconds, for listings. (`@parley/core/defaults` has
 * only the deadlines, for help text.)
 */
export { BUILTIN_AGENTS, builtinAgent } from "./negotiation/agents.js";
export { DEFAULT_ROUNDS, MEDIATED_ROUNDS_PER_OPTION } from "./negotiation/defaults.js";
export { MEDIATORS } from "./negotiation/mediators.js";
