import type { JobResult, ScenarioAnalysis, TournamentSettings } from "@parley/core";
import type { PlainScenario } from "@parley/core/engine";
import type { AgentSource } from "./agent-modules.js";
import type { WorkerJob } from "./run-job.js";

/** What a tournament worker needs to run jobs, sent once after it starts. */
export interface WorkerSetup {
  scenarios: PlainScenario[];
  /** Per scenario, computed once in the main thread. */
  analyses: ScenarioAnalysis[];
  agents: AgentSource[];
  settings: TournamentSettings;
}

/**
 * The worker's workerData: an Int32Array[3] it updates as it goes: the batch
 * sequence number and the job's position in it (before each job), and the
 * seat being called (before each call into a seat; -1 outside them). The
 * watchdog reads it without a message round trip, so a stuck job, and the
 * seat stuck in it, are seen even while the worker's event loop is blocked.
 */
export interface WorkerData {
  progress: SharedArrayBuffer;
}

export type ToWorker =
  | { type: "setup"; setup: WorkerSetup }
  | { type: "batch"; seq: number; jobs: WorkerJob[] };

export type FromWorker =
  /** Set up: agents loaded, scenarios compiled. */
  | { type: "ready" }
  /** A finished batch: one result per job, and the milliseconds the worker spent on it. */
  | { type: "done"; seq: number; results: JobResult[]; busyMs: number };
