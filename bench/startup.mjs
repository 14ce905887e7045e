// How long the `parley` command takes from start to exit on small inputs: wall time of a whole
// process, best of N runs (the minimum is the least noisy figure on a shared machine).
// Build first. Run: node bench/startup.mjs [runs=15] [checkout ...]
// With checkouts (built copies of the repository, e.g. an older commit), each command runs in each of
// them in turn, so the columns meet the same moments of a shared machine; default: this repository.
import { spawnSync } from "node:child_process";
import { cpus, loadavg } from "node:os";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

const runs = Number(process.argv[2] ?? 15);
const roots =
  process.argv.length > 3
    ? process.argv.slice(3).map((r) => resolve(r))
    : [fileURLToPath(new URL("../", import.meta.url))];
const main = "packages/cli/dist/main.js";

const commands = [
  ["node -e 0 (Node.js alone)", ["-e", "0"]],
  ["parley --help", [main, "--help"]],
  ["parley agents", [main, "agents"]],
  [
    "parley inspect <GENIUS folder> --json",
    [main, "inspect", "scenarios/genius/anac/y2010/EnglandZimbabwe", "--json"],
  ],
  ["parley inspect <Parley YAML> --json", [main, "inspect", "scenarios/peace-plan", "--json"]],
];

/** Wall milliseconds of one run; fails loudly if the command does. */
function once(root, args) {
  const started = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: ["ignore", "ignore", "pipe"] });
  const ms = performance.now() - started;
  if (r.status !== 0) throw new Error(`node ${args.join(" ")} in ${root} exited ${r.status}: ${r.stderr}`);
  return ms;
}

console.log(
  `machine: ${cpus().length} × ${cpus()[0].model}, node ${process.version}, load ${loadavg()[0].toFixed(2)}; best (median) of ${runs}`,
);
if (roots.length > 1) for (const [k, r] of roots.entries()) console.log(`column ${k + 1}: ${r}`);
for (const root of roots) for (const [, args] of commands) once(root, args); // warm the file cache
for (const [label, args] of commands) {
  const times = roots.map(() => []);
  for (let i = 0; i < runs; i++) for (const [k, root] of roots.entries()) times[k].push(once(root, args));
  const cells = times.map((t) => {
    t.sort((a, b) => a - b);
    return `${t[0].toFixed(0).padStart(4)} ms (${t[Math.floor(t.length / 2)].toFixed(0).padStart(4)})`;
  });
  console.log(`${label.padEnd(40)} ${cells.join("   ")}`);
}
