import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import cors from "@fastify/cors";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import websocket from "@fastify/websocket";
import Fastify, { type FastifyError, type FastifyInstance } from "fastify";
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import type { AgentList } from "./agent-list.js";
import type { ScenarioCatalog } from "./catalog.js";
import { HttpError } from "./errors.js";
import type { RoomService } from "./rooms/service.js";
import { agentRoutes } from "./routes/agents.js";
import { roomRoutes } from "./routes/rooms.js";
import { scenarioRoutes } from "./routes/scenarios.js";
import { socketRoutes } from "./routes/socket.js";
import { tournamentRoutes } from "./routes/tournaments.js";
import type { TournamentService } from "./tournaments/service.js";

/** Where the built web app is looked for. */
export const WEB_DIST = fileURLToPath(new URL("../../web/dist/", import.meta.url));

export interface Limits {
  /** Requests per minute per token (per address without one) on the routes that change a room. */
  movesPerMinute: number;
  chatPerMinute: number;
  createPerMinute: number;
  /** Tournaments one address may start a minute. */
  tournamentsPerMinute: number;
  /** Messages per second one socket may send. */
  socketMessagesPerSecond: number;
}

export const DEFAULT_LIMITS: Limits = {
  movesPerMinute: 1200,
  chatPerMinute: 60,
  createPerMinute: 120,
  tournamentsPerMinute: 10,
  socketMessagesPerSecond: 50,
};

export interface AppOptions {
  rooms: RoomService;
  catalog: ScenarioCatalog;
  agents: AgentList;
  tournaments: TournamentService;
  limits?: Partial<Limits>;
  /** Origins allowed to call the API from a browser; none by default (CORS closed). */
  corsOrigins?: string[];
  /** The web app's build folder (default packages/web/dist, when it exists). */
  webDist?: string;
}

/** Scenario uploads may be as large as scenario files (50 MB); everything else is small. */
export const SCENARIO_BODY_LIMIT = 50 * 1024 * 1024;
export const SMALL_BODY_LIMIT = 16 * 1024;

/** The Parley server as a Fastify app (not yet listening). */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: false,
    bodyLimit: SMALL_BODY_LIMIT,
    connectionTimeout: 60_000,
    requestTimeout: 60_000,
    keepAliveTimeout: 10_000,
    return503OnClosing: true,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const limits = { ...DEFAULT_LIMITS, ...options.limits };

  app.setErrorHandler((err: FastifyError, _req, reply) => {
    const { status, message } = describeError(err);
    if (status >= 500 && !(err instanceof HttpError))
      process.stderr.write(`parley serve: ${err.stack ?? err}\n`);
    void reply.code(status).type("application/json").send({ error: message });
  });

  await app.register(rateLimit, { global: false, hook: "preHandler" });
  if (options.corsOrigins?.length) await app.register(cors, { origin: options.corsOrigins });
  await app.register(swagger, {
    openapi: {
      info: {
        title: "Parley server",
        description:
          "Live negotiation rooms: people and agents negotiate; each sees only what is theirs. Tournaments of agents. See docs/server.md.",
        version: "1",
      },
      components: { securitySchemes: { token: { type: "http", scheme: "bearer" } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs" });
  await app.register(websocket, { options: { maxPayload: SMALL_BODY_LIMIT } });

  await app.register(scenarioRoutes, { catalog: options.catalog });
  await app.register(roomRoutes, { rooms: options.rooms, limits });
  await app.register(socketRoutes, { rooms: options.rooms, limits });
  await app.register(agentRoutes, { agents: options.agents });
  await app.register(tournamentRoutes, { tournaments: options.tournaments, limits });

  const web = options.webDist ?? WEB_DIST;
  const hasWeb = existsSync(join(web, "index.html"));
  if (hasWeb) await app.register(fastifyStatic, { root: web, wildcard: false });
  app.setNotFoundHandler((req, reply) => {
    if (hasWeb && req.method === "GET" && !req.url.startsWith("/api")) return reply.sendFile("index.html");
    return reply.code(404).send({ error: `no route ${req.method} ${req.url.split("?")[0]}` });
  });
  return app;
}

/** Status and one-line message of any error a route throws: never a stack trace. */
function describeError(err: FastifyError): { status: number; message: string } {
  if (err instanceof HttpError) return { status: err.status, message: err.message };
  if (hasZodFastifySchemaValidationErrors(err)) {
    const first = err.validation[0];
    const where = [err.validationContext ?? "body", ...first.instancePath.split("/").filter(Boolean)]
      .map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : i === 0 ? p : `.${p}`))
      .join("");
    const field = where.replace(/^body\./, "");
    return { status: 400, message: `${field}: ${first.message}` };
  }
  if (err.code === "FST_ERR_CTP_BODY_TOO_LARGE") return { status: 413, message: "body: is too large" };
  if (err.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE")
    return { status: 415, message: "body: send JSON (Content-Type: application/json)" };
  if (err.code === "FST_ERR_CTP_INVALID_JSON_BODY" || err.code === "FST_ERR_CTP_EMPTY_JSON_BODY")
    return { status: 400, message: "body: is not valid JSON" };
  if (err.statusCode === 429) return { status: 429, message: "too many requests: slow down" };
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500)
    return { status: err.statusCode, message: err.message };
  return { status: 500, message: "internal error" };
}
