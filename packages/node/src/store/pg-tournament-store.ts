import type { JobResult, NegotiationScore, TournamentJob, TournamentPlan } from "@parley/core";
import { InputError } from "@parley/core";
import pg from "pg";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS parley_tournaments (
  hash TEXT PRIMARY KEY,
  spec JSONB NOT NULL,
  setup JSONB NOT NULL,
  planned INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS parley_results (
  tournament TEXT NOT NULL REFERENCES parley_tournaments(hash),
  job_id TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('ok', 'failed')),
  reason TEXT,
  fault_seats JSONB,
  score JSONB,
  PRIMARY KEY (tournament, job_id)
);
CREATE TABLE IF NOT EXISTS parley_contents (
  fingerprint TEXT PRIMARY KEY,
  content TEXT NOT NULL
);
`;
/** Serialises the schema's creation between processes (CREATE … IF NOT EXISTS races otherwise). */
const SCHEMA_LOCK = 7_361_942;

interface ResultRow {
  job_id: string;
  status: "ok" | "failed";
  reason: string | null;
  fault_seats: number[] | null;
  score: NegotiationScore | null;
}

/**
 * Tournaments in PostgreSQL, shared by a coordinator and any number of queue
 * workers: each tournament's plan summary and setup (keyed by its plan hash),
 * one result row per finished job (keyed by tournament and job id, written
 * with ON CONFLICT DO NOTHING so a job run twice counts once), and the
 * contents (agent module sources, scenarios) keyed by their fingerprint.
 */
export class PgTournaments {
  private constructor(
    private readonly pool: pg.Pool,
    readonly url: string,
  ) {}

  /** Connects to `url` and makes sure the tables exist. */
  static async connect(url: string): Promise<PgTournaments> {
    const pool = new pg.Pool({ connectionString: url, max: 4 });
    // An idle client's error (the server went away) must not crash the process; the next query reports it.
    pool.on("error", () => {});
    const client = await pool.connect().catch(async (err: Error) => {
      await pool.end();
      throw new InputError(url, `cannot be reached as a PostgreSQL database (${err.message})`);
    });
    try {
      await client.query("BEGIN");
      await client.query("SELECT pg_advisory_xact_lock($1)", [SCHEMA_LOCK]);
      await client.query(SCHEMA);
      await client.query("COMMIT");
    } finally {
      client.release();
    }
    return new PgTournaments(pool, url);
  }

  /** Stores a tournament (once: a second call with the same plan keeps the first). */
  async addTournament(plan: TournamentPlan, setup: unknown): Promise<void> {
    await this.pool.query(
      "INSERT INTO parley_tournaments (hash, spec, setup, planned) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
      [plan.hash, JSON.stringify(plan.spec), JSON.stringify(setup), plan.jobs.length],
    );
  }

  /** The setup stored with a tournament. */
  async setup<T>(tournament: string): Promise<T> {
    const { rows } = await this.pool.query("SELECT setup FROM parley_tournaments WHERE hash = $1", [
      tournament,
    ]);
    if (rows.length === 0) throw new Error(`tournament ${tournament} is not in the store ${this.url}`);
    return rows[0].setup as T;
  }

  /** Stores contents under their fingerprints (a fingerprint names one content, so existing rows stay). */
  async putContents(contents: ReadonlyMap<string, string>): Promise<void> {
    if (contents.size === 0) return;
    await this.pool.query(
      "INSERT INTO parley_contents (fingerprint, content) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING",
      [[...contents.keys()], [...contents.values()]],
    );
  }

  async content(fingerprint: string): Promise<string> {
    const { rows } = await this.pool.query("SELECT content FROM parley_contents WHERE fingerprint = $1", [
      fingerprint,
    ]);
    if (rows.length === 0) throw new Error(`${fingerprint} is not in the store ${this.url}`);
    return rows[0].content as string;
  }

  /** The ids among `ids` that already have a result. */
  async finishedAmong(tournament: string, ids: readonly string[]): Promise<Set<string>> {
    const { rows } = await this.pool.query(
      "SELECT job_id FROM parley_results WHERE tournament = $1 AND job_id = ANY($2::text[])",
      [tournament, ids],
    );
    return new Set(rows.map((r) => r.job_id as string));
  }

  /** Writes results in one statement; a job that already has a result keeps its first. */
  async record(tournament: string, results: readonly JobResult[]): Promise<void> {
    if (results.length === 0) return;
    const json = (x: unknown) => (x === null || x === undefined ? null : JSON.stringify(x));
    await this.pool.query(
      `INSERT INTO parley_results (tournament, job_id, status, reason, fault_seats, score)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::jsonb[], $6::jsonb[])
       ON CONFLICT DO NOTHING`,
      [
        tournament,
        results.map((r) => r.jobId),
        results.map((r) => r.status),
        results.map((r) => r.reason ?? null),
        results.map((r) => json(r.faultSeats)),
        results.map((r) => json(r.score)),
      ],
    );
  }

  async results(tournament: string): Promise<JobResult[]> {
    const { rows } = await this.pool.query(
      "SELECT job_id, status, reason, fault_seats, score FROM parley_results WHERE tournament = $1",
      [tournament],
    );
    return (rows as ResultRow[]).map((row) => {
      const result: JobResult = { jobId: row.job_id, status: row.status, score: row.score };
      if (row.reason !== null) result.reason = row.reason;
      if (row.fault_seats !== null) result.faultSeats = row.fault_seats;
      return result;
    });
  }

  async counts(tournament: string): Promise<{ planned: number; finished: number; failed: number }> {
    const { rows } = await this.pool.query(
      `SELECT t.planned,
              (SELECT COUNT(*) FROM parley_results r WHERE r.tournament = t.hash)::int AS finished,
              (SELECT COUNT(*) FROM parley_results r WHERE r.tournament = t.hash AND r.status = 'failed')::int AS failed
       FROM parley_tournaments t WHERE t.hash = $1`,
      [tournament],
    );
    return rows[0] ?? { planned: 0, finished: 0, failed: 0 };
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

/**
 * One tournament in PostgreSQL, with the SQLite TournamentStore's interface
 * (asynchronous): the plan's pending jobs, results recorded by job id, counts.
 * Results come back in plan order, so scoring never depends on who finished first.
 */
export class PgTournamentStore {
  private constructor(
    readonly tournaments: PgTournaments,
    readonly plan: TournamentPlan,
  ) {}

  /** Opens the tournament of `plan` in the database at `url`, storing it (with `setup`) if it is new. */
  static async open(url: string, plan: TournamentPlan, setup: unknown): Promise<PgTournamentStore> {
    const tournaments = await PgTournaments.connect(url);
    try {
      await tournaments.addTournament(plan, setup);
    } catch (err) {
      await tournaments.close();
      throw err;
    }
    return new PgTournamentStore(tournaments, plan);
  }

  async pendingJobs(): Promise<TournamentJob[]> {
    const done = await this.tournaments.finishedAmong(
      this.plan.hash,
      this.plan.jobs.map((j) => j.id),
    );
    return this.plan.jobs.filter((j) => !done.has(j.id));
  }

  record(results: readonly JobResult[]): Promise<void> {
    return this.tournaments.record(this.plan.hash, results);
  }

  async results(): Promise<JobResult[]> {
    const byId = new Map((await this.tournaments.results(this.plan.hash)).map((r) => [r.jobId, r]));
    return this.plan.jobs.flatMap((j) => byId.get(j.id) ?? []);
  }

  counts(): Promise<{ planned: number; finished: number; failed: number }> {
    return this.tournaments.counts(this.plan.hash);
  }

  close(): Promise<void> {
    return this.tournaments.close();
  }
}
