// Agreement-rule benchmark: the analysis under unanimity and under quorum/weighted rules, single thread.
// Run after `npm run build`:  node bench/rules.mjs
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  agreementZone,
  analyze,
  paretoFrontier,
  readParleyScenario,
  syntheticScenario,
} from "../packages/core/dist/index.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const read = (path) => readParleyScenario(readFileSync(`${ROOT}${path}`, "utf8"), path);

/** Wall and CPU seconds (user + system) of `fn`. */
function timed(fn) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const value = fn();
  const c = process.cpuUsage(c0);
  return { value, wall: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6 };
}

const rules = (n) => [
  ["unanimity", undefined],
  [`quorum ${n - 1} of ${n}, vetoes 1,2`, { kind: "quorum", quorum: n - 1, vetoes: [0, 1] }],
  [`quorum ${Math.ceil(n / 2)} of ${n}`, { kind: "quorum", quorum: Math.ceil(n / 2), vetoes: [] }],
  [
    "weighted 3,2,1,… ≥ half",
    {
      kind: "weighted",
      powers: Array.from({ length: n }, (_, p) => Math.max(1, 3 - p)),
      threshold: Math.ceil(
        Array.from({ length: n }, (_, p) => Math.max(1, 3 - p)).reduce((a, b) => a + b) / 2,
      ),
      vetoes: [0],
    },
  ],
];

console.log("(1) Full analysis (frontier, zone, coalitions, blocking, solutions, trades)");
console.log("scenario | outcomes | rule | zone | exact | wall s | CPU s");
const plans = [
  ["six-regions (fixture)", read("test/fixtures/rules/six-regions.yaml")],
  [
    "synthetic 6×8×4",
    syntheticScenario({ parties: 6, issues: 8, options: 4, seed: 1, values: "opposed", reservation: 0.45 }),
  ],
  [
    "synthetic 7×7×5",
    syntheticScenario({ parties: 7, issues: 7, options: 5, seed: 2, values: "opposed", reservation: 0.4 }),
  ],
  [
    "synthetic 5×10×4",
    syntheticScenario({ parties: 5, issues: 10, options: 4, seed: 3, values: "opposed", reservation: 0.5 }),
  ],
];
for (const [name, scenario] of plans) {
  for (const [label, rule] of rules(scenario.parties.length)) {
    const s = rule ? { ...scenario, rule } : scenario;
    const { value, wall, cpu } = timed(() => analyze(s));
    console.log(
      `${name} | ${scenario.space.size} | ${label} | ${value.zone.size} | ${value.zone.exact} | ${wall.toFixed(2)} | ${cpu.toFixed(2)}`,
    );
  }
}

console.log("\n(2) Zone only, two additive parties beyond enumeration (12×5 = 2.4·10^8 outcomes)");
const two = syntheticScenario({ parties: 2, issues: 12, options: 5, seed: 3, reservation: 0.7 });
const frontier = paretoFrontier(two);
for (const [label, rule] of [
  ["unanimity (meet-in-the-middle)", undefined],
  ["either party (inclusion–exclusion)", { kind: "quorum", quorum: 1, vetoes: [] }],
]) {
  const s = rule ? { ...two, rule } : two;
  const { value, wall, cpu } = timed(() => agreementZone(s, frontier));
  console.log(
    `${label} | ${value.size} | exact ${value.exact} | ${wall.toFixed(2)} s wall | ${cpu.toFixed(2)} s CPU`,
  );
}

console.log("\n(3) The peace plan, whole plan (1.4·10^9 outcomes, zone sampled)");
const peace = read("scenarios/peace-plan/plan.yaml");
for (const [label, rule] of [
  ["unanimity", undefined],
  ["signatories", peace.ruleVariants[0].rule],
]) {
  const s = rule ? { ...peace, rule } : peace;
  const { value, wall, cpu } = timed(() => analyze(s));
  console.log(`${label} | zone ≈ ${value.zone.size} | ${wall.toFixed(2)} s wall | ${cpu.toFixed(2)} s CPU`);
}
