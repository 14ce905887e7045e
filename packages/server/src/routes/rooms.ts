import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { type Limits, SCENARIO_BODY_LIMIT } from "../app.js";
import { forbidden } from "../errors.js";
import { roomAnalysis } from "../rooms/analysis.js";
import { exportRecord } from "../rooms/export.js";
import type { RoomService } from "../rooms/service.js";
import { chatSchema, createRoomSchema, moveSchema, suggestionsSchema } from "../rooms/spec.js";
import { suggestionsFor } from "../rooms/suggestions.js";
import { authorize, limitKey } from "./auth.js";

const idParams = z.object({ id: z.string().min(1).max(64) });
const secured = [{ token: [] }];

/** Creating rooms and everything a token does in one. */
export const roomRoutes: FastifyPluginAsyncZod<{ rooms: RoomService; limits: Limits }> = async (
  app,
  { rooms, limits },
) => {
  const perMinute = (max: number) => ({ rateLimit: { max, timeWindow: 60_000, keyGenerator: limitKey } });

  app.post(
    "/api/rooms",
    {
      bodyLimit: SCENARIO_BODY_LIMIT,
      config: perMinute(limits.createPerMinute),
      schema: { summary: "Create a room; answers every token once", tags: ["rooms"], body: createRoomSchema },
    },
    async (req, reply) => reply.code(201).send(await rooms.create(req.body)),
  );

  app.get(
    "/api/rooms/:id",
    {
      schema: {
        summary: "What this token may see of the room",
        description:
          "A person's seat opening the room is stored once as a `join` entry of the history (pushed to every socket). " +
          "`connected` counts each person seat's open sockets on this server (the socket pushes it as `presence`). " +
          "Entry kinds: move, chat, deadline, fault, join.",
        tags: ["rooms"],
        params: idParams,
        security: secured,
      },
    },
    async (req) => {
      const { room, seat } = await authorize(rooms, req.params.id, req);
      await rooms.join(room, seat);
      return { ...room.view(room.viewerOf(seat)), connected: rooms.connected(room) };
    },
  );

  app.post(
    "/api/rooms/:id/moves",
    {
      config: perMinute(limits.movesPerMinute),
      schema: {
        summary: "A move; 200 once stored, 409 if it breaks the protocol",
        tags: ["rooms"],
        params: idParams,
        body: moveSchema,
        security: secured,
      },
    },
    async (req) => {
      const { room, seat } = await authorize(rooms, req.params.id, req);
      return rooms.move(room, seat, req.body);
    },
  );

  app.post(
    "/api/rooms/:id/chat",
    {
      config: perMinute(limits.chatPerMinute),
      schema: {
        summary: "A chat message, to everyone or a caucus",
        tags: ["rooms"],
        params: idParams,
        body: chatSchema,
        security: secured,
      },
    },
    async (req) => {
      const { room, seat } = await authorize(rooms, req.params.id, req);
      return rooms.chat(room, seat, req.body);
    },
  );

  app.post(
    "/api/rooms/:id/suggestions",
    {
      config: perMinute(limits.chatPerMinute),
      schema: {
        summary: "Confidential suggestions: packages improving on the standing offer or draft for everyone",
        tags: ["rooms"],
        params: idParams,
        body: suggestionsSchema.optional(),
        security: secured,
      },
    },
    async (req) => {
      const { room, seat } = await authorize(rooms, req.params.id, req);
      if (seat.role === "host") throw forbidden("suggestions are for a party or the mediator");
      return suggestionsFor(room, room.viewerOf(seat), req.body?.count ?? 5);
    },
  );

  app.get(
    "/api/rooms/:id/analysis",
    {
      schema: {
        summary: "Host: the live analysis of the room",
        tags: ["rooms"],
        params: idParams,
        security: secured,
      },
    },
    async (req) => {
      const { room, seat } = await authorize(rooms, req.params.id, req);
      if (seat.role !== "host") throw forbidden("only the host sees the analysis");
      return roomAnalysis(room);
    },
  );

  app.get(
    "/api/rooms/:id/export",
    {
      schema: {
        summary: "Host: the finished room as a Parley record",
        tags: ["rooms"],
        params: idParams,
        security: secured,
      },
    },
    async (req) => {
      const { room, seat } = await authorize(rooms, req.params.id, req);
      if (seat.role !== "host") throw forbidden("only the host exports the room");
      return exportRecord(room);
    },
  );
};
