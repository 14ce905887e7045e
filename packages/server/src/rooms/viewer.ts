import type { OutcomeSpace, OutcomeValues, TraceEvent } from "@parley/core";

/** Who is looking: a party (by its negotiation seat and scenario party), the mediator, or the host. */
export type Viewer = { role: "party"; seat: number; party: number } | { role: "mediator" } | { role: "host" };

/** Who acted, as the log stores it: a party (scenario index), the mediator, the host, or the server. */
export type Actor =
  | { role: "party"; party: number }
  | { role: "mediator" }
  | { role: "host" }
  | { role: "server" };

/** A trace event as a viewer may see it: outcomes as {issue: value}, parties by scenario index. */
export interface VisibleEvent {
  /** "answered": another party voted or answered a poll (what it answered is private). */
  action: TraceEvent["action"] | "answered";
  round: number;
  t: number;
  ms?: number;
  /** The scenario party that acted; absent for the mediator and the protocol itself. */
  party?: number;
  offer?: OutcomeValues;
  /** Party viewer: its own utility of `offer`. */
  utility?: number;
  /** Host only: every party's utility of `offer`, in the room's seat order. */
  utilities?: number[];
  vote?: string;
  reason?: string;
}

/** Private answers: a party's vote on a revision and its answer to a poll or the final draft. */
const PRIVATE_ANSWERS = new Set<TraceEvent["action"]>(["vote", "ratify", "reject"]);

/**
 * The one rule of what a viewer sees of an event. Offers, acceptances, endings, the mediator's texts
 * and the protocol's own events are public, each party seeing only its own utility of an outcome;
 * votes and ratify/reject answers are seen by the party that gave them, the mediator and the host
 * (others learn only that the party answered). Only the host sees every party's utility.
 */
export function visibleEvent(
  event: TraceEvent,
  viewer: Viewer,
  space: OutcomeSpace,
  partyOfSeat: readonly number[],
): VisibleEvent {
  const out: VisibleEvent = { action: event.action, round: event.round, t: event.t };
  if (event.ms !== undefined) out.ms = event.ms;
  if (event.seat >= 0) out.party = partyOfSeat[event.seat];
  if (event.offer) out.offer = space.toValues(event.offer);
  if (event.reason !== undefined) out.reason = event.reason;
  const own = viewer.role === "party" && viewer.seat === event.seat;
  if (PRIVATE_ANSWERS.has(event.action)) {
    if (viewer.role === "party" && !own)
      return { action: "answered", round: out.round, t: out.t, party: out.party };
    if (event.vote !== undefined) out.vote = event.vote;
  }
  if (event.utilities) {
    if (viewer.role === "host") out.utilities = event.utilities;
    else if (viewer.role === "party") out.utility = event.utilities[viewer.seat];
  }
  return out;
}
