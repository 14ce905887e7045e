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
  constructor(readonly deadline: Deadline) {}

  /**
   * Round `round` with t at fractional round `roundsUsed` (e.g. round +
   * turn/parties), and the elapsed ms when timed. One object: this runs on every move.
   */
  at(round: number, roundsUsed: number, elapsedMs: number): { round: number; t: number; ms?: number } {
    const { rounds, timeMs } = this.deadline;
    const t = rounds === undefined ? 0 : roundsUsed / rounds;
    if (timeMs === undefined) return { round, t: t < 1 ? t : 1 };
    return { round, t: Math.min(1, Math.max(t, elapsedMs / timeMs)), ms: elapsedMs };
  }
}
