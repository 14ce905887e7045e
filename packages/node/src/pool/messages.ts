import type { JobResult, ScenarioAnalysis, TournamentSettings } from "@parley/core";
import type { PlainScenario } from "@parley/core/engine";
import type { AgentSource } from "../agents/agent-ref.js";
import type { Refusal } from "../isolation/refusal.js";
import type { WorkerJob } from "./run-job.js";

/** What a tournament worker needs to run jobs, sent once after it starts. */
export interface WorkerSetup {
  scenarios: PlainScenario[];
  /** Per scenario, computed once in the main thread; absent: each worker computes them (off the caller's thread). */
  analyses?: ScenarioAnalysis[];
  agents: AgentSource[];
  settings: TournamentSettings;
  /** Longest one call into a sandboxed agent may run (ms): below the negotiation's budget, so the sandbox stops it, not the watchdog. */
  sandboxCallMs?: number;
}

/** Cells of the worker's progress array (see WorkerData). */
export const BATCH = 0;
export const POSITION = 1;
export const SEAT = 2;
export const LOADING = 3;

/**
 * The worker's workerData: an Int32Array[4] it updates as it goes: the batch
 * sequence number and the job's position in it (before each job), the seat
 * being called (before each call into a seat; -1 outside them), and the
 * agent being loaded (-1 once all are). The watchdog reads it without a
 * message round trip, so a stuck job, and the seat stuck in it, are seen even
 * while the worker's event loop is blocked.
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
  /** An agent module could not be loaded or is not an agent. */
  | { type: "refused"; refusal: Refusal }
  /** A finished batch: one result per job, and the milliseconds the worker spent on it. */
  | { type: "done"; seq: number; results: JobResult[]; busyMs: number }
  /** An agent threw later (a timer, a promise) on behalf of a job already reported. */
  | { type: "late"; agent: number; reason: string };
