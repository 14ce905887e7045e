// A fresh, empty store for a test or a benchmark run: an SQLite file in a temporary folder, or a
// new PostgreSQL database on this machine's server (trust auth). `drop()` removes it.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

/** The PostgreSQL server of this machine; each test or run gets its own database on it. */
export const PG_ADMIN = process.env.PARLEY_TEST_PG ?? "postgres://postgres@127.0.0.1:5432/test";

/**
 * @param {"sqlite" | "postgres"} kind
 * @param {string} prefix names the folder or database, e.g. "parley_test"
 * @returns {Promise<{ url: string, drop(): Promise<void> }>}
 */
export async function freshStore(kind, prefix = "parley_test") {
  if (kind === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
    return { url: join(dir, "rooms.db"), drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_ADMIN);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_ADMIN });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
