import type {
  Deadline,
  Expectation,
  Move,
  PlainScenario,
  ProtocolName,
  Scenario,
  Seat,
  VisibleEvent,
} from "@parley/core/engine";
import { toPlainScenario } from "@parley/core/engine";
import { type AgentRef, refLabel } from "../agents/agent-ref.js";
import { refusalError } from "./refusal.js";
import type { FromSeat, SeatWorkerData, ToSeat } from "./seat-messages.js";
import { DEFAULT_WORKER_MEMORY_MB, startIsolatedWorker, WORKER_START_MS } from "./worker-thread.js";

/** A move's wall-clock budget when none is given. */
export const DEFAULT_MOVE_BUDGET_MS = 2000;
/** How long an agent module may take to load (and its seat to initialise) when no limit is given. */
export const DEFAULT_LOAD_TIMEOUT_MS = 10_000;

export interface IsolatedSeatSetup {
  /** The scenario (a plain one is sent as is). */
  scenario: Scenario | PlainScenario;
  seat: number;
  protocol: ProtocolName;
  deadline: Deadline;
  /** The negotiation's seed: the seat draws from the generator runNegotiation would give it. */
  seed?: number | string;
  /** Wall-clock budget of one move (default DEFAULT_MOVE_BUDGET_MS). */
  moveBudgetMs?: number;
  /** Heap limit of the seat's worker (MB). */
  memoryMb?: number;
  /** Budget for loading the module and initialising the seat (default DEFAULT_LOAD_TIMEOUT_MS). */
  loadTimeoutMs?: number;
}

/** A seat's agent has been ended; `reason` completes "seat 2 (x) …". */
export class SeatFault extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = "SeatFault";
  }
}

/**
 * One seat whose agent runs in a worker thread of its own, moving at its own
 * pace: a Seat for driveNegotiation (or a live room), which asks it for moves
 * and tells it every event it may see.
 */
export interface IsolatedSeat extends Seat {
  /** The name the agent's definition gives. */
  readonly name: string;
  /** Why the seat was ended (it threw, overran its move budget, ran out of memory, exited), or null. */
  readonly fault: string | null;
  /** The move the seat makes; rejects with SeatFault once the seat is ended. */
  act(expectation: Expectation): Promise<Move>;
  /** Tells the seat an event it may see (it answers nothing; a seat stuck here fails its next act). */
  inform(event: VisibleEvent): void;
  /** Stops the worker. */
  close(): Promise<void>;
}

/**
 * Starts `ref`'s agent in its own worker and initialises it for `setup`.
 * Rejects with InputError naming the module when it cannot be loaded, is not
 * an agent, or does not finish loading within the load budget; a seat whose
 * init throws opens already ended (`fault`).
 */
export function openIsolatedSeat(ref: AgentRef, setup: IsolatedSeatSetup): Promise<IsolatedSeat> {
  const budget = setup.moveBudgetMs ?? DEFAULT_MOVE_BUDGET_MS;
  const scenario = "space" in setup.scenario ? toPlainScenario(setup.scenario) : setup.scenario;
  const data: SeatWorkerData = {
    ref,
    scenario,
    seat: setup.seat,
    protocol: setup.protocol,
    deadline: setup.deadline,
    seed: setup.seed ?? 0,
  };
  const isolated = startIsolatedWorker(
    "isolation/seat-worker.js",
    data,
    setup.memoryMb ?? DEFAULT_WORKER_MEMORY_MB,
  );
  let name = refLabel(ref);
  let fault: string | null = null;
  let nextId = 0;
  let waiting:
    | { id: number; resolve(move: Move): void; reject(err: Error): void; timer: NodeJS.Timeout }
    | undefined;
  const endSeat = (reason: string) => {
    if (fault === null) fault = reason;
    if (waiting) {
      clearTimeout(waiting.timer);
      waiting.reject(new SeatFault(fault));
      waiting = undefined;
    }
    void isolated.stop(reason);
  };
  const seat: IsolatedSeat = {
    get name() {
      return name;
    },
    get fault() {
      return fault;
    },
    act(expectation) {
      if (fault !== null) return Promise.reject(new SeatFault(fault));
      if (waiting) return Promise.reject(new Error("a seat is asked for one move at a time"));
      const id = nextId++;
      return new Promise<Move>((resolve, reject) => {
        const timer = setTimeout(
          () => endSeat(`did not return within its ${budget} ms move budget (its worker was stopped)`),
          budget,
        );
        waiting = { id, resolve, reject, timer };
        isolated.worker.postMessage({ type: "act", id, expectation } satisfies ToSeat);
      });
    },
    inform(event) {
      if (fault === null) isolated.worker.postMessage({ type: "inform", event } satisfies ToSeat);
    },
    close() {
      return isolated.stop("closed");
    },
  };
  void isolated.ended.then((end) => {
    if (end.kind !== "stopped") endSeat(end.reason);
  });
  return new Promise((resolve, reject) => {
    const loadMs = setup.loadTimeoutMs ?? DEFAULT_LOAD_TIMEOUT_MS;
    const refuse = (reason: string) => {
      void isolated.stop("refused");
      reject(refusalError({ where: refLabel(ref), reason }));
    };
    // Starting the worker is not the agent's time: its load budget starts when it starts loading.
    let loading = setTimeout(
      () => refuse(`its worker did not start within ${WORKER_START_MS} ms`),
      WORKER_START_MS,
    );
    void isolated.ended.then((end) => {
      clearTimeout(loading);
      if (end.kind !== "stopped")
        reject(
          refusalError({ where: refLabel(ref), reason: `ended its worker while loading: ${end.reason}` }),
        );
    });
    isolated.worker.on("message", (message: FromSeat) => {
      switch (message.type) {
        case "loading":
          clearTimeout(loading);
          loading = setTimeout(() => refuse(`did not finish loading within ${loadMs} ms`), loadMs);
          break;
        case "ready":
          clearTimeout(loading);
          name = message.name;
          if (message.fault) endSeat(message.fault);
          resolve(seat);
          break;
        case "refused":
          clearTimeout(loading);
          void isolated.stop("refused");
          reject(refusalError(message));
          break;
        case "move":
          if (waiting?.id === message.id) {
            clearTimeout(waiting.timer);
            const { resolve: done } = waiting;
            waiting = undefined;
            done(message.move);
          }
          break;
        case "fault":
          endSeat(message.reason);
          break;
      }
    });
  });
}
