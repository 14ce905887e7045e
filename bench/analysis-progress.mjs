// What the analysis's progress reports cost: `analyze` with and without `onStep` (each step, and
// the frontier's fraction done, which the web app's worker turns into a percentage), in CPU time.
// Run after `npm run build`:  node bench/analysis-progress.mjs [--runs N]
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadScenario } from "../packages/cli/dist/scenario-loader.js";
import { analyze } from "../packages/core/dist/index.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const runs = Number(process.argv[process.argv.indexOf("--runs") + 1]) || 7;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** CPU milliseconds (user + system) of `fn`: on a busy machine, closer to its cost than wall time. */
const cpuMs = (fn) => {
  const c0 = process.cpuUsage();
  fn();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
};

const plans = [
  ["ANAC 2014 10issues (10^10 outcomes, searched)", "scenarios/genius/anac/y2014/10issues"],
  ["peace plan, every point open (4 parties, additive merge)", "scenarios/peace-plan/plan.yaml"],
];
for (const [label, path] of plans) {
  const scenario = await loadScenario(join(ROOT, path), { onWarning: () => {} });
  analyze(scenario); // warms the JIT
  let calls = 0;
  const without = [];
  const withSteps = [];
  // Interleaved, each first in turn, so a change of load (or the garbage one run leaves the next
  // to collect) weighs on both alike.
  for (let r = 0; r < runs; r++) {
    const plain = () => without.push(cpuMs(() => analyze(scenario)));
    const told = () => withSteps.push(cpuMs(() => analyze(scenario, { onStep: () => calls++ })));
    if (r % 2 === 0) {
      plain();
      told();
    } else {
      told();
      plain();
    }
  }
  console.log(
    `${label}: without ${median(without).toFixed(0)} ms, with onStep ${median(withSteps).toFixed(0)} ms CPU ` +
      `(medians of ${runs}); ${calls / runs} reports per analysis`,
  );
}
