// How much two threads of work gain over one on this machine, with no Parley pool, store or messages in
// the way: the same negotiations split over 1 or 2 separate OS processes (timed inside each, after
// loading), beside a dependent floating-point loop split the same way. Run: node bench/scaling.mjs [reps=20] [trials=3]
import { execFileSync, spawn } from "node:child_process";
import { cpus, loadavg } from "node:os";

const reps = process.argv[2] ?? "20";
const trials = Number(process.argv[3] ?? 3);
const child = new URL("./scaling-child.mjs", import.meta.url).pathname;

/** Wall seconds until the slowest of n processes (each doing 1/n of the work) finishes its loop. */
async function split(kind, n) {
  const runs = Array.from({ length: n }, (_, k) => {
    const p = spawn(process.execPath, [child, kind, String(k), String(n), reps]);
    let out = "";
    p.stdout.on("data", (d) => (out += d));
    return new Promise((resolve) => p.on("exit", () => resolve(Number.parseFloat(out))));
  });
  return Math.max(...(await Promise.all(runs)));
}

execFileSync(process.execPath, [child, "float", "0", "1", reps]); // warm the file cache
console.log(
  `machine: ${cpus().length} × ${cpus()[0].model}, node ${process.version}, load ${loadavg()[0].toFixed(2)}`,
);
for (const [kind, what] of [
  ["float", "dependent floating-point loop"],
  ["negotiations", `${Number(reps) * 250} SAOP negotiations (tournament benchmark jobs)`],
]) {
  const best = { 1: Number.POSITIVE_INFINITY, 2: Number.POSITIVE_INFINITY };
  for (let t = 0; t < trials; t++) for (const n of [1, 2]) best[n] = Math.min(best[n], await split(kind, n));
  console.log(
    `${what}: 1 process ${best[1].toFixed(2)} s, 2 processes ${best[2].toFixed(2)} s → ${(best[1] / best[2]).toFixed(2)}×`,
  );
}
