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
}

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
 * or end. Mediated: a vote on the revision, then at the end ratify (accept) or
 * reject the final draft.
 */
export type Move =
  | { type: "offer"; outcome: Outcome }
  | { type: "accept" }
  | { type: "reject" }
  | { type: "end" }
  | { type: "vote"; vote: Vote };

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
  | { kind: "ratify"; seat: number; draft: Outcome; final: boolean; state: TurnState };

/** Why a negotiation ended. */
export type EndReason = "agreement" | "deadline" | "ended" | "fault" | "rejected";

/**
 * One action in a negotiation's trace. `seat` is -1 for the mediator.
 * `utilities` are every party's undiscounted utility of `offer` (for analysis;
 * seats never see them). `ms` is present only when the deadline is in
 * milliseconds, so traces of round-limited negotiations are reproducible to the byte.
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
    | "deadline";
  offer?: Outcome;
  utilities?: number[];
  vote?: Vote;
  reason?: string;
}

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
}
