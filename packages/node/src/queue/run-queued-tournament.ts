import { mkdirSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import type { TournamentPlan } from "@parley/core";
import { Queue, QueueEvents } from "bullmq";
import { PgTournamentStore } from "../store/pg-tournament-store.js";
import {
  outcomeOf,
  planRequest,
  TournamentAborted,
  type TournamentCallbacks,
  type TournamentOutcome,
  type TournamentRequest,
} from "../tournament/run-tournament.js";
import {
  type BatchData,
  DEFAULT_PREFIX,
  DEFAULT_QUEUE,
  type QueueLocation,
  reachRedis,
  redisConnection,
} from "./connection.js";
import { queuedSetup } from "./queue-setup.js";

export interface QueuedTournamentRequest extends Omit<TournamentRequest, "workers">, QueueLocation {
  /** postgres://… : the store the coordinator and the workers share. */
  db: string;
  /** Negotiations per queued job (default 200): fewer, bigger jobs cost less queue traffic. */
  batch?: number;
  /** How often the store's count is read for progress (default 250 ms). */
  pollMs?: number;
}

/**
 * runTournament over a queue: plans the tournament into PostgreSQL (with the
 * scenarios and agent modules, by content), enqueues its pending negotiations
 * on BullMQ in batches (job id: plan hash and batch number, so enqueueing
 * again adds nothing twice), waits while `parley worker` processes run them,
 * then scores and exports as a local run does. The same request resumes.
 */
export async function runQueuedTournament(
  request: QueuedTournamentRequest,
  callbacks: TournamentCallbacks = {},
): Promise<TournamentOutcome> {
  if (request.signal?.aborted) throw new TournamentAborted();
  const { scenarios, sources, plan, out } = await planRequest(request);
  mkdirSync(out, { recursive: true });
  const { budgetMs, workerMemoryMb } = request;
  const { setup, contents } = queuedSetup(plan, scenarios, sources, { budgetMs, workerMemoryMb });
  const connections = [redisConnection(request.redis), redisConnection(request.redis)];
  try {
    await reachRedis(connections[0], request.redis);
  } catch (err) {
    for (const c of connections) c.disconnect();
    throw err;
  }
  const store = await PgTournamentStore.open(request.db, plan, setup);
  const prefix = request.prefix ?? DEFAULT_PREFIX;
  const name = request.queue ?? DEFAULT_QUEUE;
  const queue = new Queue<BatchData>(name, { connection: connections[0], prefix });
  const events = new QueueEvents(name, { connection: connections[1], prefix });
  try {
    await store.tournaments.putContents(contents);
    const before = await store.counts();
    callbacks.onStart?.(plan, out, before);
    let ran: TournamentOutcome["ran"] = null;
    if (before.finished < before.planned) {
      const started = performance.now();
      const failure = watchFailures(events, plan);
      await events.waitUntilReady();
      await enqueue(queue, plan, new Set((await store.pendingJobs()).map((j) => j.id)), request);
      const stopped = aborted(request.signal);
      let counts = before;
      while (counts.finished < counts.planned) {
        await Promise.race([sleep(request.pollMs ?? 250), failure.promise, stopped]);
        counts = await store.counts();
        callbacks.onResults?.([], counts);
      }
      const seconds = (performance.now() - started) / 1000;
      ran = { negotiations: counts.finished - before.finished, seconds, workers: 0 };
    }
    const results = await store.results();
    return outcomeOf(out, plan, results, before, ran);
  } finally {
    await events.close();
    await queue.close();
    for (const c of connections) await c.quit();
    await store.close();
  }
}

/** Adds the batches (fixed slices of the plan) that hold a pending job; ids make a second add a no-op. */
async function enqueue(
  queue: Queue<BatchData>,
  plan: TournamentPlan,
  pending: ReadonlySet<string>,
  request: QueuedTournamentRequest,
): Promise<void> {
  const size = request.batch ?? 200;
  const adds = [];
  for (let start = 0; start < plan.jobs.length; start += size) {
    const jobs = plan.jobs.slice(start, start + size);
    if (!jobs.some((j) => pending.has(j.id))) continue;
    adds.push({
      name: "batch",
      data: { tournament: plan.hash, db: request.db, jobs },
      opts: {
        jobId: `${plan.hash}-${start / size}`,
        removeOnComplete: true,
        removeOnFail: { age: 24 * 3600 },
      },
    });
  }
  for (let i = 0; i < adds.length; i += 500) await queue.addBulk(adds.slice(i, i + 500));
}

/** Rejects when a batch of this tournament fails on a worker (an agent that cannot load there, a lost store). */
function watchFailures(events: QueueEvents, plan: TournamentPlan): { promise: Promise<never> } {
  const promise = new Promise<never>((_, reject) => {
    events.on("failed", ({ jobId, failedReason }) => {
      if (jobId.startsWith(`${plan.hash}-`)) reject(new Error(`a worker failed a batch: ${failedReason}`));
    });
  });
  promise.catch(() => {});
  return { promise };
}

function aborted(signal: AbortSignal | undefined): Promise<never> {
  const promise = new Promise<never>((_, reject) => {
    if (!signal) return;
    if (signal.aborted) reject(new TournamentAborted());
    signal.addEventListener("abort", () => reject(new TournamentAborted()), { once: true });
  });
  promise.catch(() => {});
  return promise;
}
