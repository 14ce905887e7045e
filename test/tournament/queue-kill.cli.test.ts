import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { agentRef, runQueuedTournament } from "@parley/node";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { type QueueSandbox, REDIS, sandbox } from "../../packages/node/test/queue/queue-fixtures.js";
import { loadBundled } from "../helpers/scenarios.js";
import { tempDir } from "./tournament-cli.js";

const MAIN = fileURLToPath(new URL("../../packages/cli/dist/main.js", import.meta.url));

let box: QueueSandbox | undefined;
const children: ChildProcess[] = [];
afterAll(async () => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await box?.drop();
});

/** A `parley worker` process on the sandbox's queue; a killed worker's jobs return after --lock-ms. */
function worker(sandbox: QueueSandbox): ChildProcess {
  // The sandbox's own queue and key prefix (PARLEY_QUEUE, PARLEY_QUEUE_PREFIX).
  const child = spawn(
    process.execPath,
    [MAIN, "worker", "--redis", REDIS, "--db", sandbox.db, "--lock-ms", "2000"],
    {
      env: { ...process.env, PARLEY_QUEUE: sandbox.queue, PARLEY_QUEUE_PREFIX: sandbox.prefix },
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  children.push(child);
  return child;
}

describe("two parley worker processes, one killed with kill -9 mid-run", () => {
  it("finish the tournament: every planned negotiation has exactly one result", async () => {
    box = await sandbox();
    const a = worker(box);
    worker(box);
    let killedAt = -1;
    const outcome = await runQueuedTournament(
      {
        scenarios: [await loadBundled("anac/y2012/LaptopA")],
        agents: ["boulware", "conceder", "linear"].map((name) => agentRef(name)),
        reps: 300,
        rounds: 40,
        seed: "3",
        out: join(tempDir(), "out"),
        budgetMs: 5000,
        workerMemoryMb: 128,
        redis: REDIS,
        db: box.db,
        queue: box.queue,
        prefix: box.prefix,
        batch: 50,
        pollMs: 50,
      },
      {
        onResults(_results, counts) {
          if (killedAt < 0 && counts.finished >= counts.planned / 4) {
            killedAt = counts.finished;
            a.kill("SIGKILL");
          }
        },
      },
    );
    expect(outcome.plan.jobs).toHaveLength(2700);
    expect(killedAt).toBeGreaterThan(0);
    expect(killedAt).toBeLessThan(2700);
    expect(a.signalCode).toBe("SIGKILL");
    expect(outcome.results).toHaveLength(2700);
    const client = new pg.Client({ connectionString: box.db });
    await client.connect();
    try {
      const { rows } = await client.query(
        "SELECT COUNT(*)::int AS n, COUNT(DISTINCT job_id)::int AS distinct FROM parley_results",
      );
      expect(rows[0]).toEqual({ n: 2700, distinct: 2700 });
    } finally {
      await client.end();
    }
    expect(new Set(outcome.results.map((r) => r.jobId))).toEqual(new Set(outcome.plan.jobs.map((j) => j.id)));
  }, 180_000);
});
