import { setTimeout as sleep } from "node:timers/promises";
import { parentPort, workerData } from "node:worker_threads";
import {
  type AgentDefinition,
  fromPlainScenario,
  InputError,
  PreparedScenario,
  runNegotiation,
} from "@parley/core/engine";
import { refLabel } from "../agents/agent-ref.js";
import { loadAgent } from "../agents/load-agent.js";
import type { FromNegotiation, NegotiationWorkerData } from "./negotiation-messages.js";
import { refusalOf } from "./refusal.js";
import { catchLateFaults, guardAgent, type LateFault } from "./seat-guard.js";

// Runs the negotiation runIsolatedNegotiation sent, streaming every trace event and whose move it is.
const { scenario: plain, request, moveBudgetMs } = workerData as NegotiationWorkerData;
const post = (message: FromNegotiation) => parentPort!.postMessage(message);
const modules = request.agents.map((ref) => ("module" in ref ? ref.module : undefined));
const late: LateFault[] = [];
catchLateFaults(modules, (fault) => late.push(fault));

await run();

async function run(): Promise<void> {
  const scenario = fromPlainScenario(plain);
  const agents: AgentDefinition[] = [];
  for (const [index, ref] of request.agents.entries()) {
    post({ type: "loading", index });
    try {
      const def = await loadAgent(ref);
      agents.push("module" in ref ? guardAgent(def, { agent: index, scenarioOf: () => scenario }) : def);
    } catch (err) {
      return post({ type: "refused", refusal: refusalOf(err, refLabel(ref)) });
    }
  }
  post({ type: "loaded", names: agents.map((a) => a.name) });
  try {
    const {
      trace: _trace,
      metrics: _metrics,
      ...result
    } = runNegotiation(new PreparedScenario(scenario), {
      ...request,
      agents,
      clock: { now: () => performance.now() },
      moveBudgetMs,
      analysis: null,
      keepTrace: false,
      onEvent: (event) => post({ type: "event", event }),
      onSeatCall: (seat, round) => post({ type: "seat", seat, round }),
    });
    // Errors an agent scheduled (timers, promises) surface now; each is charged to its seat.
    await sleep(0);
    for (const fault of late) {
      const seat = fault.context?.seat ?? fault.agent;
      if (seat !== undefined && seat >= 0 && !result.errors.some((e) => e.seat === seat))
        result.errors.push({ seat, agent: agents[seat].name, reason: fault.reason });
    }
    post({ type: "done", result });
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    post({ type: "refused", refusal: { where: err.where, reason: err.reason } });
  }
}
