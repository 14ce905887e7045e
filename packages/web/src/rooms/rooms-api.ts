import { api } from "../api";

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

export const createRoom = (body: RoomRequest) =>
  api<CreatedRoom>("/api/rooms", { method: "POST", body: JSON.stringify(body) });
