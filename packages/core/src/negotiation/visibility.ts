import {
  type Expectation,
  HOST,
  MEDIATOR,
  type ProtocolName,
  type TraceEvent,
  type Viewer,
  type VisibleEvent,
} from "./types.js";

/**
 * What `viewer` sees of `event`, or null when the event is hidden from it.
 * The host sees everything. Everyone else sees the public moves without the
 * parties' utilities; a party also sees its own utility of the offer (as
 * `utility`). SAOP: every move is public. Mediated: drafts, revisions, polls,
 * locks and endings are public; a party's vote and its answer to a poll or
 * the final vote are private to that party and the mediator (the outcome
 * says whether the final vote passed).
 */
export function visibleEvent(protocol: ProtocolName, event: TraceEvent, viewer: Viewer): VisibleEvent | null {
  if (viewer === HOST) return event;
  if (viewer < HOST) throw new RangeError(`${viewer} is not a viewer (a seat, MEDIATOR, OBSERVER or HOST)`);
  if (protocol === "mediated" && isPrivate(event) && viewer !== event.seat && viewer !== MEDIATOR)
    return null;
  return withoutUtilities(event, viewer);
}

/** A copy without the parties' utilities, with the viewer's own when it is a party. Field by field: this runs on every move. */
function withoutUtilities(event: TraceEvent, viewer: Viewer): VisibleEvent {
  const seen: VisibleEvent = { round: event.round, t: event.t, seat: event.seat, action: event.action };
  if (event.ms !== undefined) seen.ms = event.ms;
  if (event.offer !== undefined) seen.offer = event.offer;
  if (event.utilities !== undefined && viewer >= 0) seen.utility = event.utilities[viewer];
  if (event.vote !== undefined) seen.vote = event.vote;
  if (event.reason !== undefined) seen.reason = event.reason;
  if (event.issue !== undefined) seen.issue = event.issue;
  return seen;
}

/** Mediated: a party's vote on a revision, and its answers to polls and the final vote. */
function isPrivate(event: TraceEvent): boolean {
  return (
    event.seat >= 0 && (event.action === "vote" || event.action === "ratify" || event.action === "reject")
  );
}

/**
 * What `viewer` sees of an expectation: the seat it is addressed to (and the
 * host) see it whole; others see whose turn it is and on what, without the
 * votes or poll answers only the mediator may read.
 */
export function visibleExpectation(expected: Expectation, viewer: Viewer): Expectation {
  if (viewer === HOST || viewer === expected.seat) return expected;
  if (expected.kind === "decide") return { ...expected, votes: [] };
  if (expected.kind === "mediate" && expected.poll) return { ...expected, poll: null };
  return expected;
}
