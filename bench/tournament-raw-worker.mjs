// One of N bare worker threads for bench/tournament.mjs: loads everything itself and runs every N-th job
// of the plan — no pool, no store, no messages but "done". What the machine allows N workers at best.
import { parentPort, workerData } from "node:worker_threads";

const { root, scenarios: paths, agents, reps, rounds, k, n } = workerData;
const core = await import(`${root}packages/core/dist/index.js`);
const { loadScenario } = await import(`${root}packages/cli/build/scenario-loader.js`);
const scenarios = await Promise.all(paths.map((p) => loadScenario(p, { onWarning: () => {} })));
const plan = core.planTournament({
  scenarios: scenarios.map((s) => ({ name: s.name, parties: 2, fingerprint: "" })),
  agents: agents.map((name) => ({ name, fingerprint: name })),
  reps,
  settings: { protocol: "saop", rounds },
  seed: "0",
});
const prepared = scenarios.map((s) => new core.PreparedScenario(s));
const analyses = scenarios.map((s) => core.referenceAnalysis(s));
const defs = agents.map((a) => core.builtinAgent(a));
for (const job of plan.jobs) {
  if (job.index % n !== k) continue;
  core.runNegotiation(prepared[job.scenario], {
    agents: job.lineup.map((a) => defs[a]),
    rounds,
    seed: job.seed,
    analysis: analyses[job.scenario],
    keepTrace: false,
  });
}
parentPort.postMessage("done");
