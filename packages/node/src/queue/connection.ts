import { InputError } from "@parley/core";
import { Redis } from "ioredis";

/** Where tournament jobs wait: the queue's name and key prefix in Redis (tests use their own). */
export interface QueueLocation {
  /** redis://[user:password@]host[:port][/db] */
  redis: string;
  /** BullMQ queue name (default "parley-tournaments"). */
  queue?: string;
  /** BullMQ key prefix (default "parley"). */
  prefix?: string;
}

export const DEFAULT_QUEUE = "parley-tournaments";
export const DEFAULT_PREFIX = "parley";

/**
 * A new Redis client for a BullMQ queue, worker or listener (each needs its
 * own; BullMQ leaves a given client open, so its owner quits it). A malformed
 * URL is an input error naming --redis.
 */
export function redisConnection(url: string): Redis {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InputError("--redis", `${url} is not a URL (redis://HOST:PORT)`);
  }
  if (parsed.protocol !== "redis:") throw new InputError("--redis", `${url} is not a redis:// URL`);
  const client = new Redis({
    host: parsed.hostname || "127.0.0.1",
    port: parsed.port ? Number(parsed.port) : 6379,
    username: parsed.username || undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : undefined,
    // BullMQ's blocking commands need this (its workers wait on Redis indefinitely).
    maxRetriesPerRequest: null,
  });
  // ioredis reconnects by itself; an unreachable server is reported by reachRedis, not as an unhandled event.
  client.on("error", () => {});
  return client;
}

/** The data of one queued job: a batch of a tournament's planned negotiations. */
export interface BatchData {
  tournament: string;
  /** The store, for workers started without --db. */
  db: string;
  jobs: { id: string; index: number; scenario: number; lineup: number[]; rep: number; seed: number }[];
}

/** Resolves once Redis answers; an InputError naming `url` if it does not within `ms` (ioredis would retry forever). */
export async function reachRedis(client: Redis, url: string, ms = 5000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new InputError(url, `cannot be reached as Redis within ${ms} ms`)), ms);
  });
  try {
    await Promise.race([client.ping(), late]);
  } finally {
    clearTimeout(timer);
  }
}
