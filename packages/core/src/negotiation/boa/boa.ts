import type { Outcome } from "../../model/space.js";
import type { NegotiationSetup, Negotiator, Observation, Response } from "../negotiator.js";
import type { TurnState } from "../types.js";

/**
 * Learns the other parties' preferences from their offers. `utility` is the
 * estimated utility of `outcome` for seat `seat`, in [0, 1].
 */
export interface OpponentModel {
  init(setup: NegotiationSetup): void;
  update(seat: number, offer: Outcome, state: TurnState): void;
  utility(seat: number, outcome: Outcome): number;
  /**
   * Optional fast path: utility() of the outcome stored at
   * `outcomes[start .. start + issues)` (a flat array such as a sorted bid
   * index keeps), equal to utility() of that outcome.
   */
  utilityIn?(seat: number, outcomes: Int32Array, start: number): number;
}

/** What a BOA component sees: the setup, the time, the model and a summary of the offers so far. */
export class BoaContext {
  state: TurnState = { round: 0, t: 0 };
  /** Own utility of the first, latest and best offer received (NaN before any). */
  firstReceived = Number.NaN;
  lastReceived = Number.NaN;
  bestReceived = Number.NaN;
  receivedCount = 0;
  /** Own utility of this seat's latest offer (NaN before any). */
  lastOwn = Number.NaN;
  ownCount = 0;

  constructor(
    readonly setup: NegotiationSetup,
    readonly model: OpponentModel | null,
  ) {
    this.opponents = Array.from({ length: setup.parties }, (_, s) => s).filter((s) => s !== setup.seat);
  }

  /** The lowest utility this seat will ever bid or accept: its reservation, or the worst outcome if higher. */
  get floor(): number {
    return Math.max(this.setup.utility.profile.reservation, this.setup.bids.worstUtility);
  }

  /** The other seats, in order. */
  readonly opponents: readonly number[];

  utility(outcome: Outcome): number {
    return this.setup.utility.utility(outcome);
  }
}

/** Chooses the next offer. `received` lets a strategy track the offers it sees. */
export interface BiddingStrategy {
  bid(ctx: BoaContext): Outcome;
  received?(ctx: BoaContext, seat: number, offer: Outcome): void;
}

/** Decides on an offer worth `offered` to this seat, given that its own next bid is worth `next`. */
export type AcceptanceCondition = (ctx: BoaContext, offered: number, next: number) => boolean;

export interface BoaParts {
  bidding: BiddingStrategy;
  acceptance: AcceptanceCondition;
  model?: OpponentModel;
}

/**
 * A negotiator composed of a bidding strategy, an optional opponent model and
 * an acceptance condition (Baarslag et al.'s BOA architecture). It never
 * accepts an offer worth less than its reservation value, and never walks away.
 */
export class BoaNegotiator implements Negotiator {
  private ctx!: BoaContext;
  private next: Outcome | null = null;
  /** Own utility of `next`, worked out in respond() and reused by propose(). */
  private nextUtility = 0;
  /** The last offer observed and its utility: the offer respond() is then asked about, usually. */
  private seen: Outcome | null = null;
  private seenUtility = 0;

  constructor(private readonly parts: BoaParts) {}

  init(setup: NegotiationSetup): void {
    this.parts.model?.init(setup);
    this.ctx = new BoaContext(setup, this.parts.model ?? null);
    this.next = null;
  }

  observe(observation: Observation): void {
    if (observation.action !== "offer" || !observation.offer) return;
    const ctx = this.ctx;
    const u = ctx.utility(observation.offer);
    this.seen = observation.offer;
    this.seenUtility = u;
    if (ctx.receivedCount++ === 0) ctx.firstReceived = ctx.bestReceived = u;
    else if (u > ctx.bestReceived) ctx.bestReceived = u;
    ctx.lastReceived = u;
    ctx.model?.update(observation.seat, observation.offer, observation.state);
    this.parts.bidding.received?.(ctx, observation.seat, observation.offer);
  }

  respond(offer: Outcome, _from: number, state: TurnState): Response {
    const ctx = this.ctx;
    ctx.state = state;
    const offered = offer === this.seen ? this.seenUtility : ctx.utility(offer);
    const next = this.parts.bidding.bid(ctx);
    this.next = next;
    const nextUtility = ctx.utility(next);
    this.nextUtility = nextUtility;
    if (offered < ctx.setup.utility.profile.reservation) return "reject";
    return this.parts.acceptance(ctx, offered, nextUtility) ? "accept" : "reject";
  }

  propose(state: TurnState): Outcome {
    const ctx = this.ctx;
    ctx.state = state;
    const prepared = this.next;
    const bid = prepared ?? this.parts.bidding.bid(ctx);
    this.next = null;
    ctx.lastOwn = prepared ? this.nextUtility : ctx.utility(bid);
    ctx.ownCount++;
    return bid;
  }
}
