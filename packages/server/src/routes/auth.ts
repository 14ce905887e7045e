import type { FastifyRequest } from "fastify";
import { notFound, unauthorized } from "../errors.js";
import type { Room, SeatRecord } from "../rooms/room.js";
import type { RoomService } from "../rooms/service.js";

/** The bearer token of a request (the socket may pass it as ?token= instead: browsers cannot set headers there). */
export function tokenOf(req: FastifyRequest, allowQuery = false): string | undefined {
  const header = req.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  if (match) return match[1];
  if (allowQuery) {
    const token = (req.query as Record<string, unknown> | undefined)?.token;
    if (typeof token === "string" && token.length > 0) return token;
  }
  return undefined;
}

/** The room and the seat the request's token opens: 404 without the room, 401 without a valid token. */
export async function authorize(
  rooms: RoomService,
  id: string,
  req: FastifyRequest,
  allowQuery = false,
): Promise<{ room: Room; seat: SeatRecord }> {
  const token = tokenOf(req, allowQuery);
  const room = await rooms.room(id);
  if (!room) throw notFound();
  const seat = token === undefined ? undefined : room.seatOf(token);
  if (!seat) throw unauthorized();
  return { room, seat };
}

/** Rate-limit key: the token (hashed by the limiter's store as given), else the client address. */
export function limitKey(req: FastifyRequest): string {
  return tokenOf(req, true) ?? req.ip;
}
