import { mkdirSync } from "node:fs";
import { join } from "node:path";
import {
  InputError,
  type JobResult,
  type NegotiationScore,
  type TournamentJob,
  type TournamentPlan,
  type TournamentSpec,
} from "@parley/core";
import Database from "better-sqlite3";
import { lockTournament } from "./store-lock.js";

/** The store's file inside a tournament's `--out` directory. */
export const STORE_FILE = "tournament.sqlite";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS jobs (
  id TEXT PRIMARY KEY,
  idx INTEGER NOT NULL UNIQUE,
  scenario INTEGER NOT NULL,
  lineup TEXT NOT NULL,
  rep INTEGER NOT NULL,
  seed INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS results (
  job_id TEXT PRIMARY KEY REFERENCES jobs(id),
  status TEXT NOT NULL CHECK (status IN ('ok', 'failed')),
  reason TEXT,
  fault_seats TEXT,
  score TEXT
);
`;

interface ResultRow {
  job_id: string;
  status: "ok" | "failed";
  reason: string | null;
  fault_seats: string | null;
  score: string | null;
}

/**
 * A tournament on disk (SQLite, WAL): the planned jobs, and one result row per
 * finished job, committed as results arrive. A result is either committed
 * with its transaction or absent, so a process killed at any moment loses no
 * finished negotiation, and a resumed run (same plan) runs only the jobs
 * without a result. synchronous=NORMAL under WAL survives a killed process;
 * only an OS crash or power loss can drop the last transactions.
 */
export class TournamentStore {
  private readonly recordBatch: (batch: readonly JobResult[]) => void;

  private constructor(
    private readonly db: Database.Database,
    readonly plan: TournamentPlan,
    private readonly unlock: () => void,
  ) {
    // Plain INSERT: a second result for a job is a bug, and the primary key makes it loud.
    const insert = db.prepare(
      "INSERT INTO results (job_id, status, reason, fault_seats, score) VALUES (?, ?, ?, ?, ?)",
    );
    const json = (x: unknown) => (x === null || x === undefined ? null : JSON.stringify(x));
    this.recordBatch = db.transaction((batch: readonly JobResult[]) => {
      for (const r of batch)
        insert.run(r.jobId, r.status, r.reason ?? null, json(r.faultSeats), json(r.score));
    });
  }

  /**
   * Opens (or creates) the store in `dir` for `plan`, locked until close().
   * Refuses, naming what differs, a store that holds another tournament, and,
   * naming the process, one another tournament is running on.
   */
  static open(dir: string, plan: TournamentPlan): TournamentStore {
    mkdirSync(dir, { recursive: true });
    const unlock = lockTournament(dir);
    try {
      return new TournamentStore(openDatabase(dir, plan), plan, unlock);
    } catch (err) {
      unlock();
      throw err;
    }
  }

  /** Planned jobs that have no result yet, in plan order. */
  pendingJobs(): TournamentJob[] {
    const done = new Set(
      (this.db.prepare("SELECT job_id FROM results").all() as { job_id: string }[]).map((r) => r.job_id),
    );
    return this.plan.jobs.filter((j) => !done.has(j.id));
  }

  /** Commits a batch of results in one transaction (all or none). */
  record(results: readonly JobResult[]): void {
    this.recordBatch(results);
  }

  /** Every stored result. */
  results(): JobResult[] {
    return resultsOf(this.db);
  }

  /** How many planned jobs the store holds and how many have a result. */
  counts(): { planned: number; finished: number; failed: number } {
    const q = (sql: string) => (this.db.prepare(sql).get() as { n: number }).n;
    return {
      planned: q("SELECT COUNT(*) AS n FROM jobs"),
      finished: q("SELECT COUNT(*) AS n FROM results"),
      failed: q("SELECT COUNT(*) AS n FROM results WHERE status = 'failed'"),
    };
  }

  close(): void {
    this.db.close();
    this.unlock();
  }
}

/**
 * The results stored in the tournament directory `dir`, read without taking its lock: a
 * reader beside a running tournament (WAL lets it read while the run writes) or of a finished one.
 */
export function readStoredResults(dir: string): JobResult[] {
  const db = new Database(join(dir, STORE_FILE), { fileMustExist: true });
  try {
    return resultsOf(db);
  } finally {
    db.close();
  }
}

function resultsOf(db: Database.Database): JobResult[] {
  const rows = db.prepare("SELECT job_id, status, reason, fault_seats, score FROM results").all();
  return (rows as ResultRow[]).map((row) => {
    const result: JobResult = {
      jobId: row.job_id,
      status: row.status,
      score: row.score === null ? null : (JSON.parse(row.score) as NegotiationScore),
    };
    if (row.reason !== null) result.reason = row.reason;
    if (row.fault_seats !== null) result.faultSeats = JSON.parse(row.fault_seats) as number[];
    return result;
  });
}

/** The store's database in `dir`, holding `plan` (written if the store is new). */
function openDatabase(dir: string, plan: TournamentPlan): Database.Database {
  const path = join(dir, STORE_FILE);
  let db: Database.Database;
  try {
    db = new Database(path);
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.pragma("foreign_keys = ON");
    db.exec(SCHEMA);
  } catch (err) {
    throw new InputError(path, `cannot be opened as a tournament store (${(err as Error).message})`);
  }
  try {
    const stored = db.prepare("SELECT value FROM meta WHERE key = 'hash'").get() as
      | { value: string }
      | undefined;
    if (stored === undefined) initialise(db, plan);
    else if (stored.value !== plan.hash) {
      const spec = db.prepare("SELECT value FROM meta WHERE key = 'spec'").get() as { value: string };
      const differences = describeDifferences(JSON.parse(spec.value) as TournamentSpec, plan.spec);
      throw new InputError(
        dir,
        `holds a different tournament (${differences}); give another --out directory to start a new one, or the same settings to resume`,
      );
    }
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

/** Writes the plan (meta and every job) in one transaction, so a kill leaves a store empty or complete. */
function initialise(db: Database.Database, plan: TournamentPlan): void {
  const meta = db.prepare("INSERT INTO meta (key, value) VALUES (?, ?)");
  const job = db.prepare("INSERT INTO jobs (id, idx, scenario, lineup, rep, seed) VALUES (?, ?, ?, ?, ?, ?)");
  db.transaction(() => {
    meta.run("hash", plan.hash);
    meta.run("spec", JSON.stringify(plan.spec));
    for (const j of plan.jobs) job.run(j.id, j.index, j.scenario, j.lineup.join(","), j.rep, j.seed);
  })();
}

/** Names what changed between the stored tournament and the requested one. */
function describeDifferences(stored: TournamentSpec, wanted: TournamentSpec): string {
  const out: string[] = [];
  const names = (xs: { name: string }[]) => xs.map((x) => x.name).join(", ");
  if (names(stored.scenarios) !== names(wanted.scenarios))
    out.push(`scenarios ${names(stored.scenarios)} there, ${names(wanted.scenarios)} here`);
  else if (JSON.stringify(stored.scenarios) !== JSON.stringify(wanted.scenarios))
    out.push("a scenario's content changed");
  if (names(stored.agents) !== names(wanted.agents))
    out.push(`agents ${names(stored.agents)} there, ${names(wanted.agents)} here`);
  else if (JSON.stringify(stored.agents) !== JSON.stringify(wanted.agents))
    out.push("an agent module changed");
  if (stored.reps !== wanted.reps) out.push(`--reps ${stored.reps} there, ${wanted.reps} here`);
  if (stored.settings.rounds !== wanted.settings.rounds)
    out.push(`--rounds ${stored.settings.rounds} there, ${wanted.settings.rounds} here`);
  if (stored.seed !== wanted.seed) out.push(`--seed ${stored.seed} there, ${wanted.seed} here`);
  return out.length ? out.join("; ") : "its plan differs";
}
