import { parentPort, workerData } from "node:worker_threads";
import { fromPlainScenario, InputError, type PlainScenario, runNegotiation } from "@parley/core/engine";
import { type IsolatedRequest, resolveAgents, type WorkerMessage } from "./isolated-run.js";

/** Runs the negotiation runIsolated sent, streaming every trace event and whose move it is. */
const { scenario: plain, request } = workerData as { scenario: PlainScenario; request: IsolatedRequest };
const post = (message: WorkerMessage) => parentPort!.postMessage(message);

try {
  const scenario = fromPlainScenario(plain);
  const agents = await resolveAgents(request.agents);
  const {
    trace: _trace,
    metrics: _metrics,
    ...result
  } = runNegotiation(scenario, {
    ...request,
    agents,
    clock: { now: () => performance.now() },
    analysis: null,
    keepTrace: false,
    onEvent: (event) => post({ type: "event", event }),
    onSeatCall: (seat, round) => post({ type: "seat", seat, round }),
  });
  post({ type: "done", result });
} catch (err) {
  if (!(err instanceof InputError)) throw err;
  post({ type: "error", message: err.message });
}
