import Sqlite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import type { Database } from "./schema.js";

export type StoreKind = "sqlite" | "postgres";

export interface Store {
  db: Kysely<Database>;
  kind: StoreKind;
  /** Where it is, for messages: the file, or the URL without its password. */
  where: string;
}

/** postgres:// or postgresql:// URLs go to PostgreSQL; anything else is an SQLite file. */
export function storeKind(target: string): StoreKind {
  return /^postgres(ql)?:\/\//i.test(target) ? "postgres" : "sqlite";
}

/** PostgreSQL returns bigint (int8) as text by default; our bigints are millisecond clocks, safe as numbers. */
const INT8_OID = 20;
const pgTypes = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === INT8_OID
      ? (v: string) => Number(v)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** Opens the store named by `target` (an SQLite file or a postgres:// URL). */
export function openStore(target: string): Store {
  if (storeKind(target) === "postgres") {
    const pool = new pg.Pool({ connectionString: target, max: 10, types: pgTypes });
    // An idle connection that PostgreSQL closes (a restart, an administrator) is dropped from the pool
    // and replaced on next use; unhandled, its error would end the server.
    pool.on("error", (err) =>
      process.stderr.write(`parley: a PostgreSQL connection closed: ${err.message}\n`),
    );
    return {
      db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }),
      kind: "postgres",
      where: redact(target),
    };
  }
  const file = new Sqlite(target);
  // WAL: readers do not wait for the writer; synchronous=FULL: a commit survives a crash of the process or machine.
  file.pragma("journal_mode = WAL");
  file.pragma("synchronous = FULL");
  file.pragma("foreign_keys = ON");
  file.pragma("busy_timeout = 5000");
  return {
    db: new Kysely<Database>({ dialect: new SqliteDialect({ database: file }) }),
    kind: "sqlite",
    where: target,
  };
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "postgres";
  }
}
