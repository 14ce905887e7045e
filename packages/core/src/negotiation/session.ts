import type { Outcome, OutcomeSpace } from "../model/space.js";
import type { UtilityFunction } from "../model/utility.js";
import { FROZEN_CLOCK, Timekeeper, validateDeadline } from "./timekeeper.js";
import type {
  Clock,
  Deadline,
  EndReason,
  Expectation,
  Move,
  ProtocolName,
  SeatFault,
  SessionOutcome,
  TraceEvent,
} from "./types.js";

/** A move the session refuses (wrong seat, wrong kind, malformed outcome). The session is unchanged. */
export class InvalidMove extends Error {
  override readonly name = "InvalidMove";
}

/**
 * A protocol as a step-driven state machine: `pending()` says whose move it is
 * and what is expected, `submit()` applies a move. A synchronous runner loops
 * over it; a live room drives it from moves that arrive asynchronously.
 */
export interface Session {
  readonly protocol: ProtocolName;
  readonly parties: number;
  /** Every action so far (empty when the session was built with keepTrace: false). */
  readonly trace: readonly TraceEvent[];
  /** The next expected move, or null once the negotiation is over (this also applies the deadline). */
  pending(): Expectation | null;
  /** Applies `seat`'s move; throws InvalidMove (and changes nothing) when it breaks the rules. */
  submit(seat: number, move: Move): void;
  /** Ends `seat` for a fault (it threw, moved invalidly, overran its budget); the negotiation ends without agreement. */
  fail(seat: number, reason: string): void;
  /** How it ended, or null while it runs. */
  outcome(): SessionOutcome | null;
}

export interface SessionOptions {
  space: OutcomeSpace;
  /** Every party's utility, in seat order: for the trace only (seats never see others' utilities). */
  utilities: readonly UtilityFunction[];
  deadline: Deadline;
  /** Read only when the deadline is in milliseconds. */
  clock?: Clock;
  /** Called with every trace event as it happens (e.g. to stream it from a worker). */
  onEvent?: (event: TraceEvent) => void;
  /** Keep the trace in memory (default true); tournaments that only need results turn it off. */
  keepTrace?: boolean;
}

/** Trace, time and ending shared by the protocols. */
export abstract class SessionBase {
  readonly trace: TraceEvent[] = [];
  protected readonly time: Timekeeper;
  protected readonly space: OutcomeSpace;
  protected readonly utilities: readonly UtilityFunction[];
  private readonly onEvent?: (event: TraceEvent) => void;
  private readonly keepTrace: boolean;
  private ended: SessionOutcome | null = null;
  private readonly faults: SeatFault[] = [];

  constructor(options: SessionOptions) {
    validateDeadline(options.deadline);
    this.space = options.space;
    this.utilities = options.utilities;
    this.time = new Timekeeper(options.deadline, options.clock ?? FROZEN_CLOCK);
    this.onEvent = options.onEvent;
    this.keepTrace = options.keepTrace ?? true;
  }

  get parties(): number {
    return this.utilities.length;
  }

  outcome(): SessionOutcome | null {
    return this.ended;
  }

  fail(seat: number, reason: string): void {
    if (this.ended) return;
    const { round, t, ms } = this.now();
    this.faults.push({ seat, reason });
    this.emit(stamp({ round, t, seat, action: "fault", reason }, ms));
    this.finish("fault", null, round + 1, t);
  }

  /** Round and time of the move about to be made. */
  protected abstract now(): { round: number; t: number; ms?: number };

  protected emit(event: TraceEvent): void {
    if (this.keepTrace) this.trace.push(event);
    this.onEvent?.(event);
  }

  /** An event carrying an outcome and every party's utility of it. */
  protected withOffer(event: TraceEvent, offer: readonly number[]): TraceEvent {
    event.offer = offer;
    const utilities = new Array<number>(this.utilities.length);
    for (let p = 0; p < utilities.length; p++) utilities[p] = this.utilities[p].utility(offer);
    event.utilities = utilities;
    return event;
  }

  protected finish(endedBy: EndReason, agreement: Outcome | null, rounds: number, t: number): void {
    this.ended = { agreement, endedBy, rounds, t, errors: this.faults };
  }

  protected assertOpen(): void {
    if (this.ended) throw new InvalidMove("the negotiation is over");
  }

  /** A copy of a submitted outcome, checked against the space. */
  protected checkedOutcome(outcome: unknown): number[] {
    const reason = outcomeProblem(this.space, outcome);
    if (reason) throw new InvalidMove(reason);
    const o = outcome as ArrayLike<number>;
    const copy = new Array<number>(o.length);
    for (let i = 0; i < o.length; i++) copy[i] = o[i];
    return copy;
  }
}

/** Adds the elapsed milliseconds when the session is timed. */
export function stamp(event: TraceEvent, ms: number | undefined): TraceEvent {
  if (ms !== undefined) event.ms = ms;
  return event;
}

/** Why `outcome` is not an outcome of `space`, or null when it is one. */
export function outcomeProblem(space: OutcomeSpace, outcome: unknown): string | null {
  if (
    outcome === null ||
    typeof outcome !== "object" ||
    typeof (outcome as ArrayLike<number>).length !== "number"
  )
    return "the offer is not an outcome (expected one option index per issue)";
  const o = outcome as ArrayLike<number>;
  if (o.length !== space.issueCount) return `the offer has ${o.length} values for ${space.issueCount} issues`;
  for (let i = 0; i < o.length; i++) {
    const k = o[i];
    if (!Number.isInteger(k) || k < 0 || k >= space.cardinalities[i])
      return `the offer's value ${String(k)} for issue "${space.issues[i].name}" is not an option index in [0, ${space.cardinalities[i] - 1}]`;
  }
  return null;
}
