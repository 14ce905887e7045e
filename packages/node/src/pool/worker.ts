import { parentPort, workerData } from "node:worker_threads";
import { type AgentDefinition, builtinAgent, fromPlainScenario, PreparedScenario } from "@parley/core/engine";
import { type AgentSource, loadAgentModule } from "./agent-modules.js";
import type { FromWorker, ToWorker, WorkerData, WorkerSetup } from "./messages.js";
import { runJob } from "./run-job.js";

// A tournament worker: told the scenarios and agents once (user modules are
// imported here, in the worker), then runs batches of jobs and answers each with its results.
const port = parentPort!;
const progress = new Int32Array((workerData as WorkerData).progress);
let setup: WorkerSetup;
let agents: AgentDefinition[];
let prepared: PreparedScenario[];

port.on("message", (message: ToWorker) => {
  if (message.type === "setup") void start(message.setup);
  else runBatch(message.seq, message.jobs);
});

async function start(given: WorkerSetup): Promise<void> {
  setup = given;
  agents = await Promise.all(setup.agents.map(loadAgent));
  // Compiled before "ready" (utilities and every party's bid index), so no job's budget pays for it.
  prepared = setup.scenarios.map((plain) => {
    const p = new PreparedScenario(fromPlainScenario(plain));
    for (let party = 0; party < plain.parties.length; party++) p.bids(party);
    return p;
  });
  port.postMessage({ type: "ready" } satisfies FromWorker);
}

const onSeatCall = (seat: number): void => {
  Atomics.store(progress, 2, seat);
};

function loadAgent(source: AgentSource): Promise<AgentDefinition> {
  return "builtin" in source ? Promise.resolve(builtinAgent(source.builtin)) : loadAgentModule(source.module);
}

function runBatch(seq: number, jobs: Extract<ToWorker, { type: "batch" }>["jobs"]): void {
  const started = performance.now();
  const results = jobs.map((job, i) => {
    Atomics.store(progress, 0, seq);
    Atomics.store(progress, 1, i);
    Atomics.store(progress, 2, -1);
    return runJob(
      prepared[job.scenario],
      setup.analyses[job.scenario],
      agents,
      setup.settings,
      job,
      onSeatCall,
    );
  });
  Atomics.store(progress, 2, -1);
  port.postMessage({ type: "done", seq, results, busyMs: performance.now() - started } satisfies FromWorker);
}
