import {
  type Clock,
  type Expectation,
  InvalidMove,
  MEDIATORS,
  MediatedSession,
  type Mediator,
  type MediatorSetup,
  type Move,
  PreparedScenario,
  Rng,
  SaopSession,
  type Scenario,
  type Session,
  type SessionOutcome,
  type TraceEvent,
} from "@parley/core";
import type { RoomSpec } from "./spec.js";

/**
 * What a room asks of one seat now. `seat` is the negotiation's seat (the position in the room's
 * seat list), -1 for the mediator. The mediator's own kind, `propose`, is a person mediator's turn
 * to put a revision (or a straw poll) to the parties.
 */
export type Turn =
  | Expectation
  | { kind: "propose"; seat: -1; draft: number[]; state: { round: number; t: number } };

/** A move of the mediator seat: a revision for the parties to vote on, or a straw poll on the draft. */
export type MediatorMove = { type: "propose"; outcome: number[] } | { type: "poll" };

/** Thrown by a person mediator asked to propose before the person has: the session waits for them. */
class AwaitingMediator extends Error {}

/**
 * A person in the mediator's seat. The session asks its mediator synchronously; this one answers with
 * the revision or poll the person queued, or makes the session wait. A revision replaces the draft
 * when no party votes it worse (a single negotiating text moves only by consent).
 */
class PersonMediator implements Mediator {
  readonly name = "person";
  private setup!: MediatorSetup;
  queued: MediatorMove | null = null;

  init(setup: MediatorSetup): void {
    this.setup = setup;
  }
  initial(): number[] {
    return this.setup.fixed.map((f) => f ?? 0);
  }
  pollNow(): boolean {
    if (this.queued?.type !== "poll") return false;
    this.queued = null;
    return true;
  }
  propose(): number[] {
    const queued = this.queued;
    if (queued?.type !== "propose") throw new AwaitingMediator();
    this.queued = null;
    return queued.outcome;
  }
  decide(_revision: unknown, _draft: unknown, votes: readonly string[]): boolean {
    return !votes.includes("worse");
  }
}

/** A clock the room sets to each logged step's time, so a replay sees the times the live run saw. */
class StepClock implements Clock {
  at = 0;
  now(): number {
    return this.at;
  }
}

/**
 * One room's negotiation: the engine's session driven step by step from the room log. Every step
 * (a seat's move, the mediator's move, the deadline passing) runs at the time stored with it, so
 * replaying the log after a restart rebuilds exactly the same state and events.
 */
export class LiveNegotiation {
  readonly prepared: PreparedScenario;
  readonly session: Session;
  private readonly clock = new StepClock();
  private readonly personMediator: PersonMediator | null;
  private buffer: TraceEvent[] = [];
  private current: Turn | null = null;

  constructor(
    readonly spec: RoomSpec,
    scenario: Scenario,
    startedAt: number,
  ) {
    this.prepared = new PreparedScenario(scenario);
    this.clock.at = startedAt;
    const common = {
      space: scenario.space,
      utilities: this.prepared.utilities,
      deadline: spec.deadline,
      clock: this.clock,
      onEvent: (e: TraceEvent) => this.buffer.push(e),
    };
    if (spec.protocol === "mediated") {
      const mediatorSpec = spec.mediator ?? { agent: "frontier" as const };
      this.personMediator = "person" in mediatorSpec ? new PersonMediator() : null;
      const mediator =
        "agent" in mediatorSpec ? MEDIATORS[mediatorSpec.agent].create() : this.personMediator!;
      this.session = new MediatedSession({ ...common, mediator, rng: new Rng(spec.seed).fork("mediator") });
    } else {
      this.personMediator = null;
      this.session = new SaopSession(common);
    }
    this.settle();
  }

  /** Events the constructor produced (a mediated session's first draft and revision). */
  takeEvents(): TraceEvent[] {
    const out = this.buffer;
    this.buffer = [];
    return out;
  }

  /** What is expected now, and of whom; null once it is over. */
  turn(): Turn | null {
    return this.current;
  }

  outcome(): SessionOutcome | null {
    return this.session.outcome();
  }

  /** When a millisecond deadline falls (server clock), or null. */
  deadlineAt(startedAt: number): number | null {
    return this.spec.deadline.timeMs === undefined ? null : startedAt + this.spec.deadline.timeMs;
  }

  /**
   * Applies `seat`'s move at time `at` and returns the events it caused. Throws InvalidMove, having
   * changed nothing, when the move breaks the protocol.
   */
  move(seat: number, move: Move | MediatorMove, at: number): TraceEvent[] {
    const turn = this.current;
    if (!turn) throw new InvalidMove("the negotiation is over");
    if (seat === -1) {
      if (!this.personMediator) throw new InvalidMove("the mediator of this room is an agent");
      if (move.type === "end") {
        throw new InvalidMove("the mediator cannot end the negotiation; the parties can");
      }
      if (turn.kind !== "propose")
        throw new InvalidMove(`it is a party's turn (${turn.kind}), not the mediator's`);
      if (move.type !== "propose" && move.type !== "poll")
        throw new InvalidMove(`the mediator proposes a revision or polls, not "${move.type}"`);
      if (move.type === "propose") this.checkOutcome(move.outcome);
      this.clock.at = at;
      this.personMediator.queued = move;
      return this.step(() => {});
    }
    if (turn.kind === "propose") throw new InvalidMove("the mediator has not proposed a revision yet");
    if (move.type === "propose" || move.type === "poll")
      throw new InvalidMove(`"${move.type}" is a mediator's move`);
    this.clock.at = at;
    return this.step(() => this.session.submit(seat, move));
  }

  /** Ends the negotiation if its deadline has passed at `at` (a no-op otherwise); returns the events. */
  tick(at: number): TraceEvent[] {
    this.clock.at = at;
    return this.step(() => {});
  }

  /** Ends `seat` for a fault at `at`. */
  fail(seat: number, reason: string, at: number): TraceEvent[] {
    this.clock.at = at;
    return this.step(() => this.session.fail(seat, reason));
  }

  private step(apply: () => void): TraceEvent[] {
    this.buffer = [];
    apply();
    this.settle();
    return this.takeEvents();
  }

  /** Asks the session what comes next (which may apply the deadline, or have a built-in mediator propose). */
  private settle(): void {
    try {
      this.current = this.session.pending();
    } catch (err) {
      if (!(err instanceof AwaitingMediator)) throw err;
      const state = { round: 0, t: 0 };
      this.current = { kind: "propose", seat: -1, draft: this.draft(), state };
    }
  }

  /** The mediated draft as it stands (the last revision the session accepted). */
  private draft(): number[] {
    return this.standing() ?? [];
  }

  /** What is on the table: SAOP's standing offer, or the mediated draft; null before there is one. */
  standing(): number[] | null {
    const action = this.spec.protocol === "saop" ? "offer" : "revise";
    for (let i = this.session.trace.length - 1; i >= 0; i--) {
      const e = this.session.trace[i];
      if (e.action === action && e.offer) return Array.from(e.offer);
    }
    return null;
  }

  private checkOutcome(outcome: number[]): void {
    const cards = this.prepared.scenario.space.cardinalities;
    if (outcome.length !== cards.length || outcome.some((k, i) => !(k >= 0 && k < cards[i])))
      throw new InvalidMove("the revision is not an outcome of this scenario");
  }
}
