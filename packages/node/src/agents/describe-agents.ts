import { builtinAgent } from "@parley/core/engine";
import { DEFAULT_LOAD_TIMEOUT_MS } from "../isolation/isolated-seat.js";
import { refusalError } from "../isolation/refusal.js";
import {
  DEFAULT_WORKER_MEMORY_MB,
  startIsolatedWorker,
  WORKER_START_MS,
} from "../isolation/worker-thread.js";
import { type AgentRef, refLabel } from "./agent-ref.js";
import type { FromDescribe } from "./describe-worker.js";

export interface AgentDescription {
  name: string;
  description: string;
}

/**
 * Each agent's name and description. Built-in agents are looked up here;
 * modules are loaded and checked in a worker thread, never in this one,
 * within `loadTimeoutMs` in all: a module that cannot be loaded, is not an
 * agent, exits or never finishes loading rejects with InputError naming it.
 */
export async function describeAgents(
  refs: readonly AgentRef[],
  options: { loadTimeoutMs?: number; memoryMb?: number } = {},
): Promise<AgentDescription[]> {
  const modules = refs.filter((r) => "module" in r);
  const loaded = modules.length > 0 ? await describeModules(modules, options) : [];
  let next = 0;
  return refs.map((ref) => {
    if ("module" in ref) return loaded[next++];
    const def = builtinAgent(ref.builtin);
    return { name: def.name, description: def.description };
  });
}

function describeModules(
  refs: readonly AgentRef[],
  options: { loadTimeoutMs?: number; memoryMb?: number },
): Promise<AgentDescription[]> {
  const budget = options.loadTimeoutMs ?? DEFAULT_LOAD_TIMEOUT_MS;
  const isolated = startIsolatedWorker(
    "agents/describe-worker.js",
    refs,
    options.memoryMb ?? DEFAULT_WORKER_MEMORY_MB,
  );
  let loading = 0;
  const where = () => refLabel(refs[loading]);
  let timer: NodeJS.Timeout | undefined;
  return new Promise<AgentDescription[]>((resolve, reject) => {
    // Starting the worker is not an agent's time: each module's budget starts when it starts loading.
    timer = setTimeout(
      () =>
        reject(
          refusalError({ where: where(), reason: `its worker did not start within ${WORKER_START_MS} ms` }),
        ),
      WORKER_START_MS,
    );
    const watch = (index: number) => {
      loading = index;
      clearTimeout(timer);
      timer = setTimeout(
        () => reject(refusalError({ where: where(), reason: `did not finish loading within ${budget} ms` })),
        budget,
      );
    };
    isolated.worker.on("message", (message: FromDescribe) => {
      if (message.type === "loading") watch(message.index);
      else if (message.type === "refused") reject(refusalError(message));
      else resolve(message.agents);
    });
    void isolated.ended.then((end) => {
      if (end.kind !== "stopped")
        reject(refusalError({ where: where(), reason: `ended its worker while loading: ${end.reason}` }));
    });
  }).finally(() => {
    clearTimeout(timer);
    void isolated.stop("done");
  });
}
