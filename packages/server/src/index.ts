export { buildApp, DEFAULT_LIMITS, type Limits } from "./app.js";
export { ScenarioCatalog, type ScenarioSummary } from "./catalog.js";
export { openStore, type Store, storeKind } from "./db/connect.js";
export { createServer, type ParleyServer, type ServerOptions, tournamentsDirFor } from "./server.js";
export {
  DEFAULT_TOURNAMENT_LIMITS,
  type TournamentLimits,
  type TournamentView,
} from "./tournaments/service.js";
