import type { Outcome } from "../model/space.js";

/** The protocols Parley runs. */
export type ProtocolName = "saop" | "mediated";

/**
 * When a negotiation ends: after `rounds` rounds and/or `timeMs` milliseconds
 * on the session's clock, whichever comes first. At least one is set.
 */
export interface Deadline {
  rounds?: number;
  timeMs?: number;
}

/** Milliseconds from an arbitrary origin. Simulated in tests, wall time in live use. */
export interface Clock {
  now(): number;
}

/** A clock that only moves when told to: deadlines and discounting are tested with it. */
export class ManualClock implements Clock {
  constructor(private ms = 0) {}
  now(): number {
    return this.ms;
  }
  advance(ms: number): void {
    this.ms += ms;
  }
  /** Sets the time (a replay puts the clock where each logged input found it). */
  set(ms: number): void {
    this.ms = ms;
  }
}

/** The mediator's seat number (mediated protocol); trace events the session itself emits carry it too. */
export const MEDIATOR = -1;
/** A viewer who sits in no seat and sees only the public moves. */
export const OBSERVER = -2;
/** A viewer who sees everything: the host of a room, an analyst reading the full trace. */
export const HOST = -3;

/** Who looks at a negotiation: a party's seat (0-based), MEDIATOR, OBSERVER or HOST. */
export type Viewer = number;

/** Where a negotiation stands when a seat is asked to act. */
export interface TurnState {
  /** 0-based round. SAOP: every seat moves once per round. Mediated: one revision per round. */
  round: number;
  /** Normalised time in [0, 1): the fraction of the deadline used. Drives discounting. */
  t: number;
}

/** A mediated party's private answer about a revision, relative to the current draft. */
export type Vote = "better" | "worse" | "same";

/**
 * A move a seat submits to a session. SAOP: offer, accept (the standing offer)
 * or end. Mediated, a party: a vote on the revision; ratify (accept) or reject
 * the draft in a straw poll or the final vote; end. Mediated, the mediator:
 * the first draft; then each round a revision to vote on (any number of
 * points changed), a straw poll or the final vote, after locking or
 * unlocking points as it likes; after the votes, whether the revision
 * replaces the draft; end.
 */
export type Move =
  | { type: "offer"; outcome: Outcome }
  | { type: "accept" }
  | { type: "reject" }
  | { type: "end" }
  | { type: "vote"; vote: Vote }
  | { type: "draft"; outcome: Outcome }
  | { type: "propose"; outcome: Outcome }
  | { type: "poll" }
  | { type: "final" }
  | { type: "lock"; issue: number }
  | { type: "unlock"; issue: number }
  | { type: "decide"; adopt: boolean };

/** Settled points: issue → the option it is locked at, or null for an open point. */
export type Settled = readonly (number | null)[];

/** A straw poll's answers (per party: would it accept the draft?), as of the poll's last answer. */
export interface PollResult {
  answers: readonly boolean[];
  state: TurnState;
}

/**
 * What a session expects next: which seat must move and on what. A live
 * room shows this to the person in that seat; the synchronous runner asks
 * the seat's negotiator.
 */
export type Expectation =
  /** SAOP: accept `offer` (made by `from`), counter with an offer, or end. `offer` is null on the opening move. */
  | { kind: "offer"; seat: number; offer: Outcome | null; from: number; state: TurnState }
  /** Mediated: vote on `revision` against the current `draft`. */
  | { kind: "vote"; seat: number; revision: Outcome; draft: Outcome; state: TurnState }
  /**
   * Mediated: accept (ratify) or reject the draft. `final`: the last vote,
   * which needs every yes; otherwise a straw poll the mediator learns from.
   */
  | { kind: "ratify"; seat: number; draft: Outcome; final: boolean; state: TurnState }
  /** Mediated, the mediator (seat MEDIATOR): the first draft, keeping the settled points. */
  | { kind: "draft"; seat: number; settled: Settled; state: TurnState }
  /**
   * Mediated, the mediator: this round's step (propose, poll, final, end; lock
   * and unlock before it). `poll`: the answers of the straw poll of the round
   * before, if there was one.
   */
  | {
      kind: "mediate";
      seat: number;
      draft: Outcome;
      settled: Settled;
      poll: PollResult | null;
      state: TurnState;
    }
  /** Mediated, the mediator: every party's vote is in; does `revision` replace `draft`? */
  | {
      kind: "decide";
      seat: number;
      revision: Outcome;
      draft: Outcome;
      votes: readonly Vote[];
      state: TurnState;
    };

/** Why a negotiation ended. */
export type EndReason = "agreement" | "deadline" | "ended" | "fault" | "rejected";

/**
 * One action in a negotiation's trace. `seat` is MEDIATOR (-1) for the
 * mediator and for what the session itself records (agreement, deadline).
 * `utilities` are every party's undiscounted utility of `offer` (for analysis;
 * a seat sees only its own, see visibleEvent). `ms` is present only when the
 * deadline is in milliseconds, so traces of round-limited negotiations are
 * reproducible to the byte. `issue`: the point a mediator locked or unlocked.
 */
export interface TraceEvent {
  round: number;
  t: number;
  ms?: number;
  seat: number;
  action:
    | "offer"
    | "accept"
    | "end"
    | "propose"
    | "poll"
    | "vote"
    | "revise"
    | "ratify"
    | "reject"
    | "fault"
    | "agreement"
    | "deadline"
    | "final"
    | "lock"
    | "unlock";
  offer?: Outcome;
  utilities?: number[];
  vote?: Vote;
  reason?: string;
  issue?: number;
}

/**
 * A trace event as a viewer sees it: `utilities` only for the host; a party
 * gets `utility`, its own utility of the offer, instead.
 */
export interface VisibleEvent extends TraceEvent {
  utility?: number;
}

/**
 * One input a session applied, at `at` ms on its clock since it opened: a
 * seat's move, a seat ended for a fault, or the clock reaching the deadline.
 * A session is its log: replaying it on the same setup rebuilds it exactly.
 */
export type LogEntry =
  | { kind: "move"; seat: number; move: Move; at: number }
  | { kind: "fault"; seat: number; reason: string; at: number }
  | { kind: "deadline"; at: number };

/** A seat that was ended for a fault: it threw, moved invalidly, or overran its time budget. */
export interface SeatFault {
  seat: number;
  reason: string;
}

/** How a session ended, without metrics. */
export interface SessionOutcome {
  agreement: Outcome | null;
  endedBy: EndReason;
  /** Rounds started (the round of the last move + 1). */
  rounds: number;
  /** Normalised time at the end (at agreement when there is one). */
  t: number;
  errors: SeatFault[];
  /** Under a quorum or weighted rule: the seats whose yes passed the agreement. */
  coalition?: number[];
}
