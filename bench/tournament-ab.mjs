// A/B of `parley tournament --workers N` between this checkout and another built one (an older commit in
// a `git worktree`, with its own `npm run build`): the same command as bench/tournament.mjs, runs of the
// two builds alternating so both meet the same moments of a shared machine.
// Usage: node bench/tournament-ab.mjs <other-root> [trials=3] [reps=20] [workers=1]
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { AGENTS, SCENARIOS } from "./tournament-jobs.mjs";

const [otherRoot, trials = "3", reps = "20", workers = "1"] = process.argv.slice(2);
if (!otherRoot) throw new Error("usage: node bench/tournament-ab.mjs <other-root> [trials] [reps] [workers]");
const builds = { new: fileURLToPath(new URL("..", import.meta.url)), old: resolve(otherRoot) };
const TOTAL = 10 * 25 * Number(reps);

/** One run of the built CLI of `root`: wall, the run phase it reports, CPU-seconds of every thread. */
function run(root) {
  const out = mkdtempSync(join(tmpdir(), "parley-ab-"));
  const args = [join(root, "packages/cli/dist/main.js"), "tournament", ...SCENARIOS];
  args.push("--agents", AGENTS.join(","), "--reps", reps, "--rounds", "100", "--workers", workers);
  args.push("--out", out);
  const started = performance.now();
  const done = spawnSync("/usr/bin/time", ["-f", "cpu %U %S", process.execPath, ...args], {
    encoding: "utf8",
  });
  const wall = (performance.now() - started) / 1000;
  rmSync(out, { recursive: true, force: true });
  if (!done.stdout.includes(`Tournament: ${TOTAL} of ${TOTAL} negotiations (0 failed)`))
    throw new Error(`unexpected report from ${root}:\n${done.stdout}\n${done.stderr}`);
  const cpu = /cpu ([\d.]+) ([\d.]+)/.exec(done.stderr);
  const phase = /Ran \d+ negotiations in ([\d.]+) s/.exec(done.stdout);
  return { wall, run: Number(phase[1]), cpu: Number(cpu[1]) + Number(cpu[2]), load: loadavg()[0] };
}

const fmt = (r) =>
  `${r.wall.toFixed(2)} s wall, run phase ${r.run.toFixed(2)} s, ${r.cpu.toFixed(2)} CPU-s (load ${r.load.toFixed(2)})`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
console.log(`machine: ${cpus().length} × ${cpus()[0].model}, node ${process.version}`);
console.log(`${TOTAL} negotiations, --workers ${workers}; old = ${builds.old}`);
const results = { old: [], new: [] };
for (let t = 0; t < Number(trials); t++)
  for (const name of t % 2 ? ["new", "old"] : ["old", "new"]) {
    const r = run(builds[name]);
    results[name].push(r);
    console.log(`${name} #${t + 1}: ${fmt(r)}`);
  }
for (const name of ["old", "new"]) {
  const rs = results[name];
  const stat = (k) =>
    `${Math.min(...rs.map((r) => r[k])).toFixed(2)} / ${median(rs.map((r) => r[k])).toFixed(2)}`;
  console.log(
    `${name}: best / median: wall ${stat("wall")} s; run phase ${stat("run")} s; CPU ${stat("cpu")} s`,
  );
}
