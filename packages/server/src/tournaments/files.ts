import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { TournamentPlan } from "@parley/core";
import type { TournamentRequestBody } from "./spec.js";

export type TournamentState = "queued" | "running" | "done" | "failed" | "cancelled";

/** What the server keeps of a tournament beside runTournament's own store and exports. */
export interface TournamentMeta {
  id: string;
  request: TournamentRequestBody;
  state: TournamentState;
  /** Negotiations planned (scenarios × line-ups × reps). */
  planned: number;
  /** The owner token's hash (as rooms keep theirs): cancelling and deleting need the token. Absent in
   * tournaments started before owner tokens. */
  tokenHash?: string;
  createdAt: number;
  startedAt?: number;
  finishedAt?: number;
  /** Why it failed. */
  error?: string;
  /** The counts when it last stopped (finished, failed or cancelled). */
  counts?: { planned: number; finished: number; failed: number };
}

const META = "server.json";
const PLAN = "plan.json";

/**
 * The tournaments directory: one folder per tournament, holding `server.json` (the request and its
 * state), `plan.json` (once planned) and runTournament's store and exports.
 */
export class TournamentFiles {
  /** The folder is made with the first tournament: a server that runs none leaves nothing behind. */
  constructor(readonly root: string) {}

  dir(id: string): string {
    return join(this.root, id);
  }

  /** Every tournament found, unreadable folders left out. */
  list(): TournamentMeta[] {
    const found: TournamentMeta[] = [];
    if (!existsSync(this.root)) return found;
    for (const d of readdirSync(this.root, { withFileTypes: true })) {
      const file = join(this.root, d.name, META);
      if (!d.isDirectory() || !existsSync(file)) continue;
      try {
        found.push(JSON.parse(readFileSync(file, "utf8")) as TournamentMeta);
      } catch {
        // Not ours, or damaged: left alone.
      }
    }
    return found;
  }

  /** Writes the meta whole or not at all (a rename), so a killed server never leaves half a file. */
  save(meta: TournamentMeta): void {
    const dir = this.dir(meta.id);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${META}.tmp`), JSON.stringify(meta));
    renameSync(join(dir, `${META}.tmp`), join(dir, META));
  }

  savePlan(id: string, plan: TournamentPlan): void {
    writeFileSync(join(this.dir(id), PLAN), JSON.stringify(plan));
  }

  /** The plan, once the tournament has started once. */
  plan(id: string): TournamentPlan | undefined {
    const file = join(this.dir(id), PLAN);
    return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as TournamentPlan) : undefined;
  }

  remove(id: string): void {
    rmSync(this.dir(id), { recursive: true, force: true });
  }
}
