import type { JobResult, TournamentJob } from "@parley/core";
import { type Job, Worker } from "bullmq";
import type { WorkerSetup } from "../pool/messages.js";
import { WorkerPool } from "../pool/pool.js";
import { PgTournaments } from "../store/pg-tournament-store.js";
import {
  type BatchData,
  DEFAULT_PREFIX,
  DEFAULT_QUEUE,
  type QueueLocation,
  redisConnection,
} from "./connection.js";
import { type QueuedSetup, workerSetupOf } from "./queue-setup.js";

export interface QueueWorkerOptions extends QueueLocation {
  /** The store (default: the one each job names). */
  db?: string;
  /** Batches run at once, each on its own worker thread (default 1). */
  concurrency?: number;
  /** How long a batch's lock lasts without renewal: a killed worker's batch returns to the queue after about this (default 30 s). */
  lockMs?: number;
}

export interface QueueWorker {
  /** Resolves once the worker is connected and taking jobs. */
  ready: Promise<void>;
  /** Batches this process finished. */
  readonly batches: number;
  /** Finishes the batches under way, then stops. */
  close(): Promise<void>;
}

interface Tournament {
  queued: QueuedSetup;
  setup: WorkerSetup;
}

/**
 * Runs tournament batches from the queue, each on the local worker pool (so
 * with its isolation: worker threads, the watchdog, faults charged to the seat
 * at fault), writing results to the store by job id. A batch whose worker is
 * killed goes back to the queue (BullMQ's stalled jobs); the jobs of it that
 * already have a result are skipped when it runs again.
 */
export function startQueueWorker(options: QueueWorkerOptions): QueueWorker {
  const stores = new Map<string, Promise<PgTournaments>>();
  const tournaments = new Map<string, Promise<Tournament>>();
  const storeAt = (url: string) => {
    let store = stores.get(url);
    if (!store) stores.set(url, (store = PgTournaments.connect(url)));
    return store;
  };
  const tournamentOf = (store: PgTournaments, hash: string) => {
    const key = `${store.url} ${hash}`;
    let t = tournaments.get(key);
    if (!t) {
      t = (async () => {
        const queued = await store.setup<QueuedSetup>(hash);
        return { queued, setup: await workerSetupOf(store, queued) };
      })();
      // A failed fetch is retried by the next batch rather than remembered.
      t.catch(() => tournaments.delete(key));
      tournaments.set(key, t);
    }
    return t;
  };
  let batches = 0;

  const runBatch = async (job: Job<BatchData>) => {
    const store = await storeAt(options.db ?? job.data.db);
    const { tournament, jobs } = job.data;
    const { queued, setup } = await tournamentOf(store, tournament);
    const done = await store.finishedAmong(
      tournament,
      jobs.map((j) => j.id),
    );
    const todo: TournamentJob[] = jobs.filter((j) => !done.has(j.id));
    if (todo.length > 0) {
      const pool = new WorkerPool({ workers: 1, budgetMs: queued.budgetMs, memoryMb: queued.workerMemoryMb });
      const writes: Promise<void>[] = [];
      try {
        await pool.runJobs(todo, setup, (results: JobResult[]) => {
          writes.push(store.record(tournament, results));
        });
      } finally {
        await pool.close();
      }
      await Promise.all(writes);
    }
    batches++;
  };

  const lockDuration = options.lockMs ?? 30_000;
  const connection = redisConnection(options.redis);
  const worker = new Worker<BatchData>(options.queue ?? DEFAULT_QUEUE, runBatch, {
    connection,
    prefix: options.prefix ?? DEFAULT_PREFIX,
    concurrency: options.concurrency ?? 1,
    lockDuration,
    stalledInterval: lockDuration,
    // A batch may be orphaned by several killed workers in a row; its finished jobs are skipped each time.
    maxStalledCount: 100,
  });
  // Connection hiccups are retried by ioredis; a job's own error is recorded on the job.
  worker.on("error", () => {});
  return {
    ready: worker.waitUntilReady().then(() => undefined),
    get batches() {
      return batches;
    },
    async close() {
      await worker.close();
      await connection.quit();
      for (const store of stores.values()) await (await store.catch(() => null))?.close();
    },
  };
}
