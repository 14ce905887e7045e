import type { FastifyInstance } from "fastify";
import { type AppOptions, buildApp, type Limits } from "./app.js";
import { ScenarioCatalog } from "./catalog.js";
import { openStore, type Store } from "./db/connect.js";
import { migrate } from "./db/migrations.js";
import { type AgentRunner, IsolatedAgents } from "./rooms/agents.js";
import { RoomService } from "./rooms/service.js";

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
}

export interface ParleyServer {
  app: FastifyInstance;
  rooms: RoomService;
  store: Store;
  /** Stops listening, lets queued work finish, stops agents, closes the store. */
  close(): Promise<void>;
}

/** Opens the store (migrating it), rebuilds every open room from its log, and builds the app. */
export async function createServer(options: ServerOptions): Promise<ParleyServer> {
  const store = openStore(options.db);
  try {
    await migrate(store.db as never);
  } catch (err) {
    await store.db.destroy();
    throw err;
  }
  const catalog = new ScenarioCatalog(options.scenariosDir);
  const agents =
    options.agents ??
    new IsolatedAgents({ modules: options.agentModules, moveBudgetMs: options.agentBudgetMs });
  const rooms = new RoomService(store.db, catalog, agents);
  await rooms.resume();
  const appOptions: AppOptions = {
    rooms,
    catalog,
    limits: options.limits,
    corsOrigins: options.corsOrigins,
    webDist: options.webDist,
  };
  const app = await buildApp(appOptions);
  void catalog.warm();
  return {
    app,
    rooms,
    store,
    async close() {
      await app.close();
      await rooms.close();
      await agents.close();
      await store.db.destroy();
    },
  };
}
