import type { Rng } from "../model/rng.js";
import type { Outcome, OutcomeSpace } from "../model/space.js";
import type { UtilityFunction } from "../model/utility.js";
import type { BidIndex } from "./bid-index.js";
import type { Deadline, ProtocolName, TurnState, Vote } from "./types.js";

/**
 * Everything a seat is told when a negotiation starts: its own preferences
 * (never the others'), the protocol, the deadline and how many parties sit.
 */
export interface NegotiationSetup {
  /** This seat's position, 0-based (the order of moves in SAOP). */
  seat: number;
  /** Number of parties (seats). */
  parties: number;
  protocol: ProtocolName;
  deadline: Deadline;
  space: OutcomeSpace;
  /** This seat's own utility function: utility, discount, reservation, red lines. */
  utility: UtilityFunction;
  /** Outcomes indexed by this seat's utility: offers at a target utility without scanning the space. */
  bids: BidIndex;
  /** This seat's own seeded generator: draw every random choice from it. */
  rng: Rng;
}

/** Something another seat did in SAOP, as every seat sees it. */
export interface Observation {
  seat: number;
  action: "offer" | "accept" | "end";
  /** The offer made or accepted. */
  offer?: Outcome;
  state: TurnState;
}

/** A seat's answer to an offer on the table. "reject" means: I will counter (propose is called next). */
export type Response = "accept" | "reject" | "end";

/**
 * A negotiation strategy in one seat. Calls are synchronous and in this
 * order: `init` once, then per turn `respond` (when there is an offer to
 * answer) and `propose` (on the opening move, or after "reject"); `observe`
 * tells it the others' moves. In the mediated protocol `compare` votes on
 * each revision and `ratify` answers the final draft (and the mediator's
 * straw polls, which bind no one); when they are absent
 * the seat answers truthfully from its own utility (better/worse/same;
 * ratify iff the draft is worth at least the reservation value).
 * Offers are dense outcomes (one option index per issue); the session copies them.
 */
export interface Negotiator {
  init(setup: NegotiationSetup): void;
  propose(state: TurnState): Outcome;
  respond(offer: Outcome, from: number, state: TurnState): Response;
  observe?(observation: Observation): void;
  compare?(revision: Outcome, draft: Outcome, state: TurnState): Vote;
  ratify?(draft: Outcome, state: TurnState): boolean;
}

/**
 * A named strategy that makes fresh negotiators, one per negotiation. Built-in
 * agents are these; a user module's default export must be one.
 */
export interface AgentDefinition {
  /** Stable lowercase name, e.g. "boulware". */
  name: string;
  /** One line for `parley agents`. */
  description: string;
  create(): Negotiator;
}
