import { parentPort, workerData } from "node:worker_threads";
import { InputError, readParleyScenario, runNegotiation } from "@parley/core";
import { type IsolatedRequest, resolveAgents, type WorkerMessage } from "./isolated-run.js";

/** Runs the negotiation runIsolated sent, streaming every trace event and whose move it is. */
const { scenario: text, request } = workerData as { scenario: string; request: IsolatedRequest };
const post = (message: WorkerMessage) => parentPort!.postMessage(message);

try {
  const scenario = readParleyScenario(text, "scenario");
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
