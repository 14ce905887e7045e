/** The store's tables, as Kysely sees them. JSON columns hold text, so both databases read them alike. */
export interface Database {
  rooms: RoomsTable;
  seats: SeatsTable;
  room_log: RoomLogTable;
  room_leases: RoomLeasesTable;
}

export interface RoomsTable {
  id: string;
  /** The room as created (scenario in Parley JSON, protocol, deadline, seats, mediator, seed), JSON. */
  spec: string;
  /** Server clock (ms since the epoch) when the negotiation started. */
  started_at: number;
  /** When the deadline falls (ms since the epoch), or null for a rounds-only deadline. */
  deadline_at: number | null;
  /** Set once the negotiation is over; rooms without it are loaded and replayed at start-up. */
  ended_at: number | null;
}

export interface SeatsTable {
  room_id: string;
  /** "host", "mediator" or "party". */
  role: string;
  /** The party index of a party seat, else -1. */
  party: number;
  /** SHA-256 of the token, hex: the token itself is never stored. */
  token_hash: string;
  /** Built-in agent name or operator module of an agent seat; null for a person. */
  agent: string | null;
}

export interface RoomLogTable {
  room_id: string;
  /** 1, 2, 3, … per room: the order everything happened in. */
  seq: number;
  /** "move", "chat", "fault" (a seat ended), "deadline" (the clock reaching it) or "join" (a person seat first opened the room). */
  kind: string;
  /** Who acted: "host", "mediator", "party:<i>", or "server". */
  actor: string;
  /** The client's id of a move or message: a retry with the same id is answered, not applied again. */
  client_id: string | null;
  /** The entry's content, JSON. */
  body: string;
  /** Server clock (ms since the epoch) when it was applied. */
  at: number;
}

/** Which server instance runs an open room's deadline, agent seats and built-in mediator (several servers only). */
export interface RoomLeasesTable {
  room_id: string;
  /** The owning instance's id (host, process and a random part). */
  owner: string;
  /** PostgreSQL's clock (ms since the epoch) after which another instance may take the room. */
  expires_at: number;
}
