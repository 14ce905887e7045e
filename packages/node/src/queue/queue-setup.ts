import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { referenceAnalysis, type Scenario, type TournamentPlan, type TournamentSettings } from "@parley/core";
import { fromPlainScenario, type PlainScenario, toPlainScenario } from "@parley/core/engine";
import type { AgentSource } from "../agents/agent-ref.js";
import { moduleFingerprint } from "../agents/load-agent.js";
import type { WorkerSetup } from "../pool/messages.js";
import type { PgTournaments } from "../store/pg-tournament-store.js";

/** A tournament as workers on other machines need it: contents named by fingerprint, not by path. */
export interface QueuedSetup {
  scenarios: string[];
  agents: ({ name: string; builtin: string } | { name: string; module: string; ext: string })[];
  settings: TournamentSettings;
  budgetMs: number;
  workerMemoryMb: number;
}

/** The queued setup of a tournament, and the contents (scenario plain forms, module sources) it names. */
export function queuedSetup(
  plan: TournamentPlan,
  scenarios: readonly Scenario[],
  sources: readonly AgentSource[],
  limits: { budgetMs: number; workerMemoryMb: number },
): { setup: QueuedSetup; contents: Map<string, string> } {
  const contents = new Map<string, string>();
  const scenarioKeys = scenarios.map((s, i) => {
    const key = `scenario#${plan.spec.scenarios[i].fingerprint}`;
    contents.set(key, JSON.stringify(toPlainScenario(s)));
    return key;
  });
  const agents = sources.map((source) => {
    if (!("module" in source)) return { name: source.name, builtin: source.builtin };
    const key = moduleFingerprint(source.module);
    contents.set(key, readFileSync(source.module, "utf8"));
    return { name: source.name, module: key, ext: extname(source.module) || ".js" };
  });
  return {
    setup: { scenarios: scenarioKeys, agents, settings: plan.spec.settings, ...limits },
    contents,
  };
}

/**
 * Where a worker keeps the agent modules it fetched, one file per fingerprint:
 * inside this package, so a module's `import … from "@parley/core"` resolves as it did on the coordinator.
 */
const MODULES = fileURLToPath(new URL("../../.queue-modules/", import.meta.url));

/** The pool's setup of a queued tournament: scenarios fetched from the store, modules written to local files. */
export async function workerSetupOf(store: PgTournaments, queued: QueuedSetup): Promise<WorkerSetup> {
  const plains = await Promise.all(
    queued.scenarios.map(async (key) => JSON.parse(await store.content(key)) as PlainScenario),
  );
  const agents: AgentSource[] = [];
  for (const agent of queued.agents) {
    if ("builtin" in agent) agents.push(agent);
    else agents.push({ name: agent.name, module: await localModule(store, agent.module, agent.ext) });
  }
  return {
    scenarios: plains,
    analyses: plains.map((p) => referenceAnalysis(fromPlainScenario(p))),
    agents,
    settings: queued.settings,
  };
}

/** The module's file on this machine, fetched from the store the first time. */
async function localModule(store: PgTournaments, fingerprint: string, ext: string): Promise<string> {
  const path = join(MODULES, `${fingerprint.replace(/[^\w-]/g, "_")}${ext}`);
  if (existsSync(path)) return path;
  const source = await store.content(fingerprint);
  mkdirSync(MODULES, { recursive: true });
  // Written aside and renamed, so a concurrent worker never imports half a file.
  const partial = `${path}.${process.pid}.partial`;
  writeFileSync(partial, source);
  renameSync(partial, path);
  return path;
}
