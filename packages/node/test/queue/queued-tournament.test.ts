import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { JobResult, Scenario } from "@parley/core";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadBundled } from "../../../../test/helpers/scenarios.js";
import { tempDir } from "../../../../test/helpers/temp.js";
import { agentRef } from "../../src/agents/agent-ref.js";
import { moduleFingerprint } from "../../src/agents/load-agent.js";
import { startQueueWorker } from "../../src/queue/queue-worker.js";
import { runQueuedTournament } from "../../src/queue/run-queued-tournament.js";
import { PgTournamentStore } from "../../src/store/pg-tournament-store.js";
import { planFor, runTournament, TournamentAborted } from "../../src/tournament/run-tournament.js";
import { type QueueSandbox, REDIS, sandbox } from "./queue-fixtures.js";

let scenarios: Scenario[];
beforeAll(async () => {
  scenarios = [await loadBundled("anac/y2012/LaptopA"), await loadBundled("anac/y2012/CarA")];
});

const sandboxes: QueueSandbox[] = [];
afterEach(async () => {
  for (const s of sandboxes.splice(0)) await s.drop();
});
async function fresh(): Promise<QueueSandbox> {
  const s = await sandbox();
  sandboxes.push(s);
  return s;
}

const AGENTS = ["boulware", "conceder", "linear"];
const settings = { reps: 2, rounds: 40, seed: "7", budgetMs: 5000, workerMemoryMb: 128 };

describe("a tournament on the queue", () => {
  it("gives the leaderboard of a single-machine run with the same seed", async () => {
    const box = await fresh();
    const local = await runTournament({
      ...settings,
      scenarios,
      agents: AGENTS.map((name) => agentRef(name)),
      out: join(tempDir(), "local"),
      workers: 2,
    });
    const worker = startQueueWorker({ redis: REDIS, queue: box.queue, prefix: box.prefix, concurrency: 2 });
    try {
      const queued = await runQueuedTournament({
        ...settings,
        scenarios,
        agents: AGENTS.map((name) => agentRef(name)),
        out: join(tempDir(), "queued"),
        redis: REDIS,
        db: box.db,
        queue: box.queue,
        prefix: box.prefix,
        batch: 10,
      });
      expect(queued.results).toHaveLength(local.plan.jobs.length);
      expect(readFileSync(join(queued.out, "leaderboard.json"), "utf8")).toBe(
        readFileSync(join(local.out, "leaderboard.json"), "utf8"),
      );
      expect(readFileSync(join(queued.out, "results.csv"), "utf8")).toBe(
        readFileSync(join(local.out, "results.csv"), "utf8"),
      );
    } finally {
      await worker.close();
    }
  });

  it("carries an agent module to the worker by content: the file may be gone once planned", async () => {
    const box = await fresh();
    const dir = tempDir();
    // Beside the repository's node_modules, so the module's `import "@parley/core"` resolves.
    const module = fileURLToPath(new URL(`./agent-${box.queue}.mjs`, import.meta.url));
    const fixture = fileURLToPath(
      new URL("../../../../test/negotiation/fixtures/well-behaved-agent.mjs", import.meta.url),
    );
    copyFileSync(fixture, module);
    // Content of its own, so no worker has this module's fingerprint already.
    writeFileSync(module, `${readFileSync(module, "utf8")}\n// ${box.queue}\n`);
    // The worker's copy, fetched from the store by fingerprint (removed after the test).
    const fetched = fileURLToPath(
      new URL(
        `../../.queue-modules/${moduleFingerprint(module).replace(/[^\w-]/g, "_")}.mjs`,
        import.meta.url,
      ),
    );
    let worker: ReturnType<typeof startQueueWorker> | undefined;
    try {
      const outcome = await runQueuedTournament(
        {
          ...settings,
          scenarios: scenarios.slice(0, 1),
          agents: [agentRef("boulware"), agentRef(module)],
          out: join(dir, "out"),
          redis: REDIS,
          db: box.db,
          queue: box.queue,
          prefix: box.prefix,
        },
        {
          onStart() {
            rmSync(module);
            worker = startQueueWorker({ redis: REDIS, queue: box.queue, prefix: box.prefix });
          },
        },
      );
      expect(existsSync(fetched)).toBe(true);
      expect(outcome.board.failed).toBe(0);
      expect(outcome.board.agents.map((a) => a.name).sort()).toEqual(["boulware", "conceder"]);
    } finally {
      rmSync(module, { force: true });
      rmSync(fetched, { force: true });
      await worker?.close();
    }
  });

  it("resumes when the coordinator is stopped and run again, running nothing twice", async () => {
    const box = await fresh();
    const out = join(tempDir(), "out");
    const request = {
      ...settings,
      reps: 6,
      scenarios,
      agents: AGENTS.map((name) => agentRef(name)),
      out,
      redis: REDIS,
      db: box.db,
      queue: box.queue,
      prefix: box.prefix,
      batch: 5,
      pollMs: 20,
    };
    const worker = startQueueWorker({ redis: REDIS, queue: box.queue, prefix: box.prefix });
    try {
      const stop = new AbortController();
      await expect(
        runQueuedTournament(
          { ...request, signal: stop.signal },
          {
            onResults(_results, counts) {
              if (counts.finished > 0) stop.abort();
            },
          },
        ),
      ).rejects.toBeInstanceOf(TournamentAborted);
      const resumed = await runQueuedTournament(request);
      expect(resumed.resumedFrom?.finished).toBeGreaterThan(0);
      expect(resumed.results).toHaveLength(resumed.plan.jobs.length);
      expect(new Set(resumed.results.map((r) => r.jobId)).size).toBe(resumed.plan.jobs.length);
    } finally {
      await worker.close();
    }
  });
});

describe("the PostgreSQL tournament store", () => {
  it("keeps a job's first result, counts it once, and gives results in plan order", async () => {
    const box = await fresh();
    const plan = planFor(
      scenarios,
      AGENTS.map((name) => ({ builtin: name, name })),
      settings,
    );
    const store = await PgTournamentStore.open(box.db, plan, {});
    try {
      const [a, b, c] = plan.jobs;
      const ok = (id: string): JobResult => ({ jobId: id, status: "ok", score: null });
      await store.record([ok(c.id), ok(a.id)]);
      await store.record([{ jobId: a.id, status: "failed", reason: "again", score: null }, ok(b.id)]);
      expect(await store.counts()).toEqual({ planned: plan.jobs.length, finished: 3, failed: 0 });
      expect((await store.results()).map((r) => r.jobId)).toEqual([a.id, b.id, c.id]);
      expect((await store.pendingJobs()).map((j) => j.id)).toEqual(plan.jobs.slice(3).map((j) => j.id));
    } finally {
      await store.close();
    }
  });
});
