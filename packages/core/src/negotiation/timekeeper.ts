import { InputError } from "../errors.js";
import type { Clock, Deadline } from "./types.js";

/** A clock that never moves: round-limited negotiations need no time at all. */
export const FROZEN_CLOCK: Clock = { now: () => 0 };

/** Checks a deadline given by a user; names the field at fault. */
export function validateDeadline(deadline: Deadline): void {
  const { rounds, timeMs } = deadline;
  if (rounds === undefined && timeMs === undefined)
    throw new InputError("deadline", "needs rounds or timeMs");
  if (rounds !== undefined && (!Number.isInteger(rounds) || rounds < 1))
    throw new InputError("rounds", `must be a positive integer (got ${rounds})`);
  if (timeMs !== undefined && !(timeMs > 0 && Number.isFinite(timeMs)))
    throw new InputError("timeMs", `must be a positive number of milliseconds (got ${timeMs})`);
}

/**
 * Normalised time t ∈ [0, 1] of a session: the larger of the fraction of
 * rounds used and the fraction of milliseconds used (GENIUS semantics).
 * The session reads its clock once per step and passes the elapsed time in,
 * so every event of a step, and the step's log entry, share one reading.
 */
export class Timekeeper {
  /** One object for every reading: callers read its fields at once, and this runs several times per move. */
  private readonly moment: Moment = { round: 0, t: 0, ms: undefined };

  constructor(readonly deadline: Deadline) {}

  /**
   * Round `round` with t at fractional round `roundsUsed` (e.g. round +
   * turn/parties), and the elapsed ms when timed. The object is reused by the next call.
   */
  at(round: number, roundsUsed: number, elapsedMs: number): Moment {
    const { rounds, timeMs } = this.deadline;
    const m = this.moment;
    m.round = round;
    const t = rounds === undefined ? 0 : roundsUsed / rounds;
    if (timeMs === undefined) m.t = t < 1 ? t : 1;
    else {
      m.t = Math.min(1, Math.max(t, elapsedMs / timeMs));
      m.ms = elapsedMs;
    }
    return m;
  }
}

/** Where a session stands: round, normalised time and (when timed) elapsed ms. */
export interface Moment {
  round: number;
  t: number;
  ms?: number;
}
