/** The room as GET /api/rooms/:id and the socket show it to one viewer (docs/server.md). */

export type Values = Record<string, string | number>;
export type Role = "party" | "mediator" | "host";
export type Actor =
  | { role: "party"; party: number }
  | { role: "mediator" }
  | { role: "host" }
  | { role: "server" };

export interface VisibleEvent {
  action: string;
  round: number;
  t: number;
  party?: number;
  offer?: Values;
  /** A party's own utility of `offer`. */
  utility?: number;
  /** Host only: every party's utility. */
  utilities?: number[];
  vote?: string;
  reason?: string;
}

export interface Entry {
  seq: number;
  /** `join`: a person's seat opened the room for the first time. */
  kind: "move" | "chat" | "deadline" | "fault" | "join";
  at: number;
  actor: Actor;
  move?: { type: string; outcome?: Values; vote?: string };
  chat?: { text: string; to?: number | "mediator" };
  reason?: string;
  events: VisibleEvent[];
}

export interface Held {
  outcome: Values;
  utility?: number;
  from?: number;
}

/**
 * What is expected of the viewer now. A party: offer (SAOP), vote on a revision, ratify (a straw
 * poll, or the final vote when `final`). The mediator: draft (the first text), mediate (propose,
 * poll, final, lock, unlock, end), decide (adopt the revision or not, seeing the votes).
 */
export interface Expected {
  kind: "offer" | "vote" | "ratify" | "draft" | "mediate" | "decide";
  round: number;
  t: number;
  moves: string[];
  offer?: Held | null;
  /** A party sees its utility with the package; the mediator sees the package alone. */
  revision?: Held | Values;
  draft?: Held | Values | null;
  final?: boolean;
  /** Mediator: the settled (locked) points. */
  settled?: Values;
  /** Mediator: the last straw poll's answers (would each party accept the draft?). */
  poll?: { answers: { party: number; value: boolean }[]; round: number } | null;
  /** Mediator deciding: each party's vote on the revision. */
  votes?: { party: number; value: string }[];
}

export interface Outcome {
  agreement: Values | null;
  endedBy: string;
  rounds: number;
  t: number;
  utility?: number;
  utilities?: number[];
}

/** A Parley JSON issue as the room document carries it. */
export interface IssueDoc {
  name: string;
  title?: string;
  description?: string;
  options?: (string | number | { value: string; description?: string })[];
  kind?: string;
  min?: number;
  max?: number;
  /** A real range's grid size. */
  steps?: number;
}

export interface RoomView {
  id: string;
  protocol: "saop" | "mediated";
  state: "waiting" | "running" | "ended";
  role: Role;
  party?: number;
  scenario: {
    name: string;
    title?: string;
    description?: string;
    issues: IssueDoc[];
    parties: { name: string; role?: string; description?: string }[];
  };
  seats: { party: number; kind: "agent" | "person"; agent?: string }[];
  mediator?: { kind: "person" | "agent"; agent?: string };
  deadline: { rounds?: number; timeMs?: number };
  startedAt: number;
  deadlineAt: number | null;
  seq: number;
  history: Entry[];
  turn: { party: number | "mediator"; kind: string } | null;
  expected: Expected | null;
  outcome: Outcome | null;
  /** A party's own profile (Parley JSON party). */
  profile?: Record<string, unknown>;
  /** The host's view of every profile. */
  profiles?: Record<string, unknown>[];
  /** Each person seat and how many sockets it has open now (live only). */
  connected?: Connected;
}

export type Connected = { party: number | "mediator"; sockets: number }[];

/** What the socket pushes. */
export type ServerMessage =
  | { type: "state"; room: RoomView }
  | ({
      type: "event";
      state: RoomView["state"];
      turn: RoomView["turn"];
      expected: Expected | null;
      outcome: Outcome | null;
    } & Entry)
  | { type: "presence"; connected: Connected }
  | { type: "ack"; id: string; seq: number }
  | { type: "error"; id?: string; status: number; error: string };
