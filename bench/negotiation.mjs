// Negotiation benchmark: SAOP, 100 rounds, single thread.
// Run after `npm run build`:  node bench/negotiation.mjs [--seconds S]
import { fileURLToPath } from "node:url";
import { loadScenario } from "../packages/cli/build/scenario-loader.js";
import {
  AdditiveBidIndex,
  buildBidIndex,
  compileUtility,
  driveNegotiation,
  MEDIATOR,
  mediatorSeat,
  negotiatorSeat,
  openNegotiation,
  PreparedScenario,
  Rng,
  referenceAnalysis,
  replay,
  runNegotiation,
  syntheticScenario,
} from "../packages/core/dist/index.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const at = process.argv.indexOf("--seconds");
const SECONDS = at > 0 ? Number(process.argv[at + 1]) : 2;

const scenarios = ["anac/y2010/EnglandZimbabwe", "anac/y2010/ItexvsCypress", "anac/y2012/LaptopA"];
const lineups = [
  ["boulware", "conceder"],
  ["nash-frequency", "nash-frequency"],
  // Both concede late: most of these negotiations run 80–95 rounds.
  ["hardheaded", "boulware"],
];

/** Runs negotiations back to back for `seconds` (after a warm-up) and counts them and their rounds. */
function measure(prepared, analysis, agents, keepTrace) {
  const once = (seed) => runNegotiation(prepared, { agents, rounds: 100, seed, analysis, keepTrace });
  for (let seed = 0; seed < 300; seed++) once(seed);
  let negotiations = 0;
  let rounds = 0;
  let agreed = 0;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let elapsed = 0;
  while (elapsed < SECONDS * 1000) {
    for (let k = 0; k < 50; k++) {
      const r = once(negotiations);
      negotiations++;
      rounds += r.rounds;
      if (r.agreement) agreed++;
    }
    elapsed = performance.now() - t0;
  }
  // CPU time, not wall time: the figure is per core even when other processes share the machine.
  const c = process.cpuUsage(c0);
  const cpu = (c.user + c.system) / 1e6;
  return {
    perSecond: negotiations / cpu,
    roundsPerSecond: rounds / cpu,
    wallPerSecond: negotiations / (elapsed / 1000),
    meanRounds: rounds / negotiations,
    agreed: agreed / negotiations,
  };
}

const fmt = (x) => Math.round(x).toLocaleString("en");
console.log(
  `SAOP, 100 rounds, single thread, ${SECONDS} s per line; per CPU-second (wall-clock figure beside it); metrics against a precomputed analysis`,
);
console.log(
  "scenario                      agents                           trace  negotiations/s     rounds/s   (wall n/s)  mean rounds  agreed",
);
for (const rel of scenarios) {
  const scenario = await loadScenario(join(rel), { onWarning: () => {} });
  const prepared = new PreparedScenario(scenario);
  const analysis = referenceAnalysis(scenario);
  for (const agents of lineups) {
    for (const keepTrace of [true, false]) {
      const m = measure(prepared, analysis, agents, keepTrace);
      console.log(
        `${rel.padEnd(29)} ${agents.join(" vs ").padEnd(32)} ${(keepTrace ? "kept" : "off").padEnd(5)} ${fmt(m.perSecond).padStart(14)} ${fmt(m.roundsPerSecond).padStart(12)} ${`(${fmt(m.wallPerSecond)})`.padStart(12)} ${m.meanRounds.toFixed(1).padStart(12)} ${(100 * m.agreed).toFixed(0).padStart(6)}%`,
      );
    }
  }
}

// The mediated single text: one revision and every party's vote per round.
console.log(
  "\nMediated single text, truthful parties, default deadline (500 rounds on these plans), per CPU-second",
);
for (const rel of scenarios) {
  const scenario = await loadScenario(join(rel), { onWarning: () => {} });
  const prepared = new PreparedScenario(scenario);
  const analysis = referenceAnalysis(scenario);
  for (const mediator of ["annealing", "frontier"]) {
    const agents = scenario.parties.map(() => "linear");
    const once = (seed) =>
      runNegotiation(prepared, { protocol: "mediated", mediator, agents, seed, analysis });
    for (let seed = 0; seed < 20; seed++) once(seed);
    const c0 = process.cpuUsage();
    let n = 0;
    let rounds = 0;
    let near = 0;
    while (n < 200) {
      const r = once(n++);
      rounds += r.rounds;
      if (r.agreement && r.metrics.paretoDistance <= 0.05) near++;
    }
    const c = process.cpuUsage(c0);
    const cpu = (c.user + c.system) / 1e6;
    console.log(
      `${rel.padEnd(29)} ${mediator.padEnd(10)} ${fmt(n / cpu).padStart(8)} negotiations/s ${fmt(rounds / cpu).padStart(10)} rounds/s, ${near}/${n} within 0.05 of the frontier`,
    );
  }
}

function join(rel) {
  return `${ROOT}scenarios/genius/${rel}`;
}

// Bidding at a target utility: index once, then search, versus scanning the space each time.
console.log("\nOffer at a target utility (atLeast), random targets in [0, 1]");
const rng = new Rng(1);
const targets = Array.from({ length: 20_000 }, () => rng.next());
function queries(index) {
  let sink = 0;
  const t0 = performance.now();
  for (const t of targets) sink += index.atLeast(t).length;
  const s = (performance.now() - t0) / 1000;
  return { perSecond: targets.length / s, sink };
}
{
  const england = await loadScenario(join("anac/y2010/EnglandZimbabwe"), { onWarning: () => {} });
  const u = compileUtility(england.space, england.parties[0].profile);
  let t0 = performance.now();
  const index = buildBidIndex(england.space, u);
  const build = performance.now() - t0;
  const q = queries(index);
  // The naive alternative: scan every outcome for the nearest one above the target.
  t0 = performance.now();
  const few = targets.slice(0, 200);
  for (const t of few) {
    let best = Number.POSITIVE_INFINITY;
    for (const o of england.space.enumerate()) {
      const x = u.utility(o);
      if (x >= t && x < best) best = x;
    }
  }
  const scan = few.length / ((performance.now() - t0) / 1000);
  console.log(
    `EnglandZimbabwe (${england.space.size} outcomes): sorted index built in ${build.toFixed(1)} ms, ${fmt(q.perSecond)} queries/s; scanning the space: ${fmt(scan)} queries/s`,
  );
}
for (const [issues, options] of [
  [14, 10],
  [30, 10],
]) {
  const s = syntheticScenario({ parties: 1, issues, options, seed: 1 });
  const u = compileUtility(s.space, s.parties[0].profile);
  const t0 = performance.now();
  const index = new AdditiveBidIndex(u);
  const build = performance.now() - t0;
  const q = queries(index);
  // How far above the target the offer lands, for targets the space can meet.
  let worst = 0;
  for (const t of targets.slice(0, 2000)) {
    if (t < index.worstUtility || t > index.bestUtility) continue;
    worst = Math.max(worst, u.utility(index.atLeast(t)) - t);
  }
  console.log(
    `synthetic additive ${issues}×${options} (10^${Math.round(Math.log10(Number(s.space.size)))} outcomes): additive search built in ${build.toFixed(2)} ms, ${fmt(q.perSecond)} queries/s, largest overshoot above target ${worst.toExponential(1)}`,
  );
}

// The asynchronous driver (live rooms) on the same agents, and rebuilding a session from its move log.
console.log("\nAsynchronous driver and replay, EnglandZimbabwe, per CPU-second");
{
  const scenario = await loadScenario(join("anac/y2010/EnglandZimbabwe"), { onWarning: () => {} });
  const prepared = new PreparedScenario(scenario);
  for (const [protocol, agents, rounds] of [
    ["saop", ["boulware", "conceder"], 100],
    ["mediated", ["linear", "linear"], undefined],
  ]) {
    const options = { protocol, agents, rounds, mediator: "annealing", keepLog: true, analysis: null };
    const drive = async (seed) => {
      const { session, setup, seats, mediator } = openNegotiation(prepared, { ...options, seed });
      const driven = seats.map((n, p) => negotiatorSeat(n, prepared.utilities[p], protocol, p));
      if (mediator) driven[MEDIATOR] = mediatorSeat(mediator);
      await driveNegotiation(session, driven);
      return { session, setup };
    };
    for (let seed = 0; seed < 300; seed++) await drive(seed);
    let c0 = process.cpuUsage();
    const t0 = performance.now();
    let n = 0;
    let steps = 0;
    const logs = [];
    while (performance.now() - t0 < SECONDS * 1000) {
      const { session, setup } = await drive(n++);
      steps += session.log.length;
      if (logs.length < 100) logs.push({ setup, log: session.log });
    }
    let c = process.cpuUsage(c0);
    const cpu = (c.user + c.system) / 1e6;
    c0 = process.cpuUsage();
    let replayed = 0;
    for (let k = 0; k < 20; k++) for (const { setup, log } of logs) replayed += replay(setup, log).log.length;
    c = process.cpuUsage(c0);
    const replayCpu = (c.user + c.system) / 1e6;
    console.log(
      `${protocol.padEnd(9)} driven: ${fmt(n / cpu).padStart(6)} negotiations/s, ${fmt(steps / cpu).padStart(9)} moves/s; replay: ${fmt(replayed / replayCpu).padStart(9)} logged moves/s`,
    );
  }
}
