import { writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join, resolve } from "node:path";
import {
  hash53,
  type JobResult,
  type Leaderboard,
  leaderboardCsv,
  planTournament,
  referenceAnalysis,
  resultsCsv,
  type Scenario,
  scenariosCsv,
  scoreTournament,
  summarizeLeaderboard,
  type TournamentPlan,
} from "@parley/core";
import { toPlainScenario } from "@parley/core/engine";
import type { AgentRef, AgentSource } from "../agents/agent-ref.js";
import { describeAgents } from "../agents/describe-agents.js";
import { moduleFingerprint } from "../agents/load-agent.js";
import { WorkerPool } from "../pool/pool.js";
import { TournamentStore } from "../store/tournament-store.js";

export interface TournamentRequest {
  /** The scenarios, or their loading under way (the workers start meanwhile). */
  scenarios: Scenario[] | Promise<Scenario[]>;
  agents: AgentRef[];
  reps: number;
  rounds: number;
  seed: string;
  /** Where the store and exports go (default: tournament-<plan hash> in the working directory). */
  out?: string;
  /** Worker threads (default: one per core). */
  workers?: number;
  /** Wall-clock budget of one negotiation. */
  budgetMs: number;
  /** Heap limit of each worker (MB). */
  workerMemoryMb: number;
  /** Budget for loading the agent modules. */
  loadTimeoutMs?: number;
  /** Faults (lost workers, late errors) after which an agent is retired. */
  retireAfter?: number;
  /** Stops the run when aborted (Ctrl-C, a cancelled job): what is stored stays, and the same request resumes. */
  signal?: AbortSignal;
  /**
   * Each worker computes the scenarios' reference analyses (frontier, solutions) instead of this
   * thread: a server's thread stays free for its other requests (the peace plan's takes about a
   * second), at the cost of one analysis per worker. The numbers are the same.
   */
  analyseInWorkers?: boolean;
}

/** How far a tournament is: planned negotiations, those with a result, and the failed among them. */
export interface TournamentCounts {
  planned: number;
  finished: number;
  failed: number;
}

export interface TournamentCallbacks {
  /** The plan and the store are ready; `counts` is what the store already held (a resumed run's head start). */
  onStart?(plan: TournamentPlan, out: string, counts: TournamentCounts): void;
  /** Results committed to the store, and the counts after them. */
  onResults?(results: readonly JobResult[], counts: TournamentCounts): void;
}

export interface TournamentOutcome {
  plan: TournamentPlan;
  board: Leaderboard;
  results: JobResult[];
  /** The directory of the store and the exports. */
  out: string;
  /** The exports written (CSV and JSON). */
  files: string[];
  /** What the store held before this run, when it held anything (the run resumed). */
  resumedFrom: TournamentCounts | null;
  /** The negotiations this run ran, when it ran any. */
  ran: { negotiations: number; seconds: number; workers: number } | null;
  /** Agents retired for failing again and again, with why. */
  retired: { agent: string; reason: string }[];
}

/**
 * Runs a tournament end to end: checks the agents (modules in a worker),
 * plans it, opens (and locks) its store, runs what the store lacks on a
 * worker pool, scores it and writes the exports. The same request resumes
 * from the store. Called alike by the CLI, a server and a queue worker.
 */
export async function runTournament(
  request: TournamentRequest,
  callbacks: TournamentCallbacks = {},
): Promise<TournamentOutcome> {
  const workers = request.workers ?? availableParallelism();
  // Workers start loading their code now, while this thread reads scenarios and checks agents.
  const pool = new WorkerPool({
    workers,
    budgetMs: request.budgetMs,
    memoryMb: request.workerMemoryMb,
    loadTimeoutMs: request.loadTimeoutMs,
    retireAfter: request.retireAfter,
  });
  const abort = () => pool.abort(new TournamentAborted());
  request.signal?.addEventListener("abort", abort, { once: true });
  try {
    if (request.signal?.aborted) throw new TournamentAborted();
    const { scenarios, sources, plan, out } = await planRequest(request);
    const store = TournamentStore.open(out, plan);
    try {
      const before = store.counts();
      callbacks.onStart?.(plan, out, before);
      const pending = store.pendingJobs();
      let ran: TournamentOutcome["ran"] = null;
      if (pending.length > 0) {
        const setup = {
          scenarios: scenarios.map(toPlainScenario),
          analyses: request.analyseInWorkers ? undefined : scenarios.map((s) => referenceAnalysis(s)),
          agents: sources,
          settings: plan.spec.settings,
        };
        const counts = { ...before };
        const started = performance.now();
        await pool.runJobs(pending, setup, (results) => {
          store.record(results);
          counts.finished += results.length;
          counts.failed += results.filter((r) => r.status === "failed").length;
          callbacks.onResults?.(results, counts);
        });
        ran = { negotiations: pending.length, seconds: (performance.now() - started) / 1000, workers };
      }
      const results = store.results();
      return outcomeOf(out, plan, results, before, ran);
    } finally {
      store.close();
    }
  } finally {
    request.signal?.removeEventListener("abort", abort);
    await pool.close();
  }
}

/** A request's scenarios (once loaded), agents (checked and named by their definitions), plan and output directory. */
export async function planRequest(
  request: Omit<TournamentRequest, "workers">,
): Promise<{ scenarios: Scenario[]; sources: AgentSource[]; plan: TournamentPlan; out: string }> {
  const [scenarios, described] = await Promise.all([
    request.scenarios,
    describeAgents(request.agents, {
      loadTimeoutMs: request.loadTimeoutMs,
      memoryMb: request.workerMemoryMb,
    }),
  ]);
  const sources: AgentSource[] = request.agents.map((ref, i) => ({ ...ref, name: described[i].name }));
  const plan = planFor(scenarios, sources, request);
  return { scenarios, sources, plan, out: resolve(request.out ?? `tournament-${plan.hash.slice(0, 12)}`) };
}

/** The plan of a tournament of `scenarios` and the described `sources`. */
export function planFor(
  scenarios: readonly Scenario[],
  sources: readonly AgentSource[],
  request: Pick<TournamentRequest, "reps" | "rounds" | "seed">,
): TournamentPlan {
  return planTournament({
    scenarios: scenarios.map((s) => ({
      name: s.name,
      parties: s.parties.length,
      fingerprint: scenarioFingerprint(s),
    })),
    agents: sources.map((source) => ({
      name: source.name,
      fingerprint: "module" in source ? moduleFingerprint(source.module) : `builtin:${source.name}`,
    })),
    reps: request.reps,
    settings: { protocol: "saop", rounds: request.rounds },
    seed: request.seed,
  });
}

/** Scores a finished tournament, writes its exports into `out`, and says what the run did. */
export function outcomeOf(
  out: string,
  plan: TournamentPlan,
  results: JobResult[],
  before: TournamentCounts,
  ran: TournamentOutcome["ran"],
): TournamentOutcome {
  const board = scoreTournament(plan, results);
  const retired = retiredAgents(results);
  const files = writeExports(out, plan, board, results, retired);
  return { plan, board, results, out, files, resumedFrom: before.finished > 0 ? before : null, ran, retired };
}

/** runTournament's rejection when its signal aborts it. */
export class TournamentAborted extends Error {
  constructor() {
    super("the tournament was stopped before it finished; the same request resumes it");
    this.name = "TournamentAborted";
  }
}

/** The leaderboard as JSON (what `--json` prints and leaderboard.json holds), with any retired agents. */
export function leaderboardJson(
  board: Leaderboard,
  retired: TournamentOutcome["retired"],
  extra: Record<string, unknown> = {},
): string {
  const summary = { ...summarizeLeaderboard(board), ...extra };
  return `${JSON.stringify(retired.length > 0 ? { ...summary, retired } : summary, null, 2)}\n`;
}

function writeExports(
  out: string,
  plan: TournamentPlan,
  board: Leaderboard,
  results: JobResult[],
  retired: TournamentOutcome["retired"],
): string[] {
  const files: [string, string][] = [
    ["leaderboard.csv", leaderboardCsv(board)],
    ["results.csv", resultsCsv(plan, results)],
    ["scenarios.csv", scenariosCsv(board)],
    ["leaderboard.json", leaderboardJson(board, retired)],
    ["details.json", `${JSON.stringify(board, null, 2)}\n`],
  ];
  for (const [name, text] of files) writeFileSync(join(out, name), text);
  return files.map(([name]) => join(out, name));
}

const RETIRED = /\((.+?)\) was retired from the tournament (after .*?)(?:; seat |$)/;

/** Agents the pool retired, read back from the results' reasons (so a resumed run still reports them). */
export function retiredAgents(results: readonly JobResult[]): TournamentOutcome["retired"] {
  const found = new Map<string, string>();
  for (const r of results) {
    const m = r.reason ? RETIRED.exec(r.reason) : null;
    if (m && !found.has(m[1])) found.set(m[1], m[2]);
  }
  return [...found].map(([agent, reason]) => ({ agent, reason }));
}

/** What identifies a scenario's content: not where it was read from, so a run resumes from another directory. */
export function scenarioFingerprint(scenario: Scenario): string {
  const { source: _where, ...content } = toPlainScenario(scenario);
  return hash53(JSON.stringify(content)).toString(16);
}
