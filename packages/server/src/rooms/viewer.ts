import {
  HOST,
  MEDIATOR,
  type OutcomeSpace,
  type OutcomeValues,
  type ProtocolName,
  type TraceEvent,
  visibleEvent,
} from "@parley/core";

/** Who is looking: a party (by its negotiation seat and scenario party), the mediator, or the host. */
export type Viewer = { role: "party"; seat: number; party: number } | { role: "mediator" } | { role: "host" };

/** Who acted, as the log stores it: a party (scenario index), the mediator, the host, or the server. */
export type Actor =
  | { role: "party"; party: number }
  | { role: "mediator" }
  | { role: "host" }
  | { role: "server" };

/**
 * A move's or message's id as stored: the sender in front (`party:1/m7`, `mediator/…`, `host/…`), so two
 * seats may use the same id, and no person can take the id the server gives an agent's or built-in
 * mediator's move of a turn (`party:1/agent:1:5`) and so stop it being applied.
 */
export function scopedClientId(actor: Actor, id: string): string {
  return `${actor.role === "party" ? `party:${actor.party}` : actor.role}/${id}`;
}

/** The engine's viewer number: the party's seat, MEDIATOR or HOST. */
export function engineViewer(viewer: Viewer): number {
  return viewer.role === "party" ? viewer.seat : viewer.role === "mediator" ? MEDIATOR : HOST;
}

/** A trace event as a viewer may see it over the API: outcomes as {issue: value}, parties by scenario index. */
export interface ApiEvent {
  action: TraceEvent["action"];
  round: number;
  t: number;
  ms?: number;
  /** The scenario party that acted; absent for the mediator and the protocol itself. */
  party?: number;
  offer?: OutcomeValues;
  /** Party viewer: its own utility of `offer`. */
  utility?: number;
  /** Host only: every seated party's utility of `offer`, in seat order. */
  utilities?: number[];
  vote?: string;
  reason?: string;
  /** The point a mediator locked or unlocked. */
  issue?: string;
}

/**
 * What `viewer` sees of `event` (the engine's visibility rule: its own utility only, private votes
 * and answers for the party that gave them and the mediator, everything for the host), in API form;
 * null when the event is hidden from it.
 */
export function apiEvent(
  protocol: ProtocolName,
  event: TraceEvent,
  viewer: Viewer,
  space: OutcomeSpace,
  partyOfSeat: readonly number[],
): ApiEvent | null {
  const seen = visibleEvent(protocol, event, engineViewer(viewer));
  if (!seen) return null;
  const out: ApiEvent = { action: seen.action, round: seen.round, t: seen.t };
  if (seen.ms !== undefined) out.ms = seen.ms;
  if (seen.seat >= 0) out.party = partyOfSeat[seen.seat];
  if (seen.offer) out.offer = space.toValues(seen.offer);
  if (seen.utility !== undefined) out.utility = seen.utility;
  if (seen.utilities) out.utilities = seen.utilities;
  if (seen.vote !== undefined) out.vote = seen.vote;
  if (seen.reason !== undefined) out.reason = seen.reason;
  if (seen.issue !== undefined) out.issue = space.issues[seen.issue].name;
  return out;
}
