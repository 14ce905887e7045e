import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Limits } from "../app.js";
import type { TournamentService } from "../tournaments/service.js";
import { createTournamentSchema } from "../tournaments/spec.js";
import { limitKey, tokenOf } from "./auth.js";

const idParams = z.object({ id: z.string().min(1).max(64) });
const csvParams = idParams.extend({ file: z.enum(["leaderboard.csv", "results.csv"]) });
/** The owner token `POST /api/tournaments` answered. */
const owner = [{ token: [] }];

/** Tournaments of bundled scenarios and this server's agents: start, watch, cancel, download. */
export const tournamentRoutes: FastifyPluginAsyncZod<{
  tournaments: TournamentService;
  limits: Limits;
}> = async (app, { tournaments, limits }) => {
  app.post(
    "/api/tournaments",
    {
      config: { rateLimit: { max: limits.tournamentsPerMinute, timeWindow: 60_000, keyGenerator: limitKey } },
      schema: {
        summary: "Start a tournament: scenarios × agents (each in each role) × reps; queued when others run",
        description:
          "Answers `{id, token}`: the owner token is shown once (the server keeps only its hash) and is " +
          "needed to cancel or delete the tournament. Reading it stays public.",
        tags: ["tournaments"],
        body: createTournamentSchema,
        response: { 201: z.object({ id: z.string(), token: z.string() }) },
      },
    },
    async (req, reply) => reply.code(201).send(tournaments.create(req.body)),
  );

  app.get(
    "/api/tournaments",
    { schema: { summary: "Every tournament of this server, newest first", tags: ["tournaments"] } },
    async () => tournaments.list(),
  );

  app.get(
    "/api/tournaments/:id",
    {
      schema: {
        summary: "A tournament's state, counts and leaderboard (partial while it runs)",
        tags: ["tournaments"],
        params: idParams,
      },
    },
    async (req) => tournaments.view(req.params.id),
  );

  app.post(
    "/api/tournaments/:id/cancel",
    {
      schema: {
        summary:
          "Stop a queued or running tournament; what it stored stays (owner token: 401 without, 403 wrong)",
        tags: ["tournaments"],
        params: idParams,
        security: owner,
      },
    },
    async (req) => tournaments.cancel(tournaments.owned(req.params.id, tokenOf(req))),
  );

  app.delete(
    "/api/tournaments/:id",
    {
      schema: {
        summary:
          "Stop a tournament if it runs and delete it with its results (owner token: 401 without, 403 wrong)",
        tags: ["tournaments"],
        params: idParams,
        security: owner,
      },
    },
    async (req, reply) => {
      await tournaments.remove(tournaments.owned(req.params.id, tokenOf(req)));
      return reply.code(204).send();
    },
  );

  app.get(
    "/api/tournaments/:id/plot",
    {
      schema: {
        summary: "The leaderboard and utility-distribution charts as one Vega-Lite spec",
        tags: ["tournaments"],
        params: idParams,
      },
    },
    async (req) => tournaments.plot(req.params.id),
  );

  app.get(
    "/api/tournaments/:id/:file",
    {
      schema: {
        summary: "The leaderboard or every negotiation's result as CSV (as `parley tournament` exports them)",
        tags: ["tournaments"],
        params: csvParams,
      },
    },
    async (req, reply) => {
      const { id, file } = req.params;
      const text = tournaments.csv(id, file === "leaderboard.csv" ? "leaderboard" : "results");
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="tournament-${id}-${file}"`)
        .send(text);
    },
  );
};
