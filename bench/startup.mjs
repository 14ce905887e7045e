// How long the `parley` command takes from start to exit on small inputs: wall time of a whole
// process, best of N runs (the minimum is the least noisy figure on a shared machine).
// Build first. Run: node bench/startup.mjs [runs=15] [checkout ...]
// With checkouts (built copies of the repository, e.g. an older commit), each command runs in each of
// them in turn, so the columns meet the same moments of a shared machine; default: this repository.
// node bench/startup.mjs --instructions [checkout ...] counts instead the instructions of one run of
// each command under valgrind (callgrind, `node --single-threaded --predictable`): the same figure
// on a busy machine as on a quiet one, at about a minute per command and checkout.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { countInstructions } from "./callgrind.mjs";

const instructions = process.argv[2] === "--instructions";
const runs = instructions ? 1 : Number(process.argv[2] ?? 15);
const roots =
  process.argv.length > 3
    ? process.argv.slice(3).map((r) => resolve(r))
    : [fileURLToPath(new URL("../", import.meta.url))];
const main = "packages/cli/dist/main.js";

const england = "scenarios/genius/anac/y2010/EnglandZimbabwe";
const plan = "scenarios/peace-plan/plan.yaml";
// Inputs and outputs of the commands that need them, in a folder removed at the end.
const work = mkdtempSync(join(tmpdir(), "parley-startup-"));
process.on("exit", () => rmSync(work, { recursive: true, force: true }));
const outcomes = join(work, "outcomes.json");
writeFileSync(
  outcomes,
  JSON.stringify([
    {
      "Size of Fund": "$50 Billion",
      "Impact on Other Aid": "No reduction",
      "Zimbabwe Trade Policy": "No agreement",
      "England Trade Policy": "England will increase imports",
      "Forum on Other Health Issues": "Creation of fund",
    },
  ]),
);

/** A new folder per run: convert refuses to write into a folder that is not empty. */
let folders = 0;

/** Every command on a small input: start-up and reading dominate, as when a script calls it many times. */
const commands = [
  ["node -e 0 (Node.js alone)", ["-e", "0"]],
  ["parley --help", [main, "--help"]],
  ["parley agents", [main, "agents"]],
  ["parley inspect <GENIUS folder> --json", [main, "inspect", england, "--json"]],
  ["parley inspect <Parley YAML> --json", [main, "inspect", "scenarios/peace-plan", "--json"]],
  ["parley eval <GENIUS folder> --outcomes", [main, "eval", england, "--outcomes", outcomes, "--json"]],
  ["parley convert <GENIUS folder> <out.json>", [main, "convert", england, join(work, "england.json")]],
  [
    "parley convert <Parley YAML> <GENIUS dir>",
    [main, "convert", plan, () => join(work, `genius-${++folders}`), "--to", "genius"],
  ],
  ["parley analyze <GENIUS folder> --json", [main, "analyze", england, "--json"]],
  [
    "parley analyze <Parley YAML> --settled",
    [main, "analyze", plan, "--settled", "scenarios/peace-plan/draft.json"],
  ],
  [
    "parley negotiate <GENIUS folder>",
    [main, "negotiate", england, "--agents", "boulware,conceder", "--json"],
  ],
  ["parley tournament --help", [main, "tournament", "--help"]],
  ["parley record <Parley YAML>", [main, "record", plan]],
  ["parley demo --help", [main, "demo", "--help"]],
];

/** GNU time, when installed, reports each run's CPU time: less at the mercy of a busy machine than wall time. */
const gnuTime = existsSync("/usr/bin/time") ? "/usr/bin/time" : null;
const timeFile = join(work, "time.txt");

/** Wall and CPU (user + system) milliseconds of one run; fails loudly if the command does. */
function once(root, template) {
  const args = template.map((a) => (typeof a === "function" ? a() : a));
  const [command, argv] = gnuTime
    ? [gnuTime, ["-f", "%U %S", "-o", timeFile, process.execPath, ...args]]
    : [process.execPath, args];
  const started = performance.now();
  const r = spawnSync(command, argv, { cwd: root, stdio: ["ignore", "ignore", "pipe"] });
  const wall = performance.now() - started;
  if (r.status !== 0) throw new Error(`node ${args.join(" ")} in ${root} exited ${r.status}: ${r.stderr}`);
  if (!gnuTime) return { wall, cpu: Number.NaN };
  const [user, system] = readFileSync(timeFile, "utf8").trim().split(/\s+/).map(Number);
  return { wall, cpu: (user + system) * 1000 };
}

const ms = (x) => x.toFixed(0).padStart(5);

/** Millions of instructions one run executes (see callgrind.mjs). */
function millionsOfInstructions(root, template) {
  const args = template.map((a) => (typeof a === "function" ? a() : a));
  return countInstructions(args, { cwd: root }) / 1e6;
}

console.log(
  `machine: ${cpus().length} × ${cpus()[0].model}, node ${process.version}, load ${loadavg()[0].toFixed(2)}; ` +
    (instructions ? "millions of instructions of one run" : `best (median) of ${runs}: wall ms, CPU ms`),
);
if (roots.length > 1) for (const [k, r] of roots.entries()) console.log(`column ${k + 1}: ${r}`);
if (instructions) {
  for (const [label, args] of commands)
    console.log(
      `${label.padEnd(44)} ${roots.map((root) => ms(millionsOfInstructions(root, args))).join("   ")}`,
    );
  process.exit(0);
}
for (const root of roots) for (const [, args] of commands) once(root, args); // warm the file cache
for (const [label, args] of commands) {
  const runsOf = roots.map(() => []);
  for (let i = 0; i < runs; i++) for (const [k, root] of roots.entries()) runsOf[k].push(once(root, args));
  const cells = runsOf.map((t) => {
    const wall = t.map((x) => x.wall).sort((a, b) => a - b);
    const cpu = t.map((x) => x.cpu).sort((a, b) => a - b);
    const mid = Math.floor(t.length / 2);
    return `${ms(wall[0])} (${ms(wall[mid])})  ${ms(cpu[0])} (${ms(cpu[mid])})`;
  });
  console.log(`${label.padEnd(44)} ${cells.join("   ")}`);
}
