import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { InputError, type JobResult, planTournament, type TournamentSpec } from "@parley/core";
import { afterEach, describe, expect, it } from "vitest";
import { LOCK_FILE } from "./store-lock.js";
import { TournamentStore } from "./tournament-store.js";

const spec = (over: Partial<TournamentSpec> = {}): TournamentSpec => ({
  scenarios: [{ name: "S", parties: 2, fingerprint: "s" }],
  agents: ["a", "b"].map((name) => ({ name, fingerprint: name })),
  reps: 3,
  settings: { protocol: "saop", rounds: 10 },
  seed: "1",
  ...over,
});

const ok = (jobId: string, u: number): JobResult => ({
  jobId,
  status: "ok",
  score: {
    agreement: true,
    rounds: 3,
    utilities: [u, 1 - u],
    advantages: [u, 1 - u],
    welfare: 1,
    paretoDistance: 0,
    nashDistance: null,
  },
});

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), "parley-store-"));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe("TournamentStore", () => {
  it("keeps results across reopenings and runs only what is missing", () => {
    const dir = tempDir();
    const plan = planTournament(spec());
    const first = TournamentStore.open(dir, plan);
    expect(first.pendingJobs()).toHaveLength(12);
    first.record([ok(plan.jobs[0].id, 0.25), ok(plan.jobs[5].id, 0.5)]);
    first.record([
      { jobId: plan.jobs[7].id, status: "failed", reason: "stuck", faultSeats: [1], score: null },
    ]);
    first.close();

    const again = TournamentStore.open(dir, planTournament(spec()));
    expect(again.counts()).toEqual({ planned: 12, finished: 3, failed: 1 });
    const pending = again.pendingJobs().map((j) => j.index);
    expect(pending).toEqual([1, 2, 3, 4, 6, 8, 9, 10, 11]);
    const stored = again.results().sort((x, y) => x.jobId.localeCompare(y.jobId));
    const expected = [ok(plan.jobs[0].id, 0.25), ok(plan.jobs[5].id, 0.5)];
    expected.push({
      jobId: plan.jobs[7].id,
      status: "failed",
      reason: "stuck",
      faultSeats: [1],
      score: null,
    });
    expect(stored).toEqual(expected.sort((x, y) => x.jobId.localeCompare(y.jobId)));
    again.close();
  });

  it("refuses a second result for a job, leaving the batch unwritten", () => {
    const dir = tempDir();
    const plan = planTournament(spec());
    const store = TournamentStore.open(dir, plan);
    store.record([ok(plan.jobs[0].id, 0.1)]);
    expect(() => store.record([ok(plan.jobs[1].id, 0.2), ok(plan.jobs[0].id, 0.3)])).toThrow(
      /UNIQUE|PRIMARY/,
    );
    expect(store.counts().finished).toBe(1);
    store.close();
  });

  it("refuses a store that holds another tournament, naming what differs", () => {
    const dir = tempDir();
    TournamentStore.open(dir, planTournament(spec())).close();
    const other = planTournament(spec({ reps: 4, seed: "2" }));
    let caught: unknown;
    try {
      TournamentStore.open(dir, other);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(InputError);
    expect((caught as InputError).reason).toMatch(/--reps 3 there, 4 here; --seed 1 there, 2 here/);
    const edited = spec();
    edited.scenarios[0] = { ...edited.scenarios[0], fingerprint: "changed" };
    expect(() => TournamentStore.open(dir, planTournament(edited))).toThrow(/a scenario's content changed/);
  });
});

describe("TournamentStore lock", () => {
  it("refuses a second opening while the first holds the store, naming the holder; frees it on close", () => {
    const dir = tempDir();
    const plan = planTournament(spec());
    const first = TournamentStore.open(dir, plan);
    expect(() => TournamentStore.open(dir, plan)).toThrow(
      new RegExp(`is in use by another tournament \\(process ${process.pid} on .+, since .+\\)`),
    );
    first.close();
    TournamentStore.open(dir, plan).close();
  });

  it("takes over a lock left by a process that no longer runs", () => {
    const dir = tempDir();
    const plan = planTournament(spec());
    TournamentStore.open(dir, plan).close();
    // A lock as a killed run leaves it: a pid that cannot be running (above the kernel's pid_max).
    writeFileSync(
      join(dir, LOCK_FILE),
      JSON.stringify({ pid: 2 ** 22 + 1, host: hostname(), since: "then" }),
    );
    const store = TournamentStore.open(dir, plan);
    expect(store.counts().planned).toBe(plan.jobs.length);
    store.close();
  });
});
