import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";

/** Default old-generation heap limit of a worker that runs agents (MB). */
export const DEFAULT_WORKER_MEMORY_MB = 256;

/** How long a worker may take to start (load Parley's own code) before any agent is loaded: a machine's fault, not an agent's. */
export const WORKER_START_MS = 30_000;

/** How a worker that runs agents ended, in words that complete "seat 2 (x) …". */
export interface WorkerEnd {
  kind: "memory" | "crash" | "exit" | "stopped";
  reason: string;
}

export interface IsolatedWorker {
  readonly worker: Worker;
  /** Settles once, when the worker is gone: how it ended. */
  readonly ended: Promise<WorkerEnd>;
  /** Terminates the worker; `ended` then reports `reason` as a "stopped" end. */
  stop(reason: string): Promise<void>;
}

/**
 * Starts one of this package's worker entry points (`name`, e.g.
 * "isolation/seat-worker.js") with a heap limit, and tells apart how it
 * ended: out of memory, an uncaught error, an agent's process.exit(), or
 * stopped by its owner (a watchdog). The one way every isolated agent runs.
 */
export function startIsolatedWorker(name: string, workerData: unknown, memoryMb: number): IsolatedWorker {
  const worker = new Worker(entryPoint(name), {
    workerData,
    resourceLimits: { maxOldGenerationSizeMb: memoryMb },
  });
  let end: WorkerEnd | undefined;
  let settle: (end: WorkerEnd) => void;
  const ended = new Promise<WorkerEnd>((resolve) => {
    settle = resolve;
  });
  worker.on("error", (err: Error & { code?: string }) => {
    end ??=
      err.code === "ERR_WORKER_OUT_OF_MEMORY"
        ? { kind: "memory", reason: `ran out of memory (worker heap limit ${memoryMb} MB)` }
        : { kind: "crash", reason: `crashed its worker: ${err.message}` };
  });
  worker.on("exit", (code) => {
    // Nobody stopped it and nothing was thrown: the code running in it called process.exit(),
    // or (code 13) Node ended it because a module's top-level await can never settle.
    end ??= {
      kind: "exit",
      reason:
        code === 13
          ? "never finished loading (a top-level await that never settles)"
          : `called process.exit(${code})`,
    };
    settle(end);
  });
  return {
    worker,
    ended,
    stop(reason) {
      end ??= { kind: "stopped", reason };
      return worker.terminate().then(() => undefined);
    },
  };
}

/**
 * This package's compiled worker file. Under a test runner this module may
 * run from src/, but a worker runs compiled code only: tests of the isolation
 * run dist/'s workers, so build before them (`npm run build`).
 */
function entryPoint(name: string): URL {
  const here = new URL(`../${name}`, import.meta.url);
  if (existsSync(fileURLToPath(here))) return here;
  return new URL(`../../dist/${name}`, import.meta.url);
}
