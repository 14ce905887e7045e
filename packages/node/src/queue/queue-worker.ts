import type { JobResult, TournamentJob } from "@parley/core";
import { type Job, Worker } from "bullmq";
import { WorkerPool } from "../pool/pool.js";
import { PgTournaments } from "../store/pg-tournament-store.js";
import {
  type BatchData,
  DEFAULT_PREFIX,
  DEFAULT_QUEUE,
  type QueueLocation,
  reachRedis,
  redisConnection,
} from "./connection.js";
import { type QueuedSetup, workerSetupOf } from "./queue-setup.js";

export interface QueueWorkerOptions extends QueueLocation {
  /** The store (default: the one each job names). */
  db?: string;
  /** Worker threads of the pool that runs the batches (default 1). */
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

/** A tournament this process works on: one open pool run, fed batch by batch. */
interface Tournament {
  pool: WorkerPool;
  /** The batch waiting for each job's result. */
  waiting: Map<string, Batch>;
  /** Rejects when the pool's run fails (an agent refused to load, say). */
  failed: Promise<never>;
}

interface Batch {
  left: number;
  writes: Promise<void>[];
  done(): void;
}

/**
 * Runs tournament batches from the queue on the local worker pool (so with
 * its isolation: worker threads, the watchdog, faults charged to the seat at
 * fault), one pool per tournament kept open across batches, writing results
 * to the store by job id. A batch whose worker process is killed goes back to
 * the queue (BullMQ's stalled jobs); the jobs of it that already have a
 * result are skipped when it runs again.
 */
export function startQueueWorker(options: QueueWorkerOptions): QueueWorker {
  const concurrency = options.concurrency ?? 1;
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
      t = openTournament(store, hash, concurrency, () => tournaments.delete(key));
      // A failed start is retried by the next batch rather than remembered.
      t.catch(() => tournaments.delete(key));
      tournaments.set(key, t);
    }
    return t;
  };
  let batches = 0;

  const runBatch = async (job: Job<BatchData>) => {
    const store = await storeAt(options.db ?? job.data.db);
    const { tournament, jobs } = job.data;
    const t = await tournamentOf(store, tournament);
    const done = await store.finishedAmong(
      tournament,
      jobs.map((j) => j.id),
    );
    const todo: TournamentJob[] = jobs.filter((j) => !done.has(j.id));
    if (todo.length > 0) {
      const writes: Promise<void>[] = [];
      await Promise.race([
        new Promise<void>((done) => {
          const batch = { left: todo.length, writes, done };
          for (const j of todo) t.waiting.set(j.id, batch);
          t.pool.add(todo);
        }),
        t.failed,
      ]);
      await Promise.all(writes);
    }
    batches++;
  };

  const lockDuration = options.lockMs ?? 30_000;
  const connection = redisConnection(options.redis);
  const worker = new Worker<BatchData>(options.queue ?? DEFAULT_QUEUE, runBatch, {
    connection,
    prefix: options.prefix ?? DEFAULT_PREFIX,
    // Two batches per thread, so the pool has the next batch while results of the last are written.
    concurrency: concurrency * 2,
    lockDuration,
    stalledInterval: lockDuration,
    // A batch may be orphaned by several killed workers in a row; its finished jobs are skipped each time.
    maxStalledCount: 100,
  });
  // Connection hiccups are retried by ioredis; a job's own error is recorded on the job.
  worker.on("error", () => {});
  return {
    ready: reachRedis(connection, options.redis).then(
      () => worker.waitUntilReady().then(() => undefined),
      (err: Error) => {
        // Nothing to finish: stop reconnecting so the process can end.
        connection.disconnect();
        void worker.close(true).catch(() => {});
        throw err;
      },
    ),
    get batches() {
      return batches;
    },
    async close() {
      await worker.close();
      connection.disconnect();
      for (const t of tournaments.values()) await (await t.catch(() => null))?.pool.close();
      for (const store of stores.values()) await (await store.catch(() => null))?.close();
    },
  };
}

/** Fetches a tournament's setup and starts its pool on an open run whose results go to the store. */
async function openTournament(
  store: PgTournaments,
  hash: string,
  workers: number,
  forget: () => void,
): Promise<Tournament> {
  const queued = await store.setup<QueuedSetup>(hash);
  const setup = await workerSetupOf(store, queued);
  const pool = new WorkerPool({ workers, budgetMs: queued.budgetMs, memoryMb: queued.workerMemoryMb });
  const waiting = new Map<string, Batch>();
  const run = pool.runJobs(
    [],
    setup,
    (results: JobResult[]) => {
      const write = store.record(hash, results);
      for (const r of results) {
        const batch = waiting.get(r.jobId);
        if (!batch) continue;
        waiting.delete(r.jobId);
        batch.writes.push(write);
        if (--batch.left === 0) batch.done();
      }
    },
    { open: true },
  );
  // The pool is spent once its run fails: the next batch starts another.
  const failed = run.then(
    () => new Promise<never>(() => {}),
    (err: Error) => {
      forget();
      throw err;
    },
  );
  failed.catch(() => {});
  return { pool, waiting, failed };
}
