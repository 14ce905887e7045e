import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { InputError } from "@parley/core";

/** The lock file beside the store: who is running the tournament in this directory. */
export const LOCK_FILE = "tournament.lock";

interface Holder {
  pid: number;
  host: string;
  since: string;
}

/**
 * Takes the lock on a tournament directory, so two runs never write one
 * store. A lock left by a process that no longer runs on this machine (killed)
 * is taken over. Returns the function that releases it.
 */
export function lockTournament(dir: string): () => void {
  const path = join(dir, LOCK_FILE);
  const me: Holder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    let fd: number;
    try {
      fd = openSync(path, "wx");
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const holder = readHolder(path);
      if (holder && (holder.host !== me.host || isRunning(holder.pid)))
        throw new InputError(
          dir,
          `is in use by another tournament (process ${holder.pid} on ${holder.host}, since ${holder.since}); ` +
            "wait for it to finish, or give another --out",
        );
      rmSync(path, { force: true });
      continue;
    }
    writeSync(fd, JSON.stringify(me));
    closeSync(fd);
    return () => rmSync(path, { force: true });
  }
  throw new InputError(dir, `another tournament took ${LOCK_FILE} at the same moment; try again`);
}

function readHolder(path: string): Holder | null {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as Holder;
  } catch {
    // Half-written by a process killed between creating and writing it.
    return null;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
