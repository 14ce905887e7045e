// Tournament throughput: 5 built-in agents, every ordered pair incl. self-play (25 line-ups)
// × 10 ANAC 2012 scenarios × 20 reps = 5,000 SAOP negotiations of 100 rounds.
// Runs the built CLI (`npm run build` first) with 1 and 2 workers, each into a fresh store,
// and an in-process loop over the same plan (no workers, no store) as the baseline.
// Usage: node bench/tournament.mjs [trials=3] [reps=20]  (reps 100: 25,000 negotiations, to see scaling
// once the per-worker start-up — loading code, compiling scenarios, JIT warm-up — weighs less)
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { AGENTS, SCENARIOS } from "./tournament-jobs.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const cli = join(root, "packages/cli/dist/main.js");
const core = await import(join(root, "packages/core/dist/index.js"));
const { loadScenario } = await import(join(root, "packages/cli/build/scenario-loader.js"));

const REPS = Number(process.argv[3] ?? 20);
const TOTAL = 10 * 25 * REPS;
const ROUNDS = 100;
const trials = Number(process.argv[2] ?? 3);
const GNU_TIME = "/usr/bin/time";

/** Whole-command wall time, and the run phase the command reports (first job sent → last result stored). */
function runCli(workers) {
  const out = mkdtempSync(join(tmpdir(), "parley-bench-"));
  const args = [cli, "tournament", ...SCENARIOS, "--agents", AGENTS.join(","), "--reps", String(REPS)];
  args.push("--rounds", String(ROUNDS), "--workers", String(workers), "--out", out);
  const started = performance.now();
  // GNU time reports the CPU-seconds of every thread: a figure the other work on a shared machine does not bend.
  const run = existsSync(GNU_TIME)
    ? spawnSync(GNU_TIME, ["-f", "cpu %U %S", process.execPath, ...args], { encoding: "utf8" })
    : spawnSync(process.execPath, args, { encoding: "utf8" });
  const wall = (performance.now() - started) / 1000;
  const cpu = /cpu ([\d.]+) ([\d.]+)/.exec(run.stderr);
  rmSync(out, { recursive: true, force: true });
  if (run.status !== 0) throw new Error(`parley tournament failed:\n${run.stderr}`);
  if (!run.stdout.includes(`Tournament: ${TOTAL} of ${TOTAL} negotiations (0 failed)`))
    throw new Error(`unexpected report:\n${run.stdout}`);
  const phase = /Ran \d+ negotiations in ([\d.]+) s/.exec(run.stdout);
  return { wall, run: Number(phase[1]), cpu: cpu ? Number(cpu[1]) + Number(cpu[2]) : Number.NaN };
}

/** The same negotiations in this thread: what the engine alone does, for the pool's overhead. */
async function runInProcess() {
  const started = performance.now();
  const scenarios = [];
  for (const p of SCENARIOS) scenarios.push(await loadScenario(p, { onWarning: () => {} }));
  const plan = core.planTournament({
    scenarios: scenarios.map((s) => ({ name: s.name, parties: 2, fingerprint: "" })),
    agents: AGENTS.map((name) => ({ name, fingerprint: name })),
    reps: REPS,
    settings: { protocol: "saop", rounds: ROUNDS },
    seed: "0",
  });
  const prepared = scenarios.map((s) => new core.PreparedScenario(s));
  const analyses = scenarios.map((s) => core.referenceAnalysis(s));
  for (const job of plan.jobs) {
    core.runNegotiation(prepared[job.scenario], {
      agents: job.lineup.map((a) => AGENTS[a]),
      rounds: ROUNDS,
      seed: job.seed,
      analysis: analyses[job.scenario],
      keepTrace: false,
    });
  }
  return (performance.now() - started) / 1000;
}

/**
 * What the machine can give two threads right now: 2 × (time of one CPU-bound
 * process) / (time of two at once). About 2 when both cores are free; near 1
 * when other work holds one, and then no pool can run 2 workers 2× faster.
 */
function parallelCapacity() {
  const spin = "let x = 0; for (let i = 0; i < 3e8; i++) x += i % 7; if (x < 0) console.log(x);";
  const time = (n) => {
    const started = performance.now();
    const children = Array.from({ length: n }, () =>
      spawn(process.execPath, ["-e", spin], { stdio: "ignore" }),
    );
    return Promise.all(children.map((c) => new Promise((r) => c.on("exit", r)))).then(
      () => performance.now() - started,
    );
  };
  return time(1).then((one) => time(2).then((two) => (2 * one) / two));
}

/** N bare worker threads splitting the jobs (see tournament-raw-worker.mjs): the ceiling for any pool. */
function runRaw(n) {
  const started = performance.now();
  const workerData = { root, scenarios: SCENARIOS, agents: AGENTS, reps: REPS, rounds: ROUNDS, n };
  const url = new URL("./tournament-raw-worker.mjs", import.meta.url);
  const threads = Array.from({ length: n }, (_, k) => new Worker(url, { workerData: { ...workerData, k } }));
  return Promise.all(
    threads.map((w) => new Promise((r) => w.once("message", () => w.terminate().then(r)))),
  ).then(() => (performance.now() - started) / 1000);
}

const best = (xs) => Math.min(...xs);
const rate = (s) => Math.round(TOTAL / s);
console.log(
  `machine: ${cpus().length} × ${cpus()[0].model}, node ${process.version}, load ${loadavg()[0].toFixed(2)}`,
);
console.log(`parallel capacity before (2 = both cores free): ${(await parallelCapacity()).toFixed(2)}`);
console.log(
  `${TOTAL} negotiations (${SCENARIOS.length} scenarios × 25 line-ups × ${REPS} reps, ${ROUNDS} rounds); best of ${trials}`,
);
const inProcessTimes = [];
for (let t = 0; t < trials; t++) inProcessTimes.push(await runInProcess()); // one after another: each is timed
const inProcess = best(inProcessTimes);
console.log(`in-process loop, no workers or store: ${inProcess.toFixed(2)} s, ${rate(inProcess)}/s`);
// 1 and 2 workers alternate, so both meet the same moments of a shared machine.
const runs = { 1: [], 2: [] };
const raw = { 1: [], 2: [] };
for (let t = 0; t < trials; t++)
  for (const workers of [1, 2]) {
    raw[workers].push(await runRaw(workers));
    runs[workers].push(runCli(workers));
  }
const rawSpeedup = best(raw[1]) / best(raw[2]);
console.log(
  `bare workers, no pool or store: 1 → ${best(raw[1]).toFixed(2)} s, 2 → ${best(raw[2]).toFixed(2)} s ` +
    `(${rawSpeedup.toFixed(2)}×: what this machine allows two threads here)`,
);
const results = {};
for (const workers of [1, 2]) {
  const wall = best(runs[workers].map((r) => r.wall));
  const run = best(runs[workers].map((r) => r.run));
  const cpu = best(runs[workers].map((r) => r.cpu));
  results[workers] = { wall, run };
  console.log(
    `parley tournament --workers ${workers}: ${wall.toFixed(2)} s wall (${rate(wall)}/s); ` +
      `run phase ${run.toFixed(2)} s (${rate(run)}/s); ${cpu.toFixed(2)} CPU-s in all threads`,
  );
}
const speedup = (k) => (results[1][k] / results[2][k]).toFixed(2);
console.log(`2 vs 1 workers: ${speedup("wall")}× wall, ${speedup("run")}× run phase`);
console.log(
  `vs NegMAS (41/s): ${Math.round(rate(results[2].wall) / 41)}× wall, ${Math.round(rate(results[2].run) / 41)}× run phase`,
);
console.log(
  `load after: ${loadavg()[0].toFixed(2)}; parallel capacity after: ${(await parallelCapacity()).toFixed(2)}`,
);
