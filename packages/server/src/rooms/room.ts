import {
  type Expectation,
  MEDIATOR,
  type Move,
  type OutcomeValues,
  type Scenario,
  type TraceEvent,
} from "@parley/core";
import { tokenMatches } from "../tokens.js";
import type { LiveNegotiation } from "./negotiation.js";
import type { RoomSpec } from "./spec.js";
import { type Actor, type ApiEvent, apiEvent, type Viewer } from "./viewer.js";

/** A seat as the server keeps it: who sits there, and the hash of its token. */
export interface SeatRecord {
  role: "host" | "mediator" | "party";
  /** Scenario party index of a party seat, else -1. */
  party: number;
  tokenHash: string;
  agent: string | null;
}

export type LoggedMove = Move;

export interface ChatMessage {
  text: string;
  /** A party index, "mediator", or absent (everyone). */
  to?: number | "mediator";
}

/** One entry of the room's log, with the engine events it caused (recomputed on replay, never stored). */
export interface LogEntry {
  seq: number;
  /** `join`: a person's seat opened the room for the first time (no effect on the negotiation). */
  kind: "move" | "chat" | "deadline" | "fault" | "join";
  actor: Actor;
  clientId: string | null;
  at: number;
  move?: LoggedMove;
  chat?: ChatMessage;
  reason?: string;
  events: TraceEvent[];
}

/** A log entry as one viewer may see it (undefined: it may not see it at all). */
export interface VisibleEntry {
  seq: number;
  kind: LogEntry["kind"];
  at: number;
  actor: Actor;
  move?: { type: string; outcome?: OutcomeValues; vote?: string; issue?: string; adopt?: boolean };
  chat?: ChatMessage;
  reason?: string;
  events: ApiEvent[];
}

/** A room in memory: its spec, seats, log and negotiation. The service persists and serialises. */
export class Room {
  readonly entries: LogEntry[] = [];
  readonly clientIds = new Map<string, number>();
  /** Negotiation seat → scenario party. */
  readonly partyOfSeat: number[];
  /** Parley JSON document of the scenario (issues and each party's profile). */
  readonly document: { issues: unknown[]; parties: Record<string, unknown>[]; [k: string]: unknown };
  /** Operations on this room run one at a time, in order. */
  queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly id: string,
    readonly spec: RoomSpec,
    readonly scenario: Scenario,
    readonly seats: SeatRecord[],
    readonly startedAt: number,
    readonly negotiation: LiveNegotiation,
  ) {
    this.partyOfSeat = spec.seats.map((s) => s.party);
    this.document = JSON.parse(spec.scenario);
  }

  get lastSeq(): number {
    return this.entries.length === 0 ? 0 : this.entries[this.entries.length - 1].seq;
  }

  /** How many inputs the negotiation has taken: a turn's number (chat does not change it). */
  get turnNumber(): number {
    return this.negotiation.session.log.length;
  }

  get deadlineAt(): number | null {
    return this.negotiation.deadlineAt();
  }

  get ended(): boolean {
    return this.negotiation.outcome() !== null;
  }

  state(): "waiting" | "running" | "ended" {
    if (this.ended) return "ended";
    return this.turnNumber > 0 ? "running" : "waiting";
  }

  /** The seat a token opens, compared in constant time against every seat of the room. */
  seatOf(token: string): SeatRecord | undefined {
    let found: SeatRecord | undefined;
    for (const seat of this.seats) if (tokenMatches(token, seat.tokenHash)) found = seat;
    return found;
  }

  viewerOf(seat: SeatRecord): Viewer {
    if (seat.role === "party")
      return { role: "party", party: seat.party, seat: this.partyOfSeat.indexOf(seat.party) };
    return { role: seat.role };
  }

  /** The negotiation seat of a scenario party, or MEDIATOR. */
  seatIndex(actor: Actor): number {
    return actor.role === "party" ? this.partyOfSeat.indexOf(actor.party) : MEDIATOR;
  }

  /** The party seat that is to move now when an agent sits there. */
  agentToMove(): SeatRecord | undefined {
    const turn = this.negotiation.expected();
    if (!turn || turn.seat === MEDIATOR) return undefined;
    const seat = this.seats.find((s) => s.role === "party" && s.party === this.partyOfSeat[turn.seat]);
    return seat?.agent ? seat : undefined;
  }

  values(outcome: ArrayLike<number>): OutcomeValues {
    return this.scenario.space.toValues(outcome);
  }

  /** Whether a viewer may see a chat message: public ones, its own, ones to it; the host sees all. */
  private seesChat(entry: LogEntry, viewer: Viewer): boolean {
    const to = entry.chat?.to;
    if (to === undefined || viewer.role === "host") return true;
    if (viewer.role === "mediator") return to === "mediator" || entry.actor.role === "mediator";
    const from = entry.actor.role === "party" ? entry.actor.party : null;
    return from === viewer.party || to === viewer.party;
  }

  /** A log entry as `viewer` may see it, or undefined. */
  visibleEntry(entry: LogEntry, viewer: Viewer): VisibleEntry | undefined {
    if (entry.kind === "chat" && !this.seesChat(entry, viewer)) return undefined;
    const out: VisibleEntry = {
      seq: entry.seq,
      kind: entry.kind,
      at: entry.at,
      actor: entry.actor,
      events: this.apiEvents(entry.events, viewer),
    };
    if (entry.chat) out.chat = entry.chat;
    if (entry.reason !== undefined) out.reason = entry.reason;
    if (entry.move) {
      const own =
        viewer.role === "party" && entry.actor.role === "party" && entry.actor.party === viewer.party;
      // Mediated accept/reject answer a poll or the final draft: private, like votes. SAOP's are public.
      const privateAnswer =
        entry.move.type === "vote" ||
        (this.spec.protocol === "mediated" && (entry.move.type === "accept" || entry.move.type === "reject"));
      const m = entry.move;
      const move: VisibleEntry["move"] = { type: m.type };
      if (privateAnswer && viewer.role === "party" && !own) move.type = "answer";
      else {
        if ("outcome" in m) move.outcome = this.values(m.outcome);
        if (m.type === "vote") move.vote = m.vote;
        if (m.type === "lock" || m.type === "unlock") move.issue = this.scenario.space.issues[m.issue].name;
        if (m.type === "decide") move.adopt = m.adopt;
      }
      out.move = move;
    }
    return out;
  }

  /** Trace events as `viewer` may see them. */
  apiEvents(events: readonly TraceEvent[], viewer: Viewer): ApiEvent[] {
    const out: ApiEvent[] = [];
    for (const e of events) {
      const seen = apiEvent(this.spec.protocol, e, viewer, this.scenario.space, this.partyOfSeat);
      if (seen) out.push(seen);
    }
    return out;
  }

  /** What is expected of `viewer` now, or null when nothing is. */
  expectedOf(viewer: Viewer): Record<string, unknown> | null {
    const turn = this.negotiation.expected();
    if (!turn) return null;
    const mine =
      viewer.role === "mediator"
        ? turn.seat === MEDIATOR
        : viewer.role === "party" && turn.seat === viewer.seat;
    if (!mine) return null;
    if (viewer.role === "mediator" && this.negotiation.mediator) return null;
    return this.describeTurn(turn, viewer);
  }

  /** Whose move it is, publicly: a party index or "mediator", and the kind of move. */
  publicTurn(): { party: number | "mediator"; kind: string } | null {
    const turn = this.negotiation.expected();
    if (!turn) return null;
    return { party: turn.seat === MEDIATOR ? "mediator" : this.partyOfSeat[turn.seat], kind: turn.kind };
  }

  private describeTurn(turn: Expectation, viewer: Viewer): Record<string, unknown> {
    const own = (o: ArrayLike<number>) =>
      viewer.role === "party" ? { utility: this.negotiation.prepared.utilities[viewer.seat].utility(o) } : {};
    const base = { kind: turn.kind, round: turn.state.round, t: turn.state.t };
    const settled = (s: readonly (number | null)[]) =>
      Object.fromEntries(
        s.flatMap((option, i) =>
          option === null
            ? []
            : [[this.scenario.space.issues[i].name, this.scenario.space.valueOf(i, option)]],
        ),
      );
    const byParty = <T>(list: readonly T[]) =>
      list.map((value, seat) => ({ party: this.partyOfSeat[seat], value }));
    switch (turn.kind) {
      case "offer":
        return {
          ...base,
          offer: turn.offer
            ? { outcome: this.values(turn.offer), ...own(turn.offer), from: this.partyOfSeat[turn.from] }
            : null,
          moves: turn.offer ? ["offer", "accept", "end"] : ["offer", "end"],
        };
      case "vote":
        return {
          ...base,
          revision: { outcome: this.values(turn.revision), ...own(turn.revision) },
          draft: { outcome: this.values(turn.draft), ...own(turn.draft) },
          moves: ["vote", "end"],
        };
      case "ratify":
        return {
          ...base,
          final: turn.final,
          draft: { outcome: this.values(turn.draft), ...own(turn.draft) },
          moves: ["ratify", "reject", "end"],
        };
      case "draft":
        return { ...base, settled: settled(turn.settled), moves: ["draft", "end"] };
      case "mediate":
        return {
          ...base,
          draft: this.values(turn.draft),
          settled: settled(turn.settled),
          poll: turn.poll && { answers: byParty(turn.poll.answers), round: turn.poll.state.round },
          moves: ["propose", "poll", "final", "lock", "unlock", "end"],
        };
      case "decide":
        return {
          ...base,
          revision: this.values(turn.revision),
          draft: this.values(turn.draft),
          votes: byParty(turn.votes),
          moves: ["decide", "end"],
        };
    }
  }

  /** Everything `viewer` may see of the room: `GET /api/rooms/:id` and the socket's `state` message. */
  view(viewer: Viewer): Record<string, unknown> {
    const doc = this.document;
    const outcome = this.negotiation.outcome();
    const history: VisibleEntry[] = [];
    for (const entry of this.entries) {
      const visible = this.visibleEntry(entry, viewer);
      if (visible) history.push(visible);
    }
    const utilities = this.negotiation.prepared.utilities;
    const view: Record<string, unknown> = {
      id: this.id,
      protocol: this.spec.protocol,
      state: this.state(),
      role: viewer.role,
      ...(viewer.role === "party" ? { party: viewer.party } : {}),
      scenario: {
        name: doc.name,
        title: doc.title,
        description: doc.description,
        issues: doc.issues,
        parties: doc.parties.map((p) => ({ name: p.name, role: p.role, description: p.description })),
      },
      seats: this.spec.seats.map((s) => ({
        party: s.party,
        kind: s.agent ? "agent" : "person",
        ...(s.agent ? { agent: s.agent } : {}),
      })),
      ...(this.spec.mediator
        ? {
            mediator:
              "person" in this.spec.mediator
                ? { kind: "person" }
                : { kind: "agent", agent: this.spec.mediator.agent },
          }
        : {}),
      deadline: this.spec.deadline,
      startedAt: this.startedAt,
      deadlineAt: this.deadlineAt,
      seq: this.lastSeq,
      history,
      turn: this.publicTurn(),
      expected: this.expectedOf(viewer),
      outcome: outcome && {
        agreement: outcome.agreement ? this.values(outcome.agreement) : null,
        endedBy: outcome.endedBy,
        rounds: outcome.rounds,
        t: outcome.t,
        ...(outcome.agreement && viewer.role === "party"
          ? { utility: utilities[viewer.seat].utility(outcome.agreement) }
          : {}),
        ...(outcome.agreement && viewer.role === "host"
          ? { utilities: utilities.map((u) => u.utility(outcome.agreement!)) }
          : {}),
      },
    };
    if (viewer.role === "party") view.profile = doc.parties[viewer.party];
    if (viewer.role === "host") view.profiles = doc.parties;
    return view;
  }
}
