import { type AgreementRule, everyone, membersOf, UNANIMITY, winningTest } from "../model/agreement-rule.js";
import type { Outcome, OutcomeSpace } from "../model/space.js";
import type { UtilityFunction } from "../model/utility.js";
import { FROZEN_CLOCK, type Moment, Timekeeper, validateDeadline } from "./timekeeper.js";
import type {
  Clock,
  Deadline,
  EndReason,
  Expectation,
  LogEntry,
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
 * A protocol as a step-driven state machine. `expected()` says whose move it
 * is and on what, and changes nothing; `advance()` applies the clock (ends
 * the session at its deadline); `submit()` applies a move. A synchronous
 * runner loops over it; a live room drives it from moves that arrive
 * asynchronously (see driveNegotiation). Every input is logged with its time:
 * replaying the log on the same setup rebuilds the session exactly.
 */
export interface Session {
  readonly protocol: ProtocolName;
  readonly parties: number;
  /** Every action so far (empty when the session was built with keepTrace: false). */
  readonly trace: readonly TraceEvent[];
  /** Every input applied so far (empty when built with keepLog: false). */
  readonly log: readonly LogEntry[];
  /**
   * The next expected move, or null once the negotiation is over or its
   * deadline has passed (`advance()` then records the end). Reads the clock, changes nothing.
   */
  expected(): Expectation | null;
  /** Applies the clock: at the deadline the session ends (with a deadline event). Returns `expected()`. */
  advance(): Expectation | null;
  /**
   * Applies `seat`'s move (after applying the clock: past the deadline the
   * session ends and the move is dropped); throws InvalidMove (and changes
   * nothing) when it breaks the rules.
   */
  submit(seat: number, move: Move): void;
  /** Ends `seat` for a fault (it threw, moved invalidly, overran its budget); the negotiation ends without agreement. */
  fail(seat: number, reason: string): void;
  /** How it ended, or null while it runs. */
  outcome(): SessionOutcome | null;
  /** The clock time (ms, on the session's clock) at which the deadline falls; null for a deadline in rounds only. */
  deadlineAt(): number | null;
}

export interface SessionOptions {
  space: OutcomeSpace;
  /** Every party's utility, in seat order: for the trace only (seats never see others' utilities). */
  utilities: readonly UtilityFunction[];
  deadline: Deadline;
  /** The clock the deadline is read from and log entries are timed on (default: one that never moves). */
  clock?: Clock;
  /** Called with every trace event as it happens (e.g. to stream it from a worker). */
  onEvent?: (event: TraceEvent) => void;
  /** Keep the trace in memory (default true); tournaments that only need results turn it off. */
  keepTrace?: boolean;
  /** Keep the move log (default: as keepTrace). */
  keepLog?: boolean;
  /** How a deal is made (default: unanimity). */
  rule?: AgreementRule;
}

/** Trace, log, time and ending shared by the protocols. */
export abstract class SessionBase {
  readonly trace: TraceEvent[] = [];
  readonly log: LogEntry[] = [];
  protected readonly time: Timekeeper;
  protected readonly space: OutcomeSpace;
  protected readonly utilities: readonly UtilityFunction[];
  private readonly clock: Clock;
  private readonly opened: number;
  /** Whether the clock matters: a millisecond deadline, or log entries with their time. Reading it costs on every step. */
  private readonly readsClock: boolean;
  private readonly onEvent?: (event: TraceEvent) => void;
  private readonly keepTrace: boolean;
  private readonly keepLog: boolean;
  private ended: SessionOutcome | null = null;
  private readonly faults: SeatFault[] = [];
  protected readonly rule: AgreementRule;
  /** Whether a coalition (bit mask of seats) passes a deal under the rule. */
  protected readonly wins: (coalition: number) => boolean;

  constructor(options: SessionOptions) {
    validateDeadline(options.deadline);
    this.space = options.space;
    this.utilities = options.utilities;
    this.time = new Timekeeper(options.deadline);
    this.clock = options.clock ?? FROZEN_CLOCK;
    this.opened = this.clock.now();
    this.onEvent = options.onEvent;
    this.keepTrace = options.keepTrace ?? true;
    this.keepLog = options.keepLog ?? this.keepTrace;
    this.readsClock = options.clock !== undefined && (options.deadline.timeMs !== undefined || this.keepLog);
    this.rule = options.rule ?? UNANIMITY;
    this.wins = winningTest(this.rule, options.utilities.length);
  }

  /** Mask of every seat. */
  protected get everyone(): number {
    return everyone(this.parties);
  }

  get parties(): number {
    return this.utilities.length;
  }

  outcome(): SessionOutcome | null {
    return this.ended;
  }

  deadlineAt(): number | null {
    const { timeMs } = this.time.deadline;
    return timeMs === undefined ? null : this.opened + timeMs;
  }

  expected(): Expectation | null {
    if (this.ended) return null;
    const now = this.now(this.elapsed());
    return now.t >= 1 ? null : this.expectedAt(now);
  }

  advance(): Expectation | null {
    if (this.ended) return null;
    const elapsed = this.elapsed();
    const now = this.now(elapsed);
    if (now.t < 1) return this.expectedAt(now);
    if (this.keepLog) this.log.push({ kind: "deadline", at: elapsed });
    this.endByDeadline(now);
    return null;
  }

  submit(seat: number, move: Move): void {
    if (this.ended) throw new InvalidMove("the negotiation is over");
    const elapsed = this.elapsed();
    const now = this.now(elapsed);
    if (now.t >= 1) {
      if (this.keepLog) this.log.push({ kind: "deadline", at: elapsed });
      this.endByDeadline(now);
      return;
    }
    const copy = this.apply(seat, move, now);
    if (this.keepLog)
      this.log.push({
        kind: "move",
        seat,
        move: copy ? ({ type: move.type, outcome: copy } as Move) : move,
        at: elapsed,
      });
  }

  fail(seat: number, reason: string): void {
    if (this.ended) return;
    const elapsed = this.elapsed();
    const { round, t, ms } = this.now(elapsed);
    if (this.keepLog) this.log.push({ kind: "fault", seat, reason, at: elapsed });
    this.faults.push({ seat, reason });
    this.emit(stamp({ round, t, seat, action: "fault", reason }, ms));
    this.finish("fault", null, round + 1, t);
  }

  /** Round and time of the move about to be made, `elapsedMs` after the session opened. */
  protected abstract now(elapsedMs: number): Moment;
  /** What the protocol expects at `now` (the session is open and before its deadline). */
  protected abstract expectedAt(now: Moment): Expectation;
  /**
   * Applies a move at `now`, or throws InvalidMove having changed nothing.
   * Returns the session's copy of the outcome the move carried, which the log keeps (the seat may reuse its array).
   */
  protected abstract apply(seat: number, move: Move, now: Moment): number[] | undefined;
  protected abstract endByDeadline(now: Moment): void;

  /** Milliseconds on the clock since the session opened (0 when neither the deadline nor the log needs the clock). */
  protected elapsed(): number {
    return this.readsClock ? this.clock.now() - this.opened : 0;
  }

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

  /**
   * Records the end. `coalition` (a mask) is the seats whose yes passed the
   * agreement; it is reported under a rule other than unanimity.
   */
  protected finish(
    endedBy: EndReason,
    agreement: Outcome | null,
    rounds: number,
    t: number,
    coalition?: number,
  ): void {
    this.ended = { agreement, endedBy, rounds, t, errors: this.faults };
    if (this.rule.kind !== "unanimity" && agreement !== null && coalition !== undefined)
      this.ended.coalition = membersOf(coalition, this.parties);
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
