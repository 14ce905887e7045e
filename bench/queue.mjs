// Tournaments on the queue against the local pool, on the same jobs: 5 built-in agents (25 line-ups)
// × 10 ANAC 2012 scenarios × REPS, SAOP, 100 rounds. Runs the built CLI (`npm run build` first):
// `parley tournament --workers 1` and `--workers 2` (the single-process pool), then
// `parley tournament --redis --db` with 1, 2 and 4 `parley worker` processes (concurrency 1 each),
// each into a fresh PostgreSQL database and BullMQ queue (PostgreSQL at 127.0.0.1:5432, Redis at :6379).
// Figures: the run phase each command reports ("Ran N negotiations in S s"), so start-up is left out alike.
// Usage: node bench/queue.mjs [reps=8]
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { AGENTS, SCENARIOS } from "./tournament-jobs.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const cli = join(root, "packages/cli/dist/main.js");
const REPS = Number(process.argv[2] ?? 8);
const TOTAL = SCENARIOS.length * AGENTS.length ** 2 * REPS;
const REDIS = "redis://127.0.0.1:6379";

function psql(sql) {
  const r = spawnSync("psql", ["-h", "127.0.0.1", "-U", "root", "-d", "test", "-qc", sql], {
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(r.stderr);
}

function tournamentArgs(out) {
  return [
    cli,
    "tournament",
    ...SCENARIOS,
    "--agents",
    AGENTS.join(","),
    "--reps",
    String(REPS),
    "--rounds",
    "100",
    "--out",
    out,
  ];
}

/** The run phase's seconds, from the report. */
function ranSeconds(stdout) {
  const m = /Ran (\d+) negotiations in ([\d.]+) s/.exec(stdout);
  if (!m || Number(m[1]) !== TOTAL) throw new Error(`unexpected report:\n${stdout}`);
  return Number(m[2]);
}

function local(workers) {
  const out = mkdtempSync(join(tmpdir(), "parley-bench-q-"));
  const run = spawnSync(process.execPath, [...tournamentArgs(out), "--workers", String(workers)], {
    encoding: "utf8",
  });
  rmSync(out, { recursive: true, force: true });
  if (run.status !== 0) throw new Error(run.stderr);
  return ranSeconds(run.stdout);
}

function startWorker(db, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, "worker", "--redis", REDIS, "--db", db], {
      env,
      stdio: ["ignore", "ignore", "pipe"],
    });
    child.stderr.on("data", (d) => {
      if (String(d).includes("taking tournament jobs")) resolve(child);
    });
    child.once("exit", (code) => reject(new Error(`parley worker exited (${code})`)));
  });
}

async function queued(workers) {
  const id = randomBytes(4).toString("hex");
  const name = `parley_bench_${id}`;
  psql(`CREATE DATABASE ${name}`);
  const db = `postgres://root@127.0.0.1:5432/${name}`;
  const env = { ...process.env, PARLEY_QUEUE: `bench-${id}`, PARLEY_QUEUE_PREFIX: `parley-bench-${id}` };
  const out = mkdtempSync(join(tmpdir(), "parley-bench-q-"));
  const children = [];
  try {
    for (let i = 0; i < workers; i++) children.push(await startWorker(db, env));
    const run = spawnSync(process.execPath, [...tournamentArgs(out), "--redis", REDIS, "--db", db], {
      encoding: "utf8",
      env,
    });
    if (run.status !== 0) throw new Error(run.stderr);
    return ranSeconds(run.stdout);
  } finally {
    for (const c of children) {
      c.removeAllListeners("exit");
      c.kill("SIGTERM");
    }
    await Promise.all(
      children.map((c) => new Promise((r) => (c.exitCode !== null ? r() : c.once("exit", r)))),
    );
    rmSync(out, { recursive: true, force: true });
    const keys = spawnSync("redis-cli", ["--scan", "--pattern", `${env.PARLEY_QUEUE_PREFIX}:*`], {
      encoding: "utf8",
    })
      .stdout.split("\n")
      .filter(Boolean);
    if (keys.length) spawnSync("redis-cli", ["del", ...keys]);
    psql(`DROP DATABASE ${name} WITH (FORCE)`);
  }
}

console.log(
  `${TOTAL} negotiations (${SCENARIOS.length} scenarios × ${AGENTS.length ** 2} line-ups × ${REPS} reps), 100 rounds; load average ${loadavg()[0].toFixed(2)}`,
);
const rows = [];
const line = (what, seconds) => {
  rows.push({ what, seconds });
  console.log(
    `${what.padEnd(34)} ${seconds.toFixed(2).padStart(7)} s  ${Math.round(TOTAL / seconds)
      .toString()
      .padStart(6)} negotiations/s`,
  );
};
const pool1 = local(1);
line("local pool, 1 worker thread", pool1);
line("local pool, 2 worker threads", local(2));
const queue1 = await queued(1);
line("queue, 1 worker process", queue1);
line("queue, 2 worker processes", await queued(2));
line("queue, 4 worker processes", await queued(4));
console.log(
  `queue cost per negotiation (1 process vs 1 thread): ${(((queue1 - pool1) / TOTAL) * 1000).toFixed(3)} ms`,
);
