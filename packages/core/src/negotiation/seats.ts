import type { UtilityFunction } from "../model/utility.js";
import { type Mediator, mediatorMove } from "./mediators.js";
import type { Negotiator, Observation } from "./negotiator.js";
import { InvalidMove } from "./session.js";
import type { Expectation, Move, ProtocolName, TurnState, Viewer, VisibleEvent } from "./types.js";

/**
 * What a seat may know when asked to move, besides the expectation: the
 * protocol, how many parties, its own position and when the deadline falls.
 */
export interface SeatView {
  protocol: ProtocolName;
  parties: number;
  seat: Viewer;
  /** Clock time of the deadline, or null for a deadline in rounds only. */
  deadlineAt: number | null;
}

/**
 * A seat at the table, however its moves are made: a person in a browser,
 * an agent in a worker, a remote party over a socket. `act` answers what the
 * session expects of it, now or later; `inform` hears every event this seat
 * may see (visibleEvent), its own moves included.
 */
export interface Seat {
  act(expected: Expectation, view: SeatView): Move | Promise<Move>;
  inform?(event: VisibleEvent): void | Promise<void>;
}

/** The move a synchronous negotiator makes on what the session expects of its seat. */
export function negotiatorMove(
  negotiator: Negotiator,
  expected: Expectation,
  utility: UtilityFunction,
): Move {
  const { state } = expected;
  switch (expected.kind) {
    case "offer": {
      if (expected.offer === null) return { type: "offer", outcome: negotiator.propose(state) };
      const answer = negotiator.respond(expected.offer, expected.from, state);
      if (answer === "accept" || answer === "end") return { type: answer };
      if (answer === "reject") return { type: "offer", outcome: negotiator.propose(state) };
      throw new InvalidMove(`respond returned ${JSON.stringify(answer)} (expected accept, reject or end)`);
    }
    case "vote": {
      if (negotiator.compare)
        return { type: "vote", vote: negotiator.compare(expected.revision, expected.draft, state) };
      const delta = utility.utility(expected.revision) - utility.utility(expected.draft);
      return { type: "vote", vote: delta > 1e-12 ? "better" : delta < -1e-12 ? "worse" : "same" };
    }
    case "ratify": {
      const yes = negotiator.ratify
        ? negotiator.ratify(expected.draft, state)
        : utility.utility(expected.draft) >= utility.profile.reservation &&
          !utility.crossesRedLine(expected.draft);
      return { type: yes ? "accept" : "reject" };
    }
    default:
      throw new InvalidMove(`a party cannot make the mediator's move ("${expected.kind}")`);
  }
}

/**
 * What a negotiator observes of a visible event: the others' SAOP offers and
 * acceptances (null for anything else). `state` is where the move was made.
 */
export function observationOf(protocol: ProtocolName, event: VisibleEvent, self: number): Observation | null {
  if (protocol !== "saop" || event.seat === self || (event.action !== "offer" && event.action !== "accept"))
    return null;
  const state: TurnState = { round: event.round, t: event.t };
  return { seat: event.seat, action: event.action, offer: event.offer, state };
}

/** An initialised synchronous negotiator as a seat (for the asynchronous driver). */
export function negotiatorSeat(
  negotiator: Negotiator,
  utility: UtilityFunction,
  protocol: ProtocolName,
  seat: number,
): Seat {
  return {
    act: (expected) => negotiatorMove(negotiator, expected, utility),
    inform: (event) => {
      const observation = observationOf(protocol, event, seat);
      if (observation) negotiator.observe?.(observation);
    },
  };
}

/** An initialised mediating strategy as the mediator's seat. */
export function mediatorSeat(mediator: Mediator): Seat {
  return { act: (expected) => mediatorMove(mediator, expected) };
}

/** The reason a seat is ended for what it threw. */
export function faultReason(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return err instanceof InvalidMove ? `invalid move: ${message}` : `threw: ${message}`;
}
