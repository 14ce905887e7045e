import { basename, dirname, extname, join, resolve } from "node:path";
import { InputError } from "@parley/core";
import type { FastifyInstance } from "fastify";
import { AgentList } from "./agent-list.js";
import { type AppOptions, buildApp, type Limits } from "./app.js";
import { ScenarioCatalog } from "./catalog.js";
import { openStore, type Store, storeKind } from "./db/connect.js";
import { migrate } from "./db/migrations.js";
import { type AgentRunner, IsolatedAgents } from "./rooms/agents.js";
import { Cluster } from "./rooms/cluster.js";
import { RoomService } from "./rooms/service.js";
import { type TournamentLimits, TournamentService } from "./tournaments/service.js";

export interface ServerOptions {
  /** An SQLite file or a postgres:// URL. */
  db: string;
  /** Operator's agent modules, name → path. */
  agentModules?: Record<string, string>;
  agentBudgetMs?: number;
  limits?: Partial<Limits>;
  corsOrigins?: string[];
  webDist?: string;
  scenariosDir?: string;
  /** The agent runner (default: worker threads). */
  agents?: AgentRunner;
  /** Where tournaments keep their stores and exports (default: beside the SQLite file; see tournamentsDirFor). */
  tournamentsDir?: string;
  tournaments?: Partial<TournamentLimits>;
  /** redis://HOST:PORT: serve the rooms together with the other servers on this PostgreSQL store and Redis. */
  redis?: string;
  /** With `redis`: the Redis channel's prefix (default "parley"), alike on every server of one deployment. */
  redisPrefix?: string;
  /** With `redis`: how long a room's lease lasts unrenewed, ms (default 8,000). */
  leaseMs?: number;
  /** How long an unused ended room (or another server's room) stays in memory, ms (default 60,000). */
  idleRoomMs?: number;
  /** The wall clock rooms stamp moves and deadlines with, ms since the epoch (default Date.now). */
  clock?: () => number;
}

/**
 * The tournaments folder of a store: `<file name>-tournaments` beside an SQLite file (`parley.db` →
 * `parley-tournaments`); with PostgreSQL, `parley-tournaments` in the working directory (tournament
 * stores are local files either way).
 */
export function tournamentsDirFor(db: string): string {
  if (storeKind(db) === "postgres") return resolve("parley-tournaments");
  const file = resolve(db);
  return join(dirname(file), `${basename(file, extname(file))}-tournaments`);
}

export interface ParleyServer {
  app: FastifyInstance;
  rooms: RoomService;
  tournaments: TournamentService;
  store: Store;
  /** Stops listening, lets queued work finish, stops agents, closes the store. */
  close(): Promise<void>;
}

/** Opens the store (migrating it), rebuilds every open room from its log, and builds the app. */
export async function createServer(options: ServerOptions): Promise<ParleyServer> {
  if (options.redis !== undefined && storeKind(options.db) !== "postgres")
    throw new InputError(
      "--redis",
      "several servers share rooms through PostgreSQL: give --db postgres://… (an SQLite file belongs to one machine)",
    );
  const store = openStore(options.db);
  let cluster: Cluster | undefined;
  try {
    await migrate(store.db as never);
    if (options.redis !== undefined)
      cluster = await Cluster.open(store.db, {
        redis: options.redis,
        prefix: options.redisPrefix,
        leaseMs: options.leaseMs,
      });
  } catch (err) {
    await store.db.destroy();
    throw err;
  }
  const catalog = new ScenarioCatalog(options.scenariosDir);
  const agents =
    options.agents ??
    new IsolatedAgents({ modules: options.agentModules, moveBudgetMs: options.agentBudgetMs });
  const rooms = new RoomService(store.db, catalog, agents, options.clock ?? Date.now, {
    cluster,
    idleRoomMs: options.idleRoomMs,
  });
  await rooms.resume();
  const agentList = new AgentList(options.agentModules);
  const tournaments = new TournamentService(
    options.tournamentsDir ?? tournamentsDirFor(options.db),
    catalog,
    agentList,
    options.tournaments,
  );
  tournaments.resume();
  const appOptions: AppOptions = {
    rooms,
    catalog,
    agents: agentList,
    tournaments,
    limits: options.limits,
    corsOrigins: options.corsOrigins,
    webDist: options.webDist,
  };
  const app = await buildApp(appOptions);
  void catalog.warm();
  return {
    app,
    rooms,
    tournaments,
    store,
    async close() {
      await app.close();
      await tournaments.close();
      await rooms.close();
      await cluster?.close();
      await agents.close();
      await store.db.destroy();
    },
  };
}
