import { parentPort, workerData } from "node:worker_threads";
import { type AgentDefinition, builtinAgent, PreparedScenario } from "@parley/core";
import { type AgentSource, loadAgentModule } from "./agent-modules.js";
import type { FromWorker, ToWorker, WorkerSetup } from "./messages.js";
import { runJob } from "./run-job.js";
import { fromPlainScenario } from "./scenario-transfer.js";

// A tournament worker: loads the agents (user modules are imported here, in
// the worker), then runs batches of jobs and answers each with its results.
const setup = workerData as WorkerSetup;
const port = parentPort!;
const progress = new Int32Array(setup.progress);
const scenarios = setup.scenarios.map(fromPlainScenario);
const agents: AgentDefinition[] = await Promise.all(setup.agents.map(loadAgent));
// Compiled before "ready" (utilities and every party's bid index), so no job's budget pays for it.
const prepared = scenarios.map((s) => {
  const p = new PreparedScenario(s);
  for (let party = 0; party < s.parties.length; party++) p.bids(party);
  return p;
});

function loadAgent(source: AgentSource): Promise<AgentDefinition> {
  return "builtin" in source ? Promise.resolve(builtinAgent(source.builtin)) : loadAgentModule(source.module);
}

port.on("message", (message: ToWorker) => {
  const started = performance.now();
  const results = message.jobs.map((job, i) => {
    Atomics.store(progress, 0, message.seq);
    Atomics.store(progress, 1, i);
    return runJob(prepared[job.scenario], setup.analyses[job.scenario], agents, setup.settings, job);
  });
  const done: FromWorker = { type: "done", seq: message.seq, results, busyMs: performance.now() - started };
  port.postMessage(done);
});
port.postMessage({ type: "ready" } satisfies FromWorker);
