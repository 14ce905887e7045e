import { api } from "../api";
import type { RoomView, Values } from "./types";

export interface RoomRequest {
  scenario: unknown;
  protocol: "saop" | "mediated";
  deadline: { rounds?: number; timeMs?: number };
  seats: { party: number; agent?: string }[];
  mediator?: { agent: string } | { person: true };
}

export interface CreatedRoom {
  id: string;
  hostToken: string;
  seats: { party: number; token: string; url: string }[];
  mediator?: { token: string; url: string };
}

export const createRoom = async (body: RoomRequest) => {
  const room = await api<CreatedRoom>("/api/rooms", { method: "POST", body: JSON.stringify(body) });
  // Tokens are shown once: the host keeps the invitations in this tab.
  sessionStorage.setItem(`parley.room.${room.id}`, JSON.stringify(room));
  return room;
};

export const createdRoom = (id: string): CreatedRoom | null => {
  const text = sessionStorage.getItem(`parley.room.${id}`);
  return text ? (JSON.parse(text) as CreatedRoom) : null;
};

export const hostUrl = (room: CreatedRoom) => `/rooms/${room.id}#token=${room.hostToken}`;

export const fetchRoom = (id: string, token: string) =>
  api<RoomView>(`/api/rooms/${encodeURIComponent(id)}`, { token });

export interface MoveBody {
  type: string;
  outcome?: Values;
  vote?: "better" | "worse" | "same";
  /** lock, unlock: the point's name. */
  issue?: string;
  /** decide: whether the revision replaces the draft. */
  adopt?: boolean;
}

/** Sends a move with a client id; a retry after a network failure reuses it, so nothing applies twice. */
export async function sendMove(id: string, token: string, move: MoveBody): Promise<{ seq: number }> {
  const body = JSON.stringify({ id: crypto.randomUUID(), ...move });
  const post = () =>
    api<{ seq: number }>(`/api/rooms/${encodeURIComponent(id)}/moves`, { method: "POST", token, body });
  try {
    return await post();
  } catch (err) {
    if ((err as { status?: number }).status === 0) return post();
    throw err;
  }
}

export async function sendChat(id: string, token: string, text: string, to?: number | "mediator") {
  const body = JSON.stringify({ id: crypto.randomUUID(), text, ...(to === undefined ? {} : { to }) });
  return api<{ seq: number }>(`/api/rooms/${encodeURIComponent(id)}/chat`, { method: "POST", token, body });
}

export interface Suggestion {
  outcome: Values;
  utility?: number;
  belowReservation?: number[];
}

export const fetchSuggestions = (id: string, token: string) =>
  api<unknown>(`/api/rooms/${encodeURIComponent(id)}/suggestions`, {
    method: "POST",
    token,
    body: JSON.stringify({ count: 3 }),
  });
