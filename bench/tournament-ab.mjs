// A/B of `parley tournament --workers N` between this checkout and other built ones (an older commit in
// a `git worktree`, with its own `npm run build`): the same command as bench/tournament.mjs, runs of the
// builds taking turns so all meet the same moments of a shared machine.
// Usage: node bench/tournament-ab.mjs [--trials 3] [--reps 20] [--workers 1] [--instructions] <other-root>...
// --instructions: each run under valgrind (callgrind) instead, for the instructions of every thread,
// which other work on the machine does not bend (about 50 times slower: use a few reps).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { AGENTS, SCENARIOS } from "./tournament-jobs.mjs";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    trials: { type: "string", default: "3" },
    reps: { type: "string", default: "20" },
    workers: { type: "string", default: "1" },
    instructions: { type: "boolean", default: false },
  },
});
if (positionals.length === 0)
  throw new Error(
    "usage: node bench/tournament-ab.mjs [--trials 3] [--reps 20] [--workers 1] [--instructions] <other-root>...",
  );
const { trials, reps, workers } = values;
const builds = [fileURLToPath(new URL("..", import.meta.url)), ...positionals.map((p) => resolve(p))];
const TOTAL = 10 * 25 * Number(reps);

/**
 * One run of the built CLI of `root`: wall, the run phase it reports, CPU-seconds of every thread
 * (GNU time) or, with --instructions, their instructions (the move budget raised for valgrind's pace).
 */
function run(root) {
  const out = mkdtempSync(join(tmpdir(), "parley-ab-"));
  const args = [join(root, "packages/cli/dist/main.js"), "tournament", ...SCENARIOS];
  args.push("--agents", AGENTS.join(","), "--reps", reps, "--rounds", "100", "--workers", workers);
  args.push("--out", out);
  const [tool, toolArgs] = values.instructions
    ? ["valgrind", ["--tool=callgrind", `--callgrind-out-file=${join(out, "callgrind.out")}`]]
    : ["/usr/bin/time", ["-f", "cpu %U %S"]];
  if (values.instructions) args.push("--budget-ms", "60000");
  const started = performance.now();
  const done = spawnSync(tool, [...toolArgs, process.execPath, ...args], { encoding: "utf8" });
  const wall = (performance.now() - started) / 1000;
  rmSync(out, { recursive: true, force: true });
  if (!done.stdout.includes(`Tournament: ${TOTAL} of ${TOTAL} negotiations (0 failed)`))
    throw new Error(`unexpected report from ${root}:\n${done.stdout}\n${done.stderr}`);
  const phase = Number(/Ran \d+ negotiations in ([\d.]+) s/.exec(done.stdout)[1]);
  const load = loadavg()[0];
  if (values.instructions) {
    const ir = Number(/Collected : (\d+)/.exec(done.stderr)[1]);
    return { wall, run: phase, cpu: Number.NaN, gi: ir / 1e9, load };
  }
  const cpu = /cpu ([\d.]+) ([\d.]+)/.exec(done.stderr);
  return { wall, run: phase, cpu: Number(cpu[1]) + Number(cpu[2]), gi: Number.NaN, load };
}

const cost = (r) => (values.instructions ? `${r.gi.toFixed(3)} G instructions` : `${r.cpu.toFixed(2)} CPU-s`);
const fmt = (r) =>
  `${r.wall.toFixed(2)} s wall, run phase ${r.run.toFixed(2)} s, ${cost(r)} (load ${r.load.toFixed(2)})`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
console.log(`machine: ${cpus().length} × ${cpus()[0].model}, node ${process.version}`);
console.log(`${TOTAL} negotiations, --workers ${workers}, ${trials} runs of each build`);
const results = builds.map(() => []);
for (let t = 0; t < Number(trials); t++)
  // Each trial starts with another build, so none always runs first (or last) of a round.
  for (let k = 0; k < builds.length; k++) {
    const b = (t + k) % builds.length;
    const r = run(builds[b]);
    results[b].push(r);
    console.log(`${builds[b]} #${t + 1}: ${fmt(r)}`);
  }
builds.forEach((root, b) => {
  const stat = (k, digits = 2) => {
    const xs = results[b].map((r) => r[k]);
    return `${Math.min(...xs).toFixed(digits)} / ${median(xs).toFixed(digits)}`;
  };
  const total = values.instructions ? `G instructions ${stat("gi", 3)}` : `CPU ${stat("cpu")} s`;
  console.log(`${root}: best / median: wall ${stat("wall")} s; run phase ${stat("run")} s; ${total}`);
});
