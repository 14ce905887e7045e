import { setTimeout as sleep } from "node:timers/promises";
import { parentPort, workerData } from "node:worker_threads";
import {
  type AgentDefinition,
  fromPlainScenario,
  type JobResult,
  PreparedScenario,
  referenceAnalysis,
  type Scenario,
  type ScenarioAnalysis,
} from "@parley/core/engine";
import { refLabel, runsUnsandboxed } from "../agents/agent-ref.js";
import { loadAgent } from "../agents/load-agent.js";
import { refusalOf } from "../isolation/refusal.js";
import { catchLateFaults, guardAgent, type LateFault } from "../isolation/seat-guard.js";
import {
  BATCH,
  type FromWorker,
  LOADING,
  POSITION,
  SEAT,
  type ToWorker,
  type WorkerData,
  type WorkerSetup,
} from "./messages.js";
import { runJob, type WorkerJob } from "./run-job.js";

// A tournament worker: told the scenarios and agents once (agent modules are
// loaded here, in the worker), then runs batches of jobs and answers each with its results.
const port = parentPort!;
const progress = new Int32Array((workerData as WorkerData).progress);
let setup: WorkerSetup;
let agents: AgentDefinition[];
let prepared: PreparedScenario[];
let analyses: ScenarioAnalysis[];
let currentJob: string | undefined;
const late: LateFault[] = [];
let hasModules = false;
let work = Promise.resolve();

port.on("message", (message: ToWorker) => {
  if (message.type === "setup") void start(message.setup);
  else work = work.then(() => runBatch(message.seq, message.jobs));
});

async function start(given: WorkerSetup): Promise<void> {
  setup = given;
  const scenarios = setup.scenarios.map(fromPlainScenario);
  const scenarioOf = new Map<unknown, Scenario>(scenarios.map((s) => [s.space, s]));
  catchLateFaults(
    setup.agents.map((a) => ("module" in a ? a.module : undefined)),
    (fault) => late.push(fault),
  );
  hasModules = setup.agents.some((a) => "module" in a);
  agents = [];
  for (const [agent, source] of setup.agents.entries()) {
    Atomics.store(progress, LOADING, agent);
    try {
      const def = await loadAgent(source, { callMs: setup.sandboxCallMs });
      agents.push(
        runsUnsandboxed(source)
          ? guardAgent(def, { agent, scenarioOf: (space) => scenarioOf.get(space)!, job: () => currentJob })
          : def,
      );
    } catch (err) {
      port.postMessage({ type: "refused", refusal: refusalOf(err, refLabel(source)) } satisfies FromWorker);
      return;
    }
  }
  Atomics.store(progress, LOADING, -1);
  // Compiled before "ready" (utilities and every party's bid index), so no job's budget pays for it.
  prepared = scenarios.map((scenario) => {
    const p = new PreparedScenario(scenario);
    for (let party = 0; party < scenario.parties.length; party++) p.bids(party);
    return p;
  });
  analyses = setup.analyses ?? scenarios.map((s) => referenceAnalysis(s));
  port.postMessage({ type: "ready" } satisfies FromWorker);
}

const onSeatCall = (seat: number): void => {
  Atomics.store(progress, SEAT, seat);
};

async function runBatch(seq: number, jobs: WorkerJob[]): Promise<void> {
  const started = performance.now();
  const results = jobs.map((job, i) => {
    Atomics.store(progress, BATCH, seq);
    Atomics.store(progress, POSITION, i);
    Atomics.store(progress, SEAT, -1);
    currentJob = job.id;
    return runJob(prepared[job.scenario], analyses[job.scenario], agents, setup.settings, job, onSeatCall);
  });
  currentJob = undefined;
  Atomics.store(progress, SEAT, -1);
  const busyMs = performance.now() - started;
  // Errors agent modules scheduled (timers, promises) surface now, charged to the job that scheduled them.
  if (hasModules) await sleep(0);
  chargeLateFaults(jobs, results);
  port.postMessage({ type: "done", seq, results, busyMs } satisfies FromWorker);
}

/** A late error fails the job whose seat scheduled it, if it is in this batch; else its agent is told to the pool. */
function chargeLateFaults(jobs: WorkerJob[], results: JobResult[]): void {
  for (const fault of late.splice(0)) {
    const at = fault.context?.job === undefined ? -1 : jobs.findIndex((j) => j.id === fault.context!.job);
    const agent = fault.context?.agent ?? fault.agent;
    if (at < 0) {
      if (agent !== undefined)
        port.postMessage({ type: "late", agent, reason: fault.reason } satisfies FromWorker);
      continue;
    }
    const seat = fault.context!.seat;
    const result = results[at];
    const charge = `seat ${seat + 1} (${agents[fault.context!.agent].name}) ${fault.reason}`;
    results[at] = {
      ...result,
      status: "failed",
      reason: result.reason ? `${result.reason}; ${charge}` : charge,
      faultSeats: [...new Set([...(result.faultSeats ?? []), seat])],
    };
  }
}
