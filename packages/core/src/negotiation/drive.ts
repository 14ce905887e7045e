import { faultReason, type Seat, type SeatView } from "./seats.js";
import type { Session } from "./session.js";
import type { Clock, SessionOutcome, Viewer, VisibleEvent } from "./types.js";
import { visibleEvent, visibleExpectation } from "./visibility.js";

/** The seats of a negotiation: `seats[i]` for party i, `seats[MEDIATOR]` for the mediator (mediated). */
export type Seats = { readonly [seat: number]: Seat };

/** Someone who watches without a seat (an observer, a host): hears what `viewer` may see. */
export interface Watcher {
  viewer: Viewer;
  inform(event: VisibleEvent): void | Promise<void>;
}

export interface DriveOptions {
  /**
   * The clock of move budgets and of the deadline timer (give the session's
   * own). Without one, moves are not timed and the deadline applies when a
   * move arrives.
   */
  clock?: Clock;
  /** A seat whose single move takes longer than this on `clock` is ended. */
  moveBudgetMs?: number;
  /** Called before every call into a seat (a move, an event), as runNegotiation's. */
  onSeatCall?: (seat: number, round: number) => void;
  /** Observers and hosts, told every event they may see. */
  watchers?: readonly Watcher[];
  /** Stops driving at the next step when aborted (an AbortSignal); the session stays as it is. */
  signal?: { readonly aborted: boolean };
  /** Where the deadline timer is set (default: the host's setTimeout, in browsers and Node alike). */
  timers?: Timers;
}

/** setTimeout and clearTimeout, which every JavaScript host has but the language does not define. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const hostTimers = globalThis as unknown as Timers;

/** Why the wait for a seat's move ended without one. */
type Timeout = { timeout: "deadline" | "budget" };

/**
 * Runs a session to its end from seats whose moves may arrive later: asks
 * the expected seat, waits, applies its move, then tells every seat (and
 * watcher) what it may see of what happened. The same rules as
 * runNegotiation: a seat that throws, moves invalidly, or overruns its
 * budget is ended; while a seat is thinking, the deadline still falls on
 * time (with a clock), and its late move is dropped.
 */
export async function driveNegotiation(
  session: Session,
  seats: Seats,
  options: DriveOptions = {},
): Promise<SessionOutcome | null> {
  const { clock, moveBudgetMs: budget, onSeatCall, signal } = options;
  if (budget !== undefined && !clock) throw new RangeError("moveBudgetMs needs a clock");
  // Who hears events: the seats that listen, then the watchers (whose errors are the host's own, and propagate).
  const listeners: { viewer: Viewer; inform: (event: VisibleEvent) => unknown; seat: boolean }[] = [];
  for (const [key, seat] of Object.entries(seats))
    if (seat.inform) listeners.push({ viewer: Number(key), inform: seat.inform.bind(seat), seat: true });
  for (const w of options.watchers ?? [])
    listeners.push({ viewer: w.viewer, inform: w.inform.bind(w), seat: false });
  // The next event to tell, and the next listener to tell it to.
  let told = 0;
  let next = 0;
  /** Tells every new event; synchronous until a listener returns a promise, then resumes after it. */
  const tell = (): Promise<void> | undefined => {
    for (; told < session.trace.length; told++, next = 0) {
      const event = session.trace[told];
      while (next < listeners.length) {
        const { viewer, inform, seat } = listeners[next++];
        const seen = visibleEvent(session.protocol, event, viewer);
        if (!seen) continue;
        const fault = (err: unknown) => {
          if (!seat) throw err;
          session.fail(viewer, faultReason(err));
        };
        if (seat) onSeatCall?.(viewer, event.round);
        try {
          const told = inform(seen);
          if (isThenable(told))
            return Promise.resolve(told).then(tell, (err) => {
              fault(err);
              return tell();
            });
        } catch (err) {
          fault(err);
        }
      }
    }
    return undefined;
  };
  for (;;) {
    if (signal?.aborted) break;
    const expected = session.advance();
    const telling = tell();
    if (telling) await telling;
    if (!expected || session.outcome()) break;
    const seat = expected.seat;
    const player = seats[seat];
    if (!player) throw new RangeError(`no seat ${seat} to ask for a move`);
    const view: SeatView = {
      protocol: session.protocol,
      parties: session.parties,
      seat,
      deadlineAt: session.deadlineAt(),
    };
    onSeatCall?.(seat, expected.state.round);
    const started = clock?.now() ?? 0;
    try {
      const answer = player.act(visibleExpectation(expected, seat), view);
      const move = isThenable(answer)
        ? await withTimeouts(
            Promise.resolve(answer),
            session,
            clock,
            budget === undefined ? null : started + budget,
            options.timers ?? hostTimers,
          )
        : answer;
      if ("timeout" in move) {
        if (move.timeout === "budget") session.fail(seat, overran(clock!.now() - started, budget!));
        else session.advance();
        continue;
      }
      if (budget !== undefined && clock!.now() - started > budget) {
        session.fail(seat, overran(clock!.now() - started, budget));
        continue;
      }
      session.submit(seat, move);
    } catch (err) {
      session.fail(seat, faultReason(err));
    }
  }
  const telling = tell();
  if (telling) await telling;
  return session.outcome();
}

function isThenable<T>(value: T | PromiseLike<T> | unknown): value is PromiseLike<T> {
  return typeof (value as PromiseLike<T> | null)?.then === "function";
}

function overran(took: number, budget: number): string {
  return `overran its time budget (${Math.round(took)} ms > ${budget} ms)`;
}

/**
 * The seat's move, or a timeout when the deadline (or the seat's budget, at
 * clock time `budgetAt`) falls first. Timers are set from the clock's
 * reading and re-armed until the clock really is there.
 */
function withTimeouts<T>(
  move: Promise<T>,
  session: Session,
  clock: Clock | undefined,
  budgetAt: number | null,
  timers: Timers,
): Promise<T | Timeout> {
  const deadlineAt = session.deadlineAt();
  if (!clock || (deadlineAt === null && budgetAt === null)) return move;
  return new Promise((resolve, reject) => {
    let timer: unknown;
    let done = false;
    const finish = (value: T | Timeout) => {
      if (done) return;
      done = true;
      timers.clearTimeout(timer);
      resolve(value);
    };
    const arm = () => {
      const now = clock.now();
      if (deadlineAt !== null && now >= deadlineAt) return finish({ timeout: "deadline" });
      if (budgetAt !== null && now > budgetAt) return finish({ timeout: "budget" });
      const next = Math.min(deadlineAt ?? Number.POSITIVE_INFINITY, budgetAt ?? Number.POSITIVE_INFINITY);
      timer = timers.setTimeout(arm, Math.max(1, next - now));
    };
    move.then(finish, (err) => {
      if (done) return;
      done = true;
      timers.clearTimeout(timer);
      reject(err);
    });
    arm();
  });
}
