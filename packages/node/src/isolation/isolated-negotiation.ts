import {
  InputError,
  type NegotiationResult,
  negotiationMetrics,
  negotiationResult,
  PreparedScenario,
  referenceAnalysis,
  type Scenario,
  type ScenarioAnalysis,
  type TraceEvent,
  toPlainScenario,
} from "@parley/core/engine";
import { refLabel } from "../agents/agent-ref.js";
import { DEFAULT_LOAD_TIMEOUT_MS, DEFAULT_MOVE_BUDGET_MS } from "./isolated-seat.js";
import type { FromNegotiation, IsolatedRequest, NegotiationWorkerData } from "./negotiation-messages.js";
import { refusalError } from "./refusal.js";
import { DEFAULT_WORKER_MEMORY_MB, startIsolatedWorker, WORKER_START_MS } from "./worker-thread.js";

export interface IsolatedOptions {
  /** Extra time past a move's budget before a stuck worker is stopped (default: max(250 ms, budget / 4)). */
  graceMs?: number;
  /** Heap limit of the worker (MB). */
  memoryMb?: number;
  /** Budget for loading the agents (default DEFAULT_LOAD_TIMEOUT_MS). */
  loadTimeoutMs?: number;
  /** Precomputed analysis for the metrics (computed when absent; null skips them). */
  analysis?: ScenarioAnalysis | null;
  /** Every trace event as the worker reports it. */
  onEvent?: (event: TraceEvent) => void;
}

/**
 * Runs one whole negotiation in a worker thread. Trace events stream back as
 * they happen. Every move has a wall-clock budget: a seat that overruns it,
 * is stuck (a synchronous loop cannot be pre-empted in its own thread), runs
 * the worker out of memory or calls process.exit() is ended with that
 * reason, and the result is finalised from the events received (no
 * agreement, as any faulty seat ends a negotiation). Agents that cannot be
 * loaded, or do not finish loading within the load budget, reject with
 * InputError naming the module.
 */
export function runIsolatedNegotiation(
  scenario: Scenario,
  request: IsolatedRequest,
  options: IsolatedOptions = {},
): Promise<NegotiationResult> {
  const moveBudgetMs = request.moveBudgetMs ?? request.timeMs ?? DEFAULT_MOVE_BUDGET_MS;
  const grace = options.graceMs ?? Math.max(250, moveBudgetMs / 4);
  const loadMs = options.loadTimeoutMs ?? DEFAULT_LOAD_TIMEOUT_MS;
  const prepared = new PreparedScenario(scenario);
  const analysis = options.analysis === undefined ? referenceAnalysis(scenario) : options.analysis;
  const data: NegotiationWorkerData = { scenario: toPlainScenario(scenario), request, moveBudgetMs };
  const isolated = startIsolatedWorker(
    "isolation/negotiation-worker.js",
    data,
    options.memoryMb ?? DEFAULT_WORKER_MEMORY_MB,
  );
  const trace: TraceEvent[] = [];
  let names = request.agents.map(refLabel);
  let loading = 0;
  let loaded = false;
  let started = performance.now();
  let calling = { seat: -1, round: 0 };
  let settled = false;
  return new Promise((done, fail) => {
    const settle = (outcome: () => NegotiationResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(watchdog);
      void isolated.stop("finished");
      try {
        done(outcome());
      } catch (err) {
        fail(err);
      }
    };
    const refuse = (err: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(watchdog);
      void isolated.stop("refused");
      fail(err);
    };
    /** The seat being called is ended with `reason`; the negotiation ends without agreement. */
    const abandon = (reason: string) =>
      settle(() => {
        const seat = calling.seat;
        const fault: TraceEvent = {
          round: calling.round,
          t: 1,
          ...(request.timeMs !== undefined ? { ms: performance.now() - started } : {}),
          seat,
          action: "fault",
          reason,
        };
        trace.push(fault);
        options.onEvent?.(fault);
        const ending = {
          agreement: null,
          endedBy: "fault" as const,
          rounds: calling.round + 1,
          t: 1,
          errors: seat >= 0 ? [{ seat, reason }] : [],
        };
        const protocol = request.protocol ?? "saop";
        const info = { protocol, agents: names, ...(request.mediator ? { mediator: request.mediator } : {}) };
        return negotiationResult(prepared, ending, info, trace, analysis);
      });
    // Starting the worker is not an agent's time: each agent's load budget starts when it starts loading.
    let watchdog = setTimeout(
      () => refuse(new InputError("negotiation", `its worker did not start within ${WORKER_START_MS} ms`)),
      WORKER_START_MS,
    );
    const watchLoad = (index: number) => {
      loading = index;
      clearTimeout(watchdog);
      watchdog = setTimeout(() => {
        const where = refLabel(request.agents[index]);
        refuse(refusalError({ where, reason: `did not finish loading within ${loadMs} ms` }));
      }, loadMs);
    };
    const watchMove = () => {
      clearTimeout(watchdog);
      watchdog = setTimeout(
        () => abandon(`did not return within its ${moveBudgetMs} ms move budget (its worker was stopped)`),
        moveBudgetMs + grace,
      );
    };
    isolated.worker.on("message", (message: FromNegotiation) => {
      switch (message.type) {
        case "loading":
          watchLoad(message.index);
          break;
        case "refused":
          refuse(refusalError(message.refusal));
          break;
        case "loaded":
          names = message.names;
          loaded = true;
          started = performance.now();
          watchMove();
          break;
        case "event":
          trace.push(message.event);
          options.onEvent?.(message.event);
          break;
        case "seat":
          calling = { seat: message.seat, round: message.round };
          watchMove();
          break;
        case "done":
          settle(() => ({
            ...message.result,
            trace,
            metrics: analysis ? negotiationMetrics(prepared.utilities, message.result, analysis) : null,
          }));
          break;
      }
    });
    void isolated.ended.then((end) => {
      if (end.kind === "stopped") return;
      if (loaded) {
        abandon(end.reason);
        return;
      }
      const where = refLabel(request.agents[loading]);
      refuse(refusalError({ where, reason: `ended its worker while loading: ${end.reason}` }));
    });
  });
}
