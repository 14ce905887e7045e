import { randomBytes } from "node:crypto";
import { Queue } from "bullmq";
import pg from "pg";
import { redisConnection } from "../../src/queue/connection.js";

export const REDIS = "redis://127.0.0.1:6379";
const ADMIN = "postgres://root@127.0.0.1:5432/test";

/** A database and a queue of its own for one test: created now, removed by `drop()`. */
export interface QueueSandbox {
  db: string;
  queue: string;
  prefix: string;
  drop(): Promise<void>;
}

export async function sandbox(): Promise<QueueSandbox> {
  const id = randomBytes(6).toString("hex");
  const name = `parley_q_${id}`;
  await admin(`CREATE DATABASE ${name}`);
  const queue = `tournaments-${id}`;
  const prefix = `parley-test-${id}`;
  return {
    db: `postgres://root@127.0.0.1:5432/${name}`,
    queue,
    prefix,
    async drop() {
      const connection = redisConnection(REDIS);
      const q = new Queue(queue, { connection, prefix });
      await q.obliterate({ force: true });
      await q.close();
      // obliterate leaves the queue's bookkeeping keys (meta, events, id counters).
      const keys = await connection.keys(`${prefix}:*`);
      if (keys.length > 0) await connection.del(...keys);
      await connection.quit();
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
