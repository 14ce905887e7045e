import { availableParallelism } from "node:os";
import type { Worker } from "node:worker_threads";
import type { JobResult, TournamentJob } from "@parley/core";
import { refLabel } from "../agents/agent-ref.js";
import { DEFAULT_LOAD_TIMEOUT_MS } from "../isolation/isolated-seat.js";
import { refusalError } from "../isolation/refusal.js";
import { type IsolatedWorker, startIsolatedWorker } from "../isolation/worker-thread.js";
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
import type { WorkerJob } from "./run-job.js";

export interface PoolOptions {
  /** Worker threads (default: one per core). */
  workers?: number;
  /** Wall-clock budget of one negotiation; a worker stuck past it is terminated and replaced. */
  budgetMs: number;
  /** Old-generation heap limit of each worker (MB); a worker that exceeds it dies, its job fails. */
  memoryMb: number;
  /** Budget for a worker to load the agents (default DEFAULT_LOAD_TIMEOUT_MS). */
  loadTimeoutMs?: number;
  /**
   * An agent charged with this many lost workers (memory, crashes, process.exit, budget overruns)
   * or late errors is retired: its remaining negotiations fail at once, charged to it (default 3).
   */
  retireAfter?: number;
}

/** The default of PoolOptions.retireAfter. */
export const DEFAULT_RETIRE_AFTER = 3;

/** Aim for batches of about this many milliseconds of work: few messages, quick watchdog bookkeeping. */
const TARGET_BATCH_MS = 20;
const MAX_BATCH = 1000;
/** Batches queued per worker, so a worker never waits for the next one. */
const BATCHES_AHEAD = 2;

interface Slot {
  isolated: IsolatedWorker;
  worker: Worker;
  /** Int32Array[4]: batch, position and seat the worker is running (see WorkerData). */
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
  /** Per agent: how many times it cost a worker or threw late, and the last reason. */
  private readonly charges = new Map<number, { count: number; last: string }>();
  /** Agents retired from the run, with the reason their remaining negotiations fail. */
  private readonly retired = new Map<number, string>();

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
      for (const slot of this.slots) this.startSetup(slot);
      const tick = Math.max(5, Math.min(100, this.options.budgetMs / 5));
      this.timer = setInterval(() => this.watch(), tick);
    });
  }

  /** Stops the run: its promise rejects with `reason` once every worker is stopped. */
  abort(reason: Error): void {
    this.fail(reason);
  }

  /** Stops every worker. */
  close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    const stopping = [...this.slots].map((slot) => {
      slot.gone = true;
      return slot.isolated.stop("closed");
    });
    this.slots.clear();
    return Promise.all(stopping).then(() => undefined);
  }

  private spawn(): void {
    const progressBuffer = new SharedArrayBuffer(16);
    const progress = new Int32Array(progressBuffer);
    progress.fill(-1);
    const isolated = startIsolatedWorker(
      "pool/worker.js",
      { progress: progressBuffer } satisfies WorkerData,
      this.options.memoryMb,
    );
    const { worker } = isolated;
    const slot: Slot = {
      isolated,
      worker,
      progress,
      ready: false,
      gone: false,
      batches: new Map(),
      lastSeen: "",
      since: 0,
    };
    this.slots.add(slot);
    if (this.setup) this.startSetup(slot);
    worker.on("message", (m: FromWorker) => this.onMessage(slot, m));
    void isolated.ended.then((end) => {
      if (slot.gone || this.closed) return;
      // Replacing a worker that cannot even start would only loop.
      if (!slot.ready) {
        const agent = Atomics.load(progress, LOADING);
        const source = this.setup?.agents[agent];
        if (source)
          this.fail(
            refusalError({
              where: refLabel(source),
              reason: `ended its worker while loading: ${end.reason}`,
            }),
          );
        else this.fail(new Error(`a tournament worker could not start: ${end.reason}`));
      } else this.lose(slot, end.reason);
    });
  }

  /**
   * Sends the setup, and fails the run naming an agent that has been loading
   * for longer than the load budget (starting the worker and compiling big
   * scenarios may take longer: that is no agent's fault).
   */
  private startSetup(slot: Slot): void {
    slot.worker.postMessage({ type: "setup", setup: this.setup! } satisfies ToWorker);
    const budget = this.options.loadTimeoutMs ?? DEFAULT_LOAD_TIMEOUT_MS;
    let loading = -1;
    let since = 0;
    const timer = setInterval(
      () => {
        if (slot.ready || slot.gone || this.closed) return clearInterval(timer);
        const now = Atomics.load(slot.progress, LOADING);
        if (now !== loading) {
          loading = now;
          since = performance.now();
        } else if (loading >= 0 && performance.now() - since > budget) {
          clearInterval(timer);
          const where = refLabel(this.setup!.agents[loading]);
          this.fail(refusalError({ where, reason: `did not finish loading within ${budget} ms` }));
        }
      },
      Math.min(250, budget / 4),
    );
    timer.unref();
  }

  private onMessage(slot: Slot, message: FromWorker): void {
    if (slot.gone || this.closed) return;
    if (message.type === "ready") {
      slot.ready = true;
      this.dispatch(slot);
      return;
    }
    if (message.type === "refused") {
      this.fail(refusalError(message.refusal));
      return;
    }
    if (message.type === "late") {
      this.charge(message.agent, message.reason);
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
      const seen = `${Atomics.load(slot.progress, BATCH)}:${Atomics.load(slot.progress, POSITION)}`;
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
    void slot.isolated.stop(what);
    const current = this.currentJob(slot);
    const seat = Atomics.load(slot.progress, SEAT);
    const run = this.run;
    if (run)
      for (const jobs of slot.batches.values())
        for (const job of jobs) if (job !== current) run.queue.push(job);
    slot.batches.clear();
    this.spawn();
    if (current) {
      this.deliver([this.failure(current, seat, what)]);
      if (seat >= 0 && seat < current.lineup.length) this.charge(current.lineup[seat], what);
    }
  }

  /** Counts a fault against `agent`; past retireAfter it is retired and its queued negotiations fail now. */
  private charge(agent: number, what: string): void {
    if (this.retired.has(agent) || this.run === undefined) return;
    const charged = this.charges.get(agent) ?? { count: 0, last: "" };
    charged.count++;
    charged.last = what;
    this.charges.set(agent, charged);
    if (charged.count < (this.options.retireAfter ?? DEFAULT_RETIRE_AFTER)) return;
    const reason = `was retired from the tournament after ${charged.count} faults (last: ${what})`;
    this.retired.set(agent, reason);
    const run = this.run;
    const theirs = run.queue.filter((job) => job.lineup.includes(agent));
    if (theirs.length === 0) return;
    run.queue = run.queue.filter((job) => !job.lineup.includes(agent));
    this.deliver(theirs.map((job) => this.retiredFailure(job)));
  }

  private retiredFailure(job: WorkerJob): JobResult {
    const seats = job.lineup.flatMap((a, seat) => (this.retired.has(a) ? [seat] : []));
    const reason = seats
      .map(
        (seat) =>
          `seat ${seat + 1} (${this.setup!.agents[job.lineup[seat]].name}) ${this.retired.get(job.lineup[seat])}`,
      )
      .join("; ");
    return { jobId: job.id, status: "failed", reason, faultSeats: seats, score: null };
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
    const batch = slot.batches.get(Atomics.load(slot.progress, BATCH));
    if (batch) return batch[Atomics.load(slot.progress, POSITION)];
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
