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
 * Reads the clock only when the deadline is in milliseconds.
 */
export class Timekeeper {
  private readonly start: number;

  constructor(
    readonly deadline: Deadline,
    private readonly clock: Clock,
  ) {
    this.start = deadline.timeMs === undefined ? 0 : clock.now();
  }

  /** Milliseconds since the start, or undefined when the deadline is in rounds only. */
  elapsed(): number | undefined {
    return this.deadline.timeMs === undefined ? undefined : this.clock.now() - this.start;
  }

  /** t at fractional round `roundsUsed` (e.g. round + turn/parties), with the elapsed ms when timed. */
  at(roundsUsed: number): { t: number; ms?: number } {
    const { rounds, timeMs } = this.deadline;
    let t = rounds === undefined ? 0 : roundsUsed / rounds;
    const ms = this.elapsed();
    if (ms !== undefined && timeMs !== undefined) t = Math.max(t, ms / timeMs);
    return ms === undefined ? { t: Math.min(t, 1) } : { t: Math.min(t, 1), ms };
  }
}
