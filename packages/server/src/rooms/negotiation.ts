import {
  type Expectation,
  InvalidMove,
  MEDIATOR,
  MEDIATORS,
  type Mediator,
  type Move,
  mediatorMove,
  openSession,
  PreparedScenario,
  Rng,
  type Scenario,
  type Session,
  type SessionOutcome,
  type SettableClock,
  type TraceEvent,
} from "@parley/core";
import type { RoomSpec } from "./spec.js";

/**
 * The room's clock for its session: milliseconds since the room started. A step pins it to the time
 * the step is stored with, so replaying the stored steps puts the clock where each found it;
 * between steps it follows the wall clock.
 */
class RoomClock implements SettableClock {
  private pinned: number | null = null;
  constructor(private readonly startedAt: number) {}
  now(): number {
    return this.pinned ?? Date.now() - this.startedAt;
  }
  set(ms: number): void {
    this.pinned = ms;
  }
  release(): void {
    this.pinned = null;
  }
}

/** What one step did: the trace events it caused, and whether it was the deadline (the move then dropped). */
export interface Step {
  events: TraceEvent[];
  deadline: boolean;
}

/**
 * One room's negotiation: the engine's session, driven by steps that each run at a stored time
 * (a seat's move, a fault, the deadline). Replaying the stored steps rebuilds the same session,
 * trace and events. A built-in mediator moves in this thread (it is the server's own code); its
 * moves are stored like anyone's, and on replay it is asked again so its learned state is rebuilt.
 */
export class LiveNegotiation {
  readonly prepared: PreparedScenario;
  readonly session: Session;
  readonly mediator: Mediator | null;
  private readonly clock: RoomClock;

  constructor(
    readonly spec: RoomSpec,
    scenario: Scenario,
    readonly startedAt: number,
  ) {
    this.prepared = new PreparedScenario(scenario);
    this.clock = new RoomClock(startedAt);
    this.clock.set(0);
    this.session = openSession({
      protocol: spec.protocol,
      space: scenario.space,
      utilities: this.prepared.utilities,
      deadline: spec.deadline,
      clock: this.clock,
    });
    this.clock.release();
    const agent = spec.mediator && "agent" in spec.mediator ? spec.mediator.agent : null;
    this.mediator = agent ? MEDIATORS[agent].create() : null;
    this.mediator?.init({
      space: scenario.space,
      parties: scenario.parties.length,
      deadline: spec.deadline,
      settled: scenario.space.issues.map(() => null),
      rng: new Rng(spec.seed).fork("mediator"),
    });
  }

  /** What is expected now, and of whom (MEDIATOR for the mediator); null once over. Changes nothing. */
  expected(): Expectation | null {
    return this.session.expected();
  }

  outcome(): SessionOutcome | null {
    return this.session.outcome();
  }

  /** When a millisecond deadline falls (server clock, ms since the epoch), or null. */
  deadlineAt(): number | null {
    const at = this.session.deadlineAt();
    return at === null ? null : this.startedAt + at;
  }

  /** What is on the table: SAOP's standing offer, or the mediated draft; null before there is one. */
  standing(): number[] | null {
    const actions = this.spec.protocol === "saop" ? ["offer"] : ["draft", "revise"];
    const trace = this.session.trace;
    for (let i = trace.length - 1; i >= 0; i--) {
      const e = trace[i];
      if (actions.includes(e.action) && e.offer) return Array.from(e.offer);
    }
    return null;
  }

  /** The built-in mediator's move now, when it is the mediator's turn (null otherwise). */
  mediatorTurn(): Move | null {
    const expected = this.session.expected();
    if (!this.mediator || !expected || expected.seat !== MEDIATOR) return null;
    return mediatorMove(this.mediator, expected);
  }

  /**
   * Applies `seat`'s move at `at` (ms since the epoch). The deadline comes first: if it has passed,
   * the step is the deadline (`deadline: true`) and the move is not applied. Throws InvalidMove,
   * having changed nothing, when the move breaks the protocol.
   */
  move(seat: number, move: Move, at: number): Step {
    return this.step(at, () => {
      if (this.session.outcome()) throw new InvalidMove("the negotiation is over");
      this.session.advance();
      if (this.session.outcome()) return true;
      if (seat === MEDIATOR && this.mediator) this.replayMediator(move);
      this.session.submit(seat, move);
      return false;
    });
  }

  /** The clock reaching `at`: ends the negotiation if its deadline has passed. */
  tick(at: number): Step {
    return this.step(at, () => {
      this.session.advance();
      return this.session.outcome() !== null;
    });
  }

  /** Ends `seat` for a fault at `at`. */
  fail(seat: number, reason: string, at: number): Step {
    return this.step(at, () => {
      this.session.fail(seat, reason);
      return false;
    });
  }

  private step(at: number, apply: () => boolean): Step {
    const before = this.session.trace.length;
    const ended = this.session.outcome() !== null;
    this.clock.set(at - this.startedAt);
    try {
      const deadline = apply() && !ended;
      // A round-limited negotiation is over once its last round is played: record the end in this step.
      if (!this.session.outcome() && this.session.expected() === null) this.session.advance();
      return { events: this.session.trace.slice(before), deadline };
    } finally {
      this.clock.release();
    }
  }

  /**
   * A stored move of the built-in mediator, applied again on replay: the mediator is asked for it
   * once more (same seed, same expectations) so what it learned is rebuilt; it must agree.
   */
  private replayMediator(move: Move): void {
    if (!this.replaying) return;
    const again = mediatorMove(this.mediator!, this.session.expected()!);
    if (JSON.stringify(again) !== JSON.stringify(move))
      throw new InvalidMove(
        `the mediator's stored move ${JSON.stringify(move)} is not what it chooses on replay`,
      );
  }

  /** Set while the room is rebuilt from its log. */
  replaying = false;
}
