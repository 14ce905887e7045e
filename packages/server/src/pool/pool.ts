import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { JobResult, TournamentJob } from "@parley/core";
import type { FromWorker, ToWorker, WorkerSetup } from "./messages.js";
import type { WorkerJob } from "./run-job.js";

export interface PoolOptions {
  /** Worker threads (default: one per core). */
  workers?: number;
  /** Wall-clock budget of one negotiation; a worker stuck past it is terminated and replaced. */
  budgetMs: number;
  /** Old-generation heap limit of each worker (MB); a worker that exceeds it dies, its job fails. */
  memoryMb: number;
  setup: Omit<WorkerSetup, "progress">;
  /** Results as they arrive (one call per finished batch or failure); store them here. */
  onResults(results: JobResult[]): void;
}

/** Aim for batches of about this many milliseconds of work: few messages, quick watchdog bookkeeping. */
const TARGET_BATCH_MS = 20;
const MAX_BATCH = 1000;
/** Batches queued per worker, so a worker never waits for the next one. */
const BATCHES_AHEAD = 2;

interface Slot {
  worker: Worker;
  progress: Int32Array;
  ready: boolean;
  /** Set once the pool has given up on this worker (terminated or died). */
  gone: boolean;
  /** Outstanding batches by sequence number, oldest first. */
  batches: Map<number, WorkerJob[]>;
  /** Last (batch, position) seen in `progress`, and since when. */
  lastSeen: string;
  since: number;
}

/** Runs `jobs` on worker threads; resolves once every job has a result (ok or failed). */
export function runPool(jobs: readonly TournamentJob[], options: PoolOptions): Promise<void> {
  return new Promise((resolve, reject) => new PoolRun(jobs, options, resolve, reject).start());
}

class PoolRun {
  private readonly queue: WorkerJob[];
  private remaining: number;
  private readonly slots = new Set<Slot>();
  private nextSeq = 0;
  /** Estimated milliseconds per job (moving average over finished batches). */
  private jobMs = 0;
  private timer: NodeJS.Timeout | undefined;
  private finished = false;
  private readonly workerCount: number;

  constructor(
    jobs: readonly TournamentJob[],
    private readonly options: PoolOptions,
    private readonly resolve: () => void,
    private readonly reject: (err: Error) => void,
  ) {
    this.queue = jobs.map(({ id, scenario, lineup, seed }) => ({ id, scenario, lineup, seed }));
    this.remaining = jobs.length;
    this.workerCount = Math.max(1, Math.min(options.workers ?? availableParallelism(), jobs.length));
  }

  start(): void {
    if (this.remaining === 0) {
      this.finish();
      return;
    }
    for (let i = 0; i < this.workerCount; i++) this.spawn();
    const tick = Math.max(5, Math.min(100, this.options.budgetMs / 5));
    this.timer = setInterval(() => this.watch(), tick);
  }

  private spawn(): void {
    const progressBuffer = new SharedArrayBuffer(8);
    const progress = new Int32Array(progressBuffer);
    progress[0] = -1;
    const worker = new Worker(new URL("./worker.js", import.meta.url), {
      workerData: { ...this.options.setup, progress: progressBuffer } satisfies WorkerSetup,
      resourceLimits: { maxOldGenerationSizeMb: this.options.memoryMb },
    });
    const slot: Slot = {
      worker,
      progress,
      ready: false,
      gone: false,
      batches: new Map(),
      lastSeen: "",
      since: 0,
    };
    this.slots.add(slot);
    worker.on("message", (m: FromWorker) => this.onMessage(slot, m));
    worker.on("error", (err: Error & { code?: string }) => {
      if (!slot.ready) return this.fail(new Error(`a tournament worker could not start: ${err.message}`));
      const reason =
        err.code === "ERR_WORKER_OUT_OF_MEMORY"
          ? `ran out of memory (worker heap limit ${this.options.memoryMb} MB)`
          : `the worker died: ${err.message}`;
      this.lose(slot, reason);
    });
    worker.on("exit", (code) => this.lose(slot, `the worker exited (code ${code})`));
  }

  private onMessage(slot: Slot, message: FromWorker): void {
    if (slot.gone || this.finished) return;
    if (message.type === "ready") {
      slot.ready = true;
      this.dispatch(slot);
      return;
    }
    if (!slot.batches.delete(message.seq)) return;
    const perJob = message.busyMs / Math.max(1, message.results.length);
    this.jobMs = this.jobMs === 0 ? perJob : 0.8 * this.jobMs + 0.2 * perJob;
    this.deliver(message.results);
    this.dispatch(slot);
  }

  /** Keeps `slot` supplied with up to BATCHES_AHEAD batches. */
  private dispatch(slot: Slot): void {
    while (slot.ready && !slot.gone && slot.batches.size < BATCHES_AHEAD && this.queue.length > 0) {
      const jobs = this.queue.splice(0, this.batchSize());
      const seq = this.nextSeq++;
      if (slot.batches.size === 0) slot.since = performance.now();
      slot.batches.set(seq, jobs);
      slot.worker.postMessage({ type: "batch", seq, jobs } satisfies ToWorker);
    }
  }

  /** About TARGET_BATCH_MS of work, and small enough near the end that every worker gets a share. */
  private batchSize(): number {
    const byTime = this.jobMs === 0 ? 4 : Math.floor(TARGET_BATCH_MS / this.jobMs);
    const fair = Math.ceil(this.queue.length / (this.workerCount * BATCHES_AHEAD));
    return Math.max(1, Math.min(byTime, fair, MAX_BATCH));
  }

  /** The watchdog: a worker whose current job has not changed for longer than the budget is stuck. */
  private watch(): void {
    const now = performance.now();
    for (const slot of this.slots) {
      if (!slot.ready || slot.gone || slot.batches.size === 0) continue;
      const seen = `${Atomics.load(slot.progress, 0)}:${Atomics.load(slot.progress, 1)}`;
      if (seen !== slot.lastSeen) {
        slot.lastSeen = seen;
        slot.since = now;
      } else if (now - slot.since > this.options.budgetMs) {
        this.lose(slot, `exceeded its wall-clock budget of ${this.options.budgetMs} ms (worker terminated)`);
      }
    }
  }

  /**
   * A worker is lost: the job it was running fails with `reason`; the other
   * jobs it held (finished but unreported, or not started) go back in the
   * queue; a new worker takes its place.
   */
  private lose(slot: Slot, reason: string): void {
    if (this.finished || slot.gone) return;
    slot.gone = true;
    this.slots.delete(slot);
    void slot.worker.terminate();
    const current = this.currentJob(slot);
    for (const jobs of slot.batches.values())
      for (const job of jobs) if (job !== current) this.queue.push(job);
    slot.batches.clear();
    if (current) this.deliver([{ jobId: current.id, status: "failed", reason, score: null }]);
    if (this.remaining > 0) this.spawn();
  }

  /** The job `slot` was running: the one its progress cell names, else the first it was given. */
  private currentJob(slot: Slot): WorkerJob | undefined {
    const batch = slot.batches.get(Atomics.load(slot.progress, 0));
    if (batch) return batch[Atomics.load(slot.progress, 1)];
    return slot.batches.values().next().value?.[0];
  }

  private deliver(results: JobResult[]): void {
    try {
      this.options.onResults(results);
    } catch (err) {
      this.fail(err as Error);
      return;
    }
    this.remaining -= results.length;
    if (this.remaining === 0) this.finish();
  }

  private finish(): void {
    this.stop();
    this.resolve();
  }

  private fail(err: Error): void {
    if (this.finished) return;
    this.stop();
    this.reject(err);
  }

  private stop(): void {
    this.finished = true;
    clearInterval(this.timer);
    for (const slot of this.slots) {
      slot.gone = true;
      void slot.worker.terminate();
    }
    this.slots.clear();
  }
}
