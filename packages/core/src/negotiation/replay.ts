import { MediatedSession } from "./mediated.js";
import { SaopSession } from "./saop.js";
import type { Session, SessionOptions } from "./session.js";
import { type Clock, type LogEntry, ManualClock, type ProtocolName, type Settled } from "./types.js";

/** Everything a session is built from: the protocol, plan, utilities, deadline and (mediated) the settled points. */
export interface SessionSetup extends SessionOptions {
  protocol: ProtocolName;
  /** Mediated: points settled from the start. */
  settled?: Settled;
}

/** A session of the setup's protocol. */
export function openSession(setup: SessionSetup): Session {
  return setup.protocol === "mediated" ? new MediatedSession(setup) : new SaopSession(setup);
}

/** A clock a replay can set: a ManualClock, or one a server resumes on wall time afterwards. */
export interface SettableClock extends Clock {
  set(ms: number): void;
}

/**
 * Rebuilds a session from its log: the same setup, each input applied with
 * `clock` set to where the input found it (log times count from 0, when the
 * session opened). The trace, log and outcome are those of the original. The
 * session keeps `clock` (default: a ManualClock, left at the last input's time).
 */
export function replay(
  setup: SessionSetup,
  log: readonly LogEntry[],
  clock: SettableClock = new ManualClock(0),
): Session {
  clock.set(0);
  const session = openSession({ ...setup, clock });
  for (const entry of log) {
    clock.set(entry.at);
    if (entry.kind === "move") session.submit(entry.seat, entry.move);
    else if (entry.kind === "fault") session.fail(entry.seat, entry.reason);
    else session.advance();
  }
  return session;
}
