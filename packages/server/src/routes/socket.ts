import type { WebSocket } from "@fastify/websocket";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Limits } from "../app.js";
import { HttpError } from "../errors.js";
import type { Room, SeatRecord, VisibleEntry } from "../rooms/room.js";
import type { RoomService } from "../rooms/service.js";
import { chatSchema, moveSchema } from "../rooms/spec.js";
import { authorize } from "./auth.js";

const params = z.object({ id: z.string().min(1).max(64) });
const query = z.object({
  token: z.string().max(256).optional(),
  since: z.coerce.number().int().min(0).optional(),
});

/** A message a client sends on the socket: a move or a chat message, each with its client id. */
const clientMessage = z.union([
  z.object({ move: moveSchema }).strict(),
  z.object({ chat: chatSchema }).strict(),
]);

/** A socket whose unsent data grows past this is too slow to follow the room: it is closed. */
const MAX_BUFFERED = 4 * 1024 * 1024;
const PING_MS = 30_000;

declare module "fastify" {
  interface FastifyRequest {
    parleySeat?: { room: Room; seat: SeatRecord };
  }
}

/**
 * `GET /api/rooms/:id/ws?token=…[&since=N]`: the viewer's state on connect (after what it missed
 * since `since`, in order), then every entry it may see as it is stored. Moves and chat can be sent
 * on it with the same semantics as over HTTP.
 */
export const socketRoutes: FastifyPluginAsyncZod<{ rooms: RoomService; limits: Limits }> = async (
  app,
  { rooms, limits },
) => {
  // @fastify/websocket hides its routes from the OpenAPI document; this one is part of the API.
  app.addHook("onRoute", (route) => {
    if (route.websocket && route.schema) route.schema.hide = false;
  });
  app.get(
    "/api/rooms/:id/ws",
    {
      websocket: true,
      schema: {
        summary: "The room's live feed: a WebSocket (upgrade this GET); the messages are in docs/server.md",
        tags: ["rooms"],
        params,
        querystring: query,
      },
      preValidation: async (req) => {
        const { id } = req.params as { id: string };
        req.parleySeat = await authorize(rooms, id, req, true);
      },
    },
    (socket, req) => {
      const { room, seat } = req.parleySeat!;
      const viewer = room.viewerOf(seat);
      const since = (req.query as { since?: number }).since;
      const send = (message: unknown) => {
        if (socket.readyState !== socket.OPEN) return;
        if (socket.bufferedAmount > MAX_BUFFERED) {
          socket.close(1013, "too slow: reconnect with since");
          return;
        }
        socket.send(JSON.stringify(message));
      };
      const event = (r: Room, entry: VisibleEntry) =>
        send({
          type: "event",
          ...entry,
          state: r.state(),
          turn: r.publicTurn(),
          expected: r.expectedOf(viewer),
          outcome: r.ended ? r.view(viewer).outcome : null,
        });
      let unsubscribe = () => {};
      void rooms.join(room, seat);
      rooms
        .inOrder(room, (live) => {
          if (socket.readyState !== socket.OPEN) return;
          if (since !== undefined)
            for (const entry of live.entries) {
              if (entry.seq <= since) continue;
              const visible = live.visibleEntry(entry, viewer);
              if (visible) event(live, visible);
            }
          unsubscribe = rooms.subscribe(live, {
            viewer,
            push: event,
            presence: (connected) => send({ type: "presence", connected }),
          });
          send({ type: "state", room: { ...live.view(viewer), connected: rooms.connected(live) } });
        })
        .catch(() => socket.close(1011, "the room could not be read: reconnect with since"));

      let alive = true;
      const ping = setInterval(() => {
        if (!alive) return socket.terminate();
        alive = false;
        socket.ping();
      }, PING_MS);
      socket.on("pong", () => {
        alive = true;
      });
      socket.on("close", () => {
        clearInterval(ping);
        unsubscribe();
      });

      let windowStart = Date.now();
      let count = 0;
      socket.on("message", (data: Buffer) => {
        const now = Date.now();
        if (now - windowStart >= 1000) {
          windowStart = now;
          count = 0;
        }
        if (++count > limits.socketMessagesPerSecond)
          return send({ type: "error", status: 429, error: "too many messages: slow down" });
        void handle(socket, room, seat, data.toString("utf8"), send);
      });
    },
  );

  async function handle(
    _socket: WebSocket,
    room: Room,
    seat: SeatRecord,
    text: string,
    send: (m: unknown) => void,
  ) {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return send({ type: "error", status: 400, error: "message: is not valid JSON" });
    }
    const parsed = clientMessage.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const path = issue.path
        .map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`))
        .join("")
        .replace(/^\./, "");
      return send({ type: "error", status: 400, error: `${path || "message"}: ${issue.message}` });
    }
    const message = parsed.data;
    const id = "move" in message ? message.move.id : message.chat.id;
    try {
      const { seq } =
        "move" in message
          ? await rooms.move(room, seat, message.move)
          : await rooms.chat(room, seat, message.chat);
      send({ type: "ack", id, seq });
    } catch (err) {
      const status = err instanceof HttpError ? err.status : 500;
      send({ type: "error", id, status, error: err instanceof HttpError ? err.message : "internal error" });
    }
  }
};
