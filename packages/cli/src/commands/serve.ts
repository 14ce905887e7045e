import { resolve } from "node:path";
import { BUILTIN_AGENTS } from "@parley/core/catalog";
import { InputError } from "@parley/core/errors";

export interface ServeOptions {
  port: number;
  host: string;
  db?: string;
  agent?: string[];
  agentBudgetMs: number;
  cors?: string[];
  roomsPerMinute: number;
  tournamentsDir?: string;
  tournamentWorkers?: number;
  tournamentsAtOnce: number;
  tournamentMax: number;
  redis?: string;
  redisPrefix: string;
  leaseMs: number;
}

/**
 * Runs the Parley server until SIGINT/SIGTERM: the store is the SQLite file or PostgreSQL URL given
 * (or DATABASE_URL, else parley.db here); prints one line once it listens.
 */
export async function serve(opts: ServeOptions): Promise<void> {
  const [{ createServer }, { describeAgents }] = await Promise.all([
    import("@parley/server"),
    import("@parley/node"),
  ]);
  // Operator modules are loaded and checked in a worker, never in the server's thread.
  const paths = (opts.agent ?? []).map((p) => resolve(p));
  const described = await describeAgents(paths.map((module) => ({ module })));
  const agentModules: Record<string, string> = {};
  described.forEach(({ name }, i) => {
    if (agentModules[name] || BUILTIN_AGENTS.some((a) => a.name === name))
      throw new InputError(opts.agent![i], `agent name "${name}" is already taken`);
    agentModules[name] = paths[i];
  });
  const db = opts.db ?? process.env.DATABASE_URL ?? "parley.db";
  const server = await createServer({
    db,
    agentModules,
    agentBudgetMs: opts.agentBudgetMs,
    corsOrigins: opts.cors,
    limits: { createPerMinute: opts.roomsPerMinute },
    tournamentsDir: opts.tournamentsDir,
    tournaments: {
      ...(opts.tournamentWorkers ? { workers: opts.tournamentWorkers } : {}),
      atOnce: opts.tournamentsAtOnce,
      maxNegotiations: opts.tournamentMax,
    },
    redis: opts.redis,
    redisPrefix: opts.redisPrefix,
    leaseMs: opts.leaseMs,
  });
  try {
    await server.app.listen({ port: opts.port, host: opts.host });
  } catch (err) {
    await server.close();
    throw new InputError(
      `--port ${opts.port}`,
      `cannot listen on ${opts.host}:${opts.port} (${(err as Error).message})`,
    );
  }
  const address = server.app.server.address();
  const port = typeof address === "object" && address ? address.port : opts.port;
  const host = opts.host.includes(":") ? `[${opts.host}]` : opts.host;
  process.stdout.write(`Listening on http://${host}:${port}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await server.close();
}
