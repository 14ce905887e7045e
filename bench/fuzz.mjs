// Fuzzing benchmark: 10^5 mutated inputs (by default) for every reader Parley has, on the built
// packages. Prints, per reader: cases, accepted, clean errors (an InputError naming the file),
// unclear errors (an InputError naming no file), crashes (any other exception), hangs (a case over
// 2 s of CPU time), and the slowest case (CPU time). Exit code 1 if any case crashed, hung or failed unclearly.
// Run after `npm run build`:  node bench/fuzz.mjs [--cases N] [--seed S] [--only <reader name part>]
import { loadScenario } from "../packages/cli/build/scenario-loader.js";
import * as core from "../packages/core/dist/index.js";
import { fuzz, fuzzTargets } from "./fuzz-lib.mjs";
import { fuzzSeeds } from "./fuzz-seeds.mjs";

const arg = (flag, fallback) => {
  const i = process.argv.indexOf(flag);
  return i < 0 ? fallback : process.argv[i + 1];
};
const cases = Number(arg("--cases", 100_000));
const seed = Number(arg("--seed", 1));
const only = arg("--only", "");

const targets = fuzzTargets(core, await fuzzSeeds(loadScenario));

console.log(`Fuzzing ${cases.toLocaleString("en")} cases per reader, seed ${seed}\n`);
const rows = [];
let bad = 0;
for (const target of targets) {
  if (only && !target.name.includes(only)) continue;
  const t0 = performance.now();
  const { counts, failures, slowestMs } = fuzz(target, {
    cases,
    seed,
    onProgress: (c) => console.log(`  ${target.name} so far: ${JSON.stringify(c)}`),
  });
  const seconds = (performance.now() - t0) / 1000;
  rows.push({
    reader: target.name,
    ...counts,
    slowestMs: Math.round(slowestMs),
    seconds: Math.round(seconds),
  });
  bad += counts.crash + counts.hang + counts.unclear;
  for (const f of failures) {
    console.log(`${target.name}: ${f.kind}: ${f.message.split("\n").slice(0, 4).join(" | ")}`);
    console.log(`  input: ${JSON.stringify(f.input).slice(0, 600)}`);
  }
}
console.log(
  "\n| reader | cases | accepted | clean errors | unclear errors | crashes | hangs | slowest case | time |",
);
console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
const n = (x) => x.toLocaleString("en");
for (const r of rows)
  console.log(
    `| ${r.reader} | ${n(r.cases)} | ${n(r.accepted)} | ${n(r.clean)} | ${n(r.unclear)} | ${n(r.crash)} | ${n(r.hang)} | ${n(r.slowestMs)} ms | ${n(r.seconds)} s |`,
  );
process.exitCode = bad > 0 ? 1 : 0;
