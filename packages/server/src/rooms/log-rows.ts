import type { Selectable } from "kysely";
import type { RoomLogTable } from "../db/schema.js";
import type { LogEntry } from "./room.js";

/** A room log row as stored (and as published on Redis to the other servers). */
export type StoredRow = Selectable<RoomLogTable>;

/** An entry as the log stores it: its engine events are left out (replaying the entry computes them again). */
export function rowOf(roomId: string, entry: LogEntry): StoredRow {
  const { move, chat, reason } = entry;
  const body = move ? { move } : chat ? { chat } : reason !== undefined ? { reason } : {};
  return {
    room_id: roomId,
    seq: entry.seq,
    kind: entry.kind,
    actor: JSON.stringify(entry.actor),
    client_id: entry.clientId,
    body: JSON.stringify(body),
    at: entry.at,
  };
}

/** A stored row as an entry, its events not yet replayed. */
export function entryOf(row: StoredRow): LogEntry {
  return {
    seq: row.seq,
    kind: row.kind as LogEntry["kind"],
    actor: JSON.parse(row.actor),
    clientId: row.client_id,
    at: Number(row.at),
    events: [],
    ...JSON.parse(row.body),
  };
}
