import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { Move } from "@parley/core";
import { BUILTIN_AGENTS } from "@parley/core/catalog";
import { AgentFault, type AgentRunner, type AgentTurnRequest } from "./agents.js";

export interface WorkerAgentOptions {
  /** Operator's agent modules: name → path (loaded in the workers, never uploaded). */
  modules?: Record<string, string>;
  /** Longest a single move may take (default 2,000 ms); past it the agent's thread is stopped. */
  moveBudgetMs?: number;
  /** Heap limit of each agent thread (default 256 MB). */
  memoryMb?: number;
}

/** The compiled worker (beside this module when built; from dist when the tests run the sources). */
const here = new URL("./agent-worker.js", import.meta.url);
const WORKER = existsSync(fileURLToPath(here))
  ? here
  : new URL("../../dist/rooms/agent-worker.js", import.meta.url);

interface Pending {
  resolve(move: Move): void;
  reject(err: Error): void;
  timer: NodeJS.Timeout;
}

/** One thread per room with agent seats; a thread that overruns or dies faults the seat it was moving. */
export class WorkerAgents implements AgentRunner {
  private readonly threads = new Map<string, { worker: Worker; pending: Map<number, Pending> }>();
  private next = 0;
  private readonly modules: Record<string, string>;
  private readonly budget: number;
  private readonly memoryMb: number;

  constructor(options: WorkerAgentOptions = {}) {
    this.modules = options.modules ?? {};
    this.budget = options.moveBudgetMs ?? 2000;
    this.memoryMb = options.memoryMb ?? 256;
  }

  problem(agent: string): string | null {
    if (agent in this.modules || BUILTIN_AGENTS.some((a) => a.name === agent)) return null;
    const known = [...BUILTIN_AGENTS.map((a) => a.name), ...Object.keys(this.modules)];
    return `"${agent}" is not an agent of this server (${known.join(", ")})`;
  }

  move(request: AgentTurnRequest): Promise<Move> {
    const room = request.key.slice(0, request.key.indexOf("/") + 1);
    const thread = this.thread(room);
    const id = ++this.next;
    return new Promise<Move>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.stop(room, new AgentFault(`overran its time budget (${this.budget} ms)`));
      }, this.budget);
      thread.pending.set(id, { resolve, reject, timer });
      thread.worker.postMessage({ id, request });
    });
  }

  release(keyPrefix: string): void {
    const thread = this.threads.get(keyPrefix);
    if (!thread) return;
    this.threads.delete(keyPrefix);
    void thread.worker.terminate();
  }

  async close(): Promise<void> {
    await Promise.all(
      [...this.threads.keys()].map((room) => this.stop(room, new AgentFault("the server is stopping"))),
    );
  }

  private thread(room: string) {
    let thread = this.threads.get(room);
    if (thread) return thread;
    const worker = new Worker(WORKER, {
      workerData: { modules: this.modules },
      resourceLimits: { maxOldGenerationSizeMb: this.memoryMb },
    });
    const pending = new Map<number, Pending>();
    thread = { worker, pending };
    this.threads.set(room, thread);
    worker.on("message", (m: { id: number; move?: Move; error?: string }) => {
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      clearTimeout(p.timer);
      if (m.move) p.resolve(m.move);
      else p.reject(new AgentFault(m.error ?? "failed"));
    });
    const fail = (err: Error) => void this.stop(room, new AgentFault(`crashed: ${err.message}`));
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`its thread exited (${code})`)));
    worker.unref();
    return thread;
  }

  private async stop(room: string, fault: AgentFault): Promise<void> {
    const thread = this.threads.get(room);
    if (!thread) return;
    this.threads.delete(room);
    for (const p of thread.pending.values()) {
      clearTimeout(p.timer);
      p.reject(fault);
    }
    thread.pending.clear();
    await thread.worker.terminate();
  }
}
