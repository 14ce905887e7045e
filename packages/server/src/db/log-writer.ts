import type { Insertable, Kysely } from "kysely";
import type { Database, RoomLogTable } from "./schema.js";

interface Pending {
  row: Insertable<RoomLogTable>;
  /** Set when this entry ends its room: the room's ended_at is written in the same transaction. */
  endedAt?: number;
  resolve(): void;
  reject(err: Error): void;
}

/**
 * Appends to the room log with group commit: entries from many rooms that arrive while a commit is
 * under way are written together in the next transaction, so one disk flush (SQLite) or one round
 * trip and commit (PostgreSQL) acknowledges many moves. Each promise settles once its own
 * transaction has committed. A room has at most one entry in flight (its operations are serial), so
 * per-room order is kept.
 */
export class LogWriter {
  private queue: Pending[] = [];
  private flushing = false;

  constructor(private readonly db: Kysely<Database>) {}

  append(row: Insertable<RoomLogTable>, endedAt?: number): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ row, endedAt, resolve, reject });
      if (!this.flushing) {
        this.flushing = true;
        // After the event loop's poll phase: every move that arrived with this one joins the batch
        // (a synchronous driver would otherwise commit each alone, in microtasks, before the next is read).
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue;
        this.queue = [];
        try {
          await this.write(batch);
          for (const p of batch) p.resolve();
          // Let what arrived during the commit be read before the next one.
          if (this.queue.length === 0) await new Promise<void>((resolve) => setImmediate(resolve));
        } catch {
          // One bad entry must not fail the others: write them one by one.
          for (const p of batch)
            await this.write([p]).then(
              () => p.resolve(),
              (err) => p.reject(err as Error),
            );
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  private async write(batch: Pending[]): Promise<void> {
    const ended = batch.filter((p) => p.endedAt !== undefined);
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto("room_log")
        .values(batch.map((p) => p.row))
        .execute();
      for (const p of ended)
        await trx
          .updateTable("rooms")
          .set({ ended_at: p.endedAt! })
          .where("id", "=", p.row.room_id)
          .execute();
    });
  }
}
