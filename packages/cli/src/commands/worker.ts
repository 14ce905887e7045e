import { startQueueWorker } from "@parley/node";

export interface WorkerOptions {
  redis: string;
  db?: string;
  concurrency: number;
  lockMs: number;
}

/** `parley worker`: takes tournament jobs from the queue until SIGINT or SIGTERM, then finishes those under way. */
export async function runWorker(opts: WorkerOptions): Promise<void> {
  const worker = startQueueWorker({
    redis: opts.redis,
    db: opts.db,
    concurrency: opts.concurrency,
    lockMs: opts.lockMs,
    // Another queue in the same Redis (two deployments sharing one Redis, or tests).
    queue: process.env.PARLEY_QUEUE,
    prefix: process.env.PARLEY_QUEUE_PREFIX,
  });
  await worker.ready;
  process.stderr.write(
    `parley: worker taking tournament jobs from ${opts.redis} (concurrency ${opts.concurrency})\n`,
  );
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  process.stderr.write("parley: worker finishing the jobs under way\n");
  await worker.close();
  process.stderr.write(`parley: worker stopped after ${worker.batches} job(s)\n`);
}
