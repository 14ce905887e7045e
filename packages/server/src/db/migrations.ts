import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from "kysely";

/**
 * The store's schema, one migration per change, oldest first. The same
 * statements run on SQLite and PostgreSQL (bigint holds millisecond clocks on both).
 */
const MIGRATIONS: Record<string, Migration> = {
  "0001-rooms": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("rooms")
        .addColumn("id", "varchar(64)", (c) => c.primaryKey())
        .addColumn("spec", "text", (c) => c.notNull())
        .addColumn("started_at", "bigint", (c) => c.notNull())
        .addColumn("deadline_at", "bigint")
        .addColumn("ended_at", "bigint")
        .execute();
      await db.schema
        .createTable("seats")
        .addColumn("room_id", "varchar(64)", (c) => c.notNull().references("rooms.id"))
        .addColumn("role", "varchar(16)", (c) => c.notNull())
        .addColumn("party", "integer", (c) => c.notNull())
        .addColumn("token_hash", "varchar(64)", (c) => c.notNull().unique())
        .addColumn("agent", "text")
        .addPrimaryKeyConstraint("seats_pk", ["room_id", "role", "party"])
        .execute();
      await db.schema
        .createTable("room_log")
        .addColumn("room_id", "varchar(64)", (c) => c.notNull().references("rooms.id"))
        .addColumn("seq", "integer", (c) => c.notNull())
        .addColumn("kind", "varchar(16)", (c) => c.notNull())
        .addColumn("actor", "text", (c) => c.notNull())
        .addColumn("client_id", "varchar(128)")
        .addColumn("body", "text", (c) => c.notNull())
        .addColumn("at", "bigint", (c) => c.notNull())
        .addPrimaryKeyConstraint("room_log_pk", ["room_id", "seq"])
        .addUniqueConstraint("room_log_client_id", ["room_id", "client_id"])
        .execute();
      await db.schema.createIndex("rooms_open").on("rooms").column("ended_at").execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable("room_log").execute();
      await db.schema.dropTable("seats").execute();
      await db.schema.dropTable("rooms").execute();
    },
  },
  // Used only by servers sharing PostgreSQL through Redis: which instance runs each open room's work.
  "0002-room-leases": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("room_leases")
        .addColumn("room_id", "varchar(64)", (c) => c.primaryKey().references("rooms.id"))
        .addColumn("owner", "varchar(128)", (c) => c.notNull())
        .addColumn("expires_at", "bigint", (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable("room_leases").execute();
    },
  },
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Brings the store's schema up to date; throws with the failing migration's name. */
export async function migrate(db: Kysely<unknown>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName ?? "?";
    throw new Error(`migration ${failed} failed: ${(error as Error).message ?? String(error)}`);
  }
}

/** Whether the store can be reached (a trivial query). */
export async function ping(db: Kysely<unknown>): Promise<void> {
  await sql`select 1`.execute(db);
}
