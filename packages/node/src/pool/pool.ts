import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { JobResult, TournamentJob } from "@parley/core";
import type { FromWorker, ToWorker, WorkerData, WorkerSetup } from "./messages.js";
import type { WorkerJob } from "./run-job.js";

export interface PoolOptions {
  /** Worker threads (default: one per core). */
  workers?: number;
  /** Wall-clock budget of one negotiation; a worker stuck past it is terminated and replaced. */
  budgetMs: number;
  /** Old-generation heap limit of each worker (MB); a worker that exceeds it dies, its job fails. */
  memoryMb: number;
}

/** Aim for batches of about this many milliseconds of work: few messages, quick watchdog bookkeeping. */
const TARGET_BATCH_MS = 20;
const MAX_BATCH = 1000;
/** Batches queued per worker, so a worker never waits for the next one. */
const BATCHES_AHEAD = 2;

interface Slot {
  worker: Worker;
  /** Int32Array[3]: batch, position and seat the worker is running (see WorkerData). */
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

interface Run {
  queue: WorkerJob[];
  remaining: number;
  onResults(results: JobResult[]): void;
  resolve(): void;
  reject(err: Error): void;
}

/**
 * Worker threads that run tournament jobs. Workers start (and load their
 * code) as soon as the pool is made, so that overlaps the caller's own
 * preparation; `run` gives them the scenarios and agents, then the jobs.
 */
export class WorkerPool {
  private readonly slots = new Set<Slot>();
  private readonly size: number;
  private setup: WorkerSetup | undefined;
  private run: Run | undefined;
  private nextSeq = 0;
  /** Estimated milliseconds per job (moving average over finished batches). */
  private jobMs = 0;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  /** A worker that failed to start before a run was there to fail. */
  private startError: Error | undefined;

  constructor(private readonly options: PoolOptions) {
    this.size = Math.max(1, options.workers ?? availableParallelism());
    for (let i = 0; i < this.size; i++) this.spawn();
  }

  /**
   * Runs `jobs` (once per pool); resolves when every job has a result (ok or
   * failed), each passed to `onResults` as it arrives, in batches.
   */
  runJobs(
    jobs: readonly TournamentJob[],
    setup: WorkerSetup,
    onResults: (results: JobResult[]) => void,
  ): Promise<void> {
    if (this.startError) return Promise.reject(this.startError);
    if (this.run !== undefined || this.closed) throw new Error("a worker pool runs its jobs once");
    return new Promise((resolve, reject) => {
      const queue = jobs.map(({ id, scenario, lineup, seed }) => ({ id, scenario, lineup, seed }));
      this.run = { queue, remaining: jobs.length, onResults, resolve, reject };
      if (jobs.length === 0) return this.finish();
      this.setup = setup;
      for (const slot of this.slots) slot.worker.postMessage({ type: "setup", setup } satisfies ToWorker);
      const tick = Math.max(5, Math.min(100, this.options.budgetMs / 5));
      this.timer = setInterval(() => this.watch(), tick);
    });
  }

  /** Stops every worker. */
  close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    const stopping = [...this.slots].map((slot) => {
      slot.gone = true;
      return slot.worker.terminate();
    });
    this.slots.clear();
    return Promise.all(stopping).then(() => undefined);
  }

  private spawn(): void {
    const progressBuffer = new SharedArrayBuffer(12);
    const progress = new Int32Array(progressBuffer);
    progress.fill(-1);
    const worker = new Worker(new URL("./worker.js", import.meta.url), {
      workerData: { progress: progressBuffer } satisfies WorkerData,
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
    if (this.setup) worker.postMessage({ type: "setup", setup: this.setup } satisfies ToWorker);
    worker.on("message", (m: FromWorker) => this.onMessage(slot, m));
    worker.on("error", (err: Error & { code?: string }) => {
      if (!slot.ready) {
        this.fail(new Error(`a tournament worker could not start: ${err.message}`));
        return;
      }
      const reason =
        err.code === "ERR_WORKER_OUT_OF_MEMORY"
          ? `ran out of memory (worker heap limit ${this.options.memoryMb} MB)`
          : `crashed its worker: ${err.message}`;
      this.lose(slot, reason);
    });
    worker.on("exit", (code) => {
      // Replacing a worker that cannot even start would only loop.
      if (!slot.ready && !slot.gone)
        this.fail(new Error(`a tournament worker exited (code ${code}) before it was ready`));
      else this.lose(slot, `ended its worker (exit code ${code})`);
    });
  }

  private onMessage(slot: Slot, message: FromWorker): void {
    if (slot.gone || this.closed) return;
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
    const run = this.run;
    if (run === undefined) return;
    while (slot.ready && !slot.gone && slot.batches.size < BATCHES_AHEAD && run.queue.length > 0) {
      const jobs = run.queue.splice(0, this.batchSize(run.queue.length));
      const seq = this.nextSeq++;
      if (slot.batches.size === 0) slot.since = performance.now();
      slot.batches.set(seq, jobs);
      slot.worker.postMessage({ type: "batch", seq, jobs } satisfies ToWorker);
    }
  }

  /** About TARGET_BATCH_MS of work, and small enough near the end that every worker gets a share. */
  private batchSize(queued: number): number {
    const byTime = this.jobMs === 0 ? 4 : Math.floor(TARGET_BATCH_MS / this.jobMs);
    const fair = Math.ceil(queued / (this.size * BATCHES_AHEAD));
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
   * A worker is lost: the job it was running fails, charged to the seat that
   * was being called when it is known, with `what` happened; the other jobs it
   * held (finished but unreported, or not started) go back in the queue; a
   * new worker takes its place.
   */
  private lose(slot: Slot, what: string): void {
    if (this.closed || slot.gone) return;
    slot.gone = true;
    this.slots.delete(slot);
    void slot.worker.terminate();
    const current = this.currentJob(slot);
    const seat = Atomics.load(slot.progress, 2);
    const run = this.run;
    if (run)
      for (const jobs of slot.batches.values())
        for (const job of jobs) if (job !== current) run.queue.push(job);
    slot.batches.clear();
    this.spawn();
    if (current) this.deliver([this.failure(current, seat, what)]);
  }

  private failure(job: WorkerJob, seat: number, what: string): JobResult {
    if (seat < 0 || seat >= job.lineup.length)
      return { jobId: job.id, status: "failed", reason: `the negotiation ${what}`, score: null };
    const agent = this.setup?.agents[job.lineup[seat]].name;
    const reason = `seat ${seat + 1} (${agent}) ${what}`;
    return { jobId: job.id, status: "failed", reason, faultSeats: [seat], score: null };
  }

  /** The job `slot` was running: the one its progress cell names, else the first it was given. */
  private currentJob(slot: Slot): WorkerJob | undefined {
    const batch = slot.batches.get(Atomics.load(slot.progress, 0));
    if (batch) return batch[Atomics.load(slot.progress, 1)];
    return slot.batches.values().next().value?.[0];
  }

  private deliver(results: JobResult[]): void {
    const run = this.run!;
    try {
      run.onResults(results);
    } catch (err) {
      this.fail(err as Error);
      return;
    }
    run.remaining -= results.length;
    if (run.remaining === 0) this.finish();
  }

  private finish(): void {
    const run = this.run!;
    void this.close().then(run.resolve);
  }

  private fail(err: Error): void {
    if (this.closed) return;
    if (this.run === undefined) {
      this.startError = err;
      void this.close();
      return;
    }
    const run = this.run;
    void this.close().then(() => run.reject(err));
  }
}
