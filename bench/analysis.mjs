// Analysis benchmark: frontier + solution points, single thread.
// Run after `npm run build`:  node bench/analysis.mjs [--quick]
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadScenario } from "../packages/cli/build/scenario-loader.js";
import {
  agreementZone,
  paretoFrontier,
  solutionPoints,
  syntheticScenario,
} from "../packages/core/dist/index.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const quick = process.argv.includes("--quick");

const seconds = (t0) => (performance.now() - t0) / 1000;
/** CPU seconds (user + system) since `c0`: on a busy machine, closer to what the code costs than wall time. */
const cpuSeconds = (c0) => {
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1e6;
};
const peakMb = () => (process.resourceUsage().maxRSS / 1024).toFixed(0);

/** Frontier + every solution point (+ the zone, when asked), timed. */
function solve(scenario, withZone = false) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const frontier = paretoFrontier(scenario);
  const solutions = solutionPoints(scenario, frontier);
  const zone = withZone ? agreementZone(scenario, frontier) : null;
  return { frontier, solutions, zone, time: seconds(t0), cpu: cpuSeconds(c0) };
}

function scenarioFolders(dir) {
  const entries = readdirSync(dir).sort();
  if (entries.some((e) => e.endsWith(".xml"))) return [dir];
  return entries.flatMap((e) => (statSync(join(dir, e)).isDirectory() ? scenarioFolders(join(dir, e)) : []));
}

// (1) Every ANAC 2010–2013 scenario, parsing included, in one process.
{
  const folders = ["y2010", "y2011", "y2012", "y2013"].flatMap((y) =>
    scenarioFolders(join(ROOT, "scenarios/genius/anac", y)),
  );
  // One untimed pass warms the JIT; the timed pass is what a long-lived process sees.
  const pass = async () => {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    let largest = { outcomes: 0n, time: 0, name: "" };
    let parse = 0;
    for (const folder of folders) {
      const p0 = performance.now();
      const scenario = await loadScenario(folder, { onWarning: () => {} });
      parse += seconds(p0);
      const { time } = solve(scenario);
      if (scenario.space.size > largest.outcomes)
        largest = { outcomes: scenario.space.size, time, name: folder };
    }
    return { total: seconds(t0), cpu: cpuSeconds(c0), parse, largest };
  };
  const cold = await pass();
  const warm = await pass();
  console.log(
    `(1) ANAC 2010-2013: ${folders.length} scenarios, frontier + Nash/KS/egalitarian/max welfare, parsing included`,
  );
  console.log(
    `    first pass (cold JIT): ${cold.total.toFixed(3)} s wall, ${cold.cpu.toFixed(3)} s CPU (parsing ${cold.parse.toFixed(3)} s wall)`,
  );
  console.log(
    `    second pass:           ${warm.total.toFixed(3)} s wall, ${warm.cpu.toFixed(3)} s CPU (parsing ${warm.parse.toFixed(3)} s wall)`,
  );
  console.log(
    `    largest: ${warm.largest.name.split("/").slice(-2).join("/")} (${warm.largest.outcomes} outcomes) ${(warm.largest.time * 1000).toFixed(1)} ms`,
  );
}

// (2) Synthetic two-party additive plans.
console.log("\n(2) Two parties, additive (exact frontier + solution points + zone size)");
for (const [issues, options] of [
  [20, 5],
  [40, 10],
]) {
  for (const values of ["random", "opposed"]) {
    const scenario = syntheticScenario({ parties: 2, issues, options, seed: 1, values, reservation: 0.3 });
    const r = solve(scenario, true);
    console.log(
      `    ${issues}x${options} ${values.padEnd(7)} ${r.time.toFixed(3)} s wall ${r.cpu.toFixed(3)} s CPU  frontier ${r.frontier.points.length} points (exact: ${r.frontier.exact})  zone ${r.zone.size} (exact: ${r.zone.exact})  peak RSS ${peakMb()} MB`,
    );
  }
}

// (3) Three parties, 12 issues x 5 options.
console.log("\n(3) Three parties, additive, 12x5 (2.4e8 outcomes)");
for (const values of ["random", "opposed"]) {
  const scenario = syntheticScenario({ parties: 3, issues: 12, options: 5, seed: 1, values });
  const r = solve(scenario);
  const quality = r.frontier.exact ? "exact" : `epsilon ${r.frontier.epsilon}`;
  console.log(
    `    ${values.padEnd(7)} ${r.time.toFixed(3)} s wall ${r.cpu.toFixed(3)} s CPU  frontier ${r.frontier.points.length} points (${quality})  peak RSS ${peakMb()} MB`,
  );
}

// (4) Time against issues and options (two parties, opposed values: the larger frontiers).
console.log("\n(4) Two parties, opposed values: seconds (frontier points) by issues x options");
const issueCounts = quick ? [5, 10, 20] : [5, 10, 20, 40, 80];
const optionCounts = quick ? [2, 5] : [2, 5, 10, 20];
console.log(`    issues\\options ${optionCounts.map((o) => String(o).padStart(18)).join("")}`);
for (const issues of issueCounts) {
  const cells = optionCounts.map((options) => {
    const r = solve(syntheticScenario({ parties: 2, issues, options, seed: 1, values: "opposed" }));
    return `${r.time.toFixed(3)} (${r.frontier.points.length})`.padStart(18);
  });
  console.log(`    ${String(issues).padEnd(15)} ${cells.join("")}`);
}
console.log("\n    Three parties, opposed values: seconds (frontier points, exact or epsilon)");
for (const [issues, options] of [
  [6, 5],
  [10, 5],
  [12, 5],
  [16, 5],
  [20, 5],
  [12, 10],
]) {
  const r = solve(syntheticScenario({ parties: 3, issues, options, seed: 1, values: "opposed" }));
  const quality = r.frontier.exact ? "exact" : `eps ${r.frontier.epsilon}`;
  console.log(`    ${issues}x${options}: ${r.time.toFixed(3)} s (${r.frontier.points.length}, ${quality})`);
}
// (5) Beyond two additive parties: the four-party peace plan, and ANAC 2014 hyper-rectangles (10^10 outcomes, search).
console.log("\n(5) Other plans");
for (const rel of [
  "scenarios/peace-plan/plan.yaml",
  "scenarios/genius/anac/y2014/10issues",
  "scenarios/genius/anac/y2014/10issuesDiscountedwithRV",
]) {
  const scenario = await loadScenario(join(ROOT, rel), { onWarning: () => {} });
  const r = solve(scenario);
  const quality = r.frontier.exact
    ? "exact"
    : r.frontier.epsilon !== undefined
      ? `epsilon ${r.frontier.epsilon}`
      : "search";
  console.log(
    `    ${rel}: ${scenario.parties.length} parties, ${scenario.space.size} outcomes: ${r.time.toFixed(3)} s wall ${r.cpu.toFixed(3)} s CPU, frontier ${r.frontier.points.length} points (${quality})`,
  );
}

console.log(`\npeak RSS ${peakMb()} MB; node ${process.version}`);
