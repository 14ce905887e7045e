import type { JobResult, ScenarioAnalysis, TournamentSettings } from "@parley/core";
import type { AgentSource } from "./agent-modules.js";
import type { WorkerJob } from "./run-job.js";
import type { PlainScenario } from "./scenario-transfer.js";

/** Everything a tournament worker is started with. */
export interface WorkerSetup {
  scenarios: PlainScenario[];
  /** Per scenario, computed once in the main thread. */
  analyses: ScenarioAnalysis[];
  agents: AgentSource[];
  settings: TournamentSettings;
  /**
   * Int32Array[2] the worker updates before each job: the batch sequence
   * number and the job's position in it. The watchdog reads it without a
   * message round trip, so a stuck job is seen even while the worker's event loop is blocked.
   */
  progress: SharedArrayBuffer;
}

export type ToWorker = { type: "batch"; seq: number; jobs: WorkerJob[] };

export type FromWorker =
  | { type: "ready" }
  /** A finished batch: one result per job, and the milliseconds the worker spent on it. */
  | { type: "done"; seq: number; results: JobResult[]; busyMs: number };
