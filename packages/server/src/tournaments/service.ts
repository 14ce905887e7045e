import { randomBytes } from "node:crypto";
import { availableParallelism } from "node:os";
import {
  type JobResult,
  type Leaderboard,
  leaderboardCsv,
  resultsCsv,
  scoreTournament,
  type TournamentPlan,
  tournamentPlotSpec,
  type VegaLiteSpec,
} from "@parley/core";
import {
  readStoredResults,
  retiredAgents,
  runTournament,
  TournamentAborted,
  type TournamentCounts,
} from "@parley/node";
import type { AgentList } from "../agent-list.js";
import type { ScenarioCatalog } from "../catalog.js";
import { badRequest, conflict, forbidden, HttpError, notFound, unauthorized } from "../errors.js";
import { hashToken, newToken, tokenMatches } from "../tokens.js";
import { TournamentFiles, type TournamentMeta, type TournamentState } from "./files.js";
import type { CreateTournament } from "./spec.js";

export interface TournamentLimits {
  /** Worker threads of a running tournament (default: cores − 1, at least 1, so rooms keep responding). */
  workers: number;
  /** Tournaments that run at the same time; the others wait in a queue. */
  atOnce: number;
  /** Most negotiations one tournament may plan. */
  maxNegotiations: number;
  /** Most tournaments waiting in the queue. */
  maxQueued: number;
  /** Wall-clock budget of one negotiation, and each worker's heap limit (as `parley tournament`'s defaults). */
  budgetMs: number;
  workerMemoryMb: number;
}

export const DEFAULT_TOURNAMENT_LIMITS: TournamentLimits = {
  workers: Math.max(1, availableParallelism() - 1),
  atOnce: 1,
  maxNegotiations: 10_000,
  maxQueued: 20,
  budgetMs: 10_000,
  workerMemoryMb: 512,
};

/** A tournament as `GET /api/tournaments` lists it. */
export interface TournamentSummary extends Omit<TournamentMeta, "planned" | "counts" | "tokenHash"> {
  counts: TournamentCounts;
}

/** A tournament as `GET /api/tournaments/:id` shows it. */
export interface TournamentView extends TournamentSummary {
  /** What the store already held when the last run started (it resumed), or null. */
  resumedFrom: TournamentCounts | null;
  /** Scores of the negotiations finished so far (all of them once done); null before the first. */
  leaderboard: Leaderboard | null;
  retired: { agent: string; reason: string }[];
}

interface Tournament {
  meta: TournamentMeta;
  counts: TournamentCounts;
  resumedFrom: TournamentCounts | null;
  plan?: TournamentPlan;
  /** Every result so far: kept while it runs, read from its store when asked for afterwards. */
  results?: JobResult[];
  scored?: { n: number; board: Leaderboard };
  abort?: AbortController;
  cancelling?: boolean;
  run?: Promise<void>;
}

/** Finished tournaments whose results stay in memory after being read (the most recently read). */
const KEPT_RESULTS = 8;

/**
 * Tournaments started over the API: bundled scenarios × this server's agents, run by @parley/node's
 * runTournament (a worker pool, so the server's thread stays free) into a folder each under `dir`.
 * A queue lets `atOnce` run together. A server that stops leaves them resumable: on start, every
 * tournament that had not finished runs again from its store.
 */
export class TournamentService {
  private readonly files: TournamentFiles;
  private readonly limits: TournamentLimits;
  private readonly all = new Map<string, Tournament>();
  private readonly queue: Tournament[] = [];
  private readonly kept: Tournament[] = [];
  private running = 0;
  private closed = false;

  constructor(
    dir: string,
    private readonly catalog: ScenarioCatalog,
    private readonly agents: AgentList,
    limits: Partial<TournamentLimits> = {},
  ) {
    this.files = new TournamentFiles(dir);
    this.limits = { ...DEFAULT_TOURNAMENT_LIMITS, ...limits };
  }

  /** Reads the tournaments folder and queues again, oldest first, every tournament that had not finished. */
  resume(): void {
    const found = this.files.list().sort((a, b) => a.createdAt - b.createdAt);
    for (const meta of found) {
      const t: Tournament = {
        meta,
        counts: meta.counts ?? { planned: meta.planned, finished: 0, failed: 0 },
        resumedFrom: null,
      };
      this.all.set(meta.id, t);
      if (meta.state === "queued" || meta.state === "running") {
        t.meta = { ...meta, state: "queued" };
        this.queue.push(t);
      }
    }
    this.pump();
  }

  /** Checks a request (known scenarios and agents, its size), stores it and queues it; answers its owner token once. */
  create(body: CreateTournament): { id: string; token: string } {
    const planned = this.plannedNegotiations(body);
    if (this.queue.length >= this.limits.maxQueued)
      throw new HttpError(
        429,
        `${this.queue.length} tournaments are already waiting to run on this server; try again later`,
      );
    const token = newToken();
    const meta: TournamentMeta = {
      id: randomBytes(8).toString("hex"),
      request: { ...body },
      tokenHash: hashToken(token),
      state: "queued",
      planned,
      createdAt: Date.now(),
    };
    this.files.save(meta);
    const t: Tournament = { meta, counts: { planned, finished: 0, failed: 0 }, resumedFrom: null };
    this.all.set(meta.id, t);
    this.queue.push(t);
    this.pump();
    return { id: meta.id, token };
  }

  /** Every tournament, newest first. */
  list(): TournamentSummary[] {
    return [...this.all.values()].sort((a, b) => b.meta.createdAt - a.meta.createdAt).map(summaryOf);
  }

  view(id: string): TournamentView {
    const t = this.get(id);
    const results = this.resultsOf(t);
    return {
      ...summaryOf(t),
      resumedFrom: t.resumedFrom,
      leaderboard: results && results.length > 0 ? this.boardOf(t, results) : null,
      retired: results ? retiredAgents(results) : [],
    };
  }

  /** The leaderboard or every negotiation's result as CSV (as `parley tournament` exports them). */
  csv(id: string, which: "leaderboard" | "results"): string {
    const { t, plan, results } = this.scored(id);
    return which === "leaderboard" ? leaderboardCsv(this.boardOf(t, results)) : resultsCsv(plan, results);
  }

  /** The core's leaderboard and utility-distribution charts of the results so far. */
  plot(id: string): VegaLiteSpec {
    const { t, plan, results } = this.scored(id);
    return tournamentPlotSpec(this.boardOf(t, results), plan, results);
  }

  /**
   * The tournament `token` owns: 404 without it, 401 without a token, 403 with another one (reading
   * stays public, so its id is no secret and a wrong token need not pass for an unknown id).
   */
  owned(id: string, token: string | undefined): string {
    const t = this.get(id);
    if (token === undefined) throw unauthorized();
    // Started before owner tokens: nobody holds one, the operator deletes its folder.
    if (!t.meta.tokenHash)
      throw forbidden("the tournament has no owner token; its folder on the server can be deleted");
    if (!tokenMatches(token, t.meta.tokenHash)) throw forbidden("this token does not own the tournament");
    return id;
  }

  /** Stops a queued or running tournament; what it stored stays (its partial leaderboard too). */
  cancel(id: string): TournamentSummary {
    const t = this.get(id);
    if (t.meta.state === "queued") {
      this.queue.splice(this.queue.indexOf(t), 1);
      this.settle(t, "cancelled");
    } else if (t.meta.state === "running") {
      t.cancelling = true;
      t.abort?.abort();
    } else
      throw conflict(`the tournament has already ${t.meta.state === "done" ? "finished" : t.meta.state}`);
    return summaryOf(t);
  }

  /** Stops it if it runs and deletes it with its store and exports. */
  async remove(id: string): Promise<void> {
    const t = this.get(id);
    if (t.meta.state === "queued" || t.meta.state === "running") this.cancel(id);
    await t.run;
    this.all.delete(id);
    this.files.remove(id);
  }

  /** Stops every running tournament without marking it: each resumes when a server starts on this folder again. */
  async close(): Promise<void> {
    this.closed = true;
    this.queue.length = 0;
    const runs = [...this.all.values()].filter((t) => t.run);
    for (const t of runs) t.abort?.abort();
    await Promise.all(runs.map((t) => t.run));
  }

  private get(id: string): Tournament {
    const t = this.all.get(id);
    if (!t) throw notFound(`no tournament "${id}"`);
    return t;
  }

  /** Negotiations the request plans, refused with the field to change when over the limit. */
  private plannedNegotiations(body: CreateTournament): number {
    distinct("scenarios", body.scenarios);
    distinct("agents", body.agents);
    let lineups = 0;
    body.scenarios.forEach((name, i) => {
      const scenario = this.catalog.has(name) ? this.catalog.get(name) : undefined;
      if (!scenario) throw badRequest(`scenarios[${i}]: no bundled scenario "${name}" (GET /api/scenarios)`);
      lineups += body.agents.length ** scenario.parties.length;
    });
    body.agents.forEach((name, i) => {
      if (!this.agents.ref(name))
        throw badRequest(`agents[${i}]: "${name}" is not an agent of this server (GET /api/agents)`);
    });
    const planned = lineups * body.reps;
    const max = this.limits.maxNegotiations;
    if (planned > max) {
      // Line-ups grow as agents^parties: with one repetition already too many, the agents are the field to change.
      const field = lineups > max ? "agents" : "reps";
      throw badRequest(
        `${field}: the tournament would run ${planned.toLocaleString("en")} negotiations ` +
          `(${lineups.toLocaleString("en")} line-ups × ${body.reps} reps); this server runs at most ${max.toLocaleString("en")}`,
      );
    }
    return planned;
  }

  private pump(): void {
    while (!this.closed && this.running < this.limits.atOnce && this.queue.length > 0) {
      const t = this.queue.shift()!;
      this.running++;
      t.run = this.runOne(t).finally(() => {
        this.running--;
        t.run = undefined;
        t.abort = undefined;
        this.pump();
      });
    }
  }

  private async runOne(t: Tournament): Promise<void> {
    const { id, request } = t.meta;
    t.abort = new AbortController();
    t.meta = { ...t.meta, state: "running", startedAt: t.meta.startedAt ?? Date.now() };
    this.files.save(t.meta);
    try {
      const outcome = await runTournament(
        {
          scenarios: request.scenarios.map((name) => {
            const scenario = this.catalog.get(name);
            if (!scenario) throw new Error(`the bundled scenario "${name}" is gone from this server`);
            return scenario;
          }),
          agents: request.agents.map((name) => {
            const ref = this.agents.ref(name);
            if (!ref) throw new Error(`"${name}" is no longer an agent of this server`);
            return ref;
          }),
          reps: request.reps,
          rounds: request.rounds,
          seed: request.seed,
          out: this.files.dir(id),
          workers: this.limits.workers,
          budgetMs: this.limits.budgetMs,
          workerMemoryMb: this.limits.workerMemoryMb,
          signal: t.abort.signal,
          analyseInWorkers: true,
        },
        {
          onStart: (plan, out, counts) => {
            this.files.savePlan(id, plan);
            t.plan = plan;
            t.results = readStoredResults(out);
            t.counts = { ...counts };
            t.resumedFrom = counts.finished > 0 ? { ...counts } : null;
          },
          onResults: (results, counts) => {
            t.results?.push(...results);
            t.counts = { ...counts };
          },
        },
      );
      t.results = outcome.results;
      this.settle(t, "done");
    } catch (err) {
      // A server that is stopping leaves the tournament marked running: it resumes on the next start.
      if (err instanceof TournamentAborted && !t.cancelling) return;
      if (t.cancelling) this.settle(t, "cancelled");
      else this.settle(t, "failed", (err as Error).message);
    }
  }

  private settle(t: Tournament, state: TournamentState, error?: string): void {
    t.cancelling = false;
    t.meta = {
      ...t.meta,
      state,
      finishedAt: Date.now(),
      counts: { ...t.counts },
      ...(error ? { error } : {}),
    };
    this.files.save(t.meta);
    this.keep(t);
  }

  /** The results so far: in memory, or read from the store of a tournament that ran before. */
  private resultsOf(t: Tournament): JobResult[] | undefined {
    if (t.results) return t.results;
    t.plan ??= this.files.plan(t.meta.id);
    if (!t.plan) return undefined;
    t.results = readStoredResults(this.files.dir(t.meta.id));
    this.keep(t);
    return t.results;
  }

  /** Keeps the results of the last few finished tournaments read, forgetting older ones. */
  private keep(t: Tournament): void {
    const at = this.kept.indexOf(t);
    if (at >= 0) this.kept.splice(at, 1);
    this.kept.push(t);
    for (const old of this.kept.splice(0, Math.max(0, this.kept.length - KEPT_RESULTS))) {
      if (old.run) continue; // a running tournament's results are its progress
      old.results = undefined;
      old.scored = undefined;
    }
  }

  private scored(id: string): { t: Tournament; plan: TournamentPlan; results: JobResult[] } {
    const t = this.get(id);
    const results = this.resultsOf(t);
    if (!t.plan || !results) throw conflict("the tournament has not started yet");
    return { t, plan: t.plan, results };
  }

  private boardOf(t: Tournament, results: JobResult[]): Leaderboard {
    if (t.scored?.n !== results.length)
      t.scored = { n: results.length, board: scoreTournament(t.plan!, results) };
    return t.scored.board;
  }
}

function summaryOf(t: Tournament): TournamentSummary {
  const { planned: _planned, counts: _stored, tokenHash: _hash, ...meta } = t.meta;
  return { ...meta, counts: { ...t.counts } };
}

function distinct(field: string, names: readonly string[]): void {
  names.forEach((name, i) => {
    if (names.indexOf(name) !== i) throw badRequest(`${field}[${i}]: "${name}" is given twice`);
  });
}
