// One process of bench/scaling.mjs: runs every n-th of the tournament benchmark's 5,000 negotiations
// (or a dependent floating-point loop) in its own thread, and prints the seconds the loop took.
import { AGENTS, SCENARIOS } from "./tournament-jobs.mjs";

const [kind, k, n, reps] = process.argv.slice(2);
const root = new URL("../", import.meta.url);
if (kind === "float") {
  const a = new Float64Array(4096).map((_, i) => Math.sin(i));
  const started = performance.now();
  let s = 0;
  for (let r = 0; r < 120000 / Number(n); r++)
    for (let i = 0; i < 4096; i++) s += a[i] * a[(i * 7 + r) & 4095];
  process.stdout.write(`${(performance.now() - started) / 1000} ${s > -1e300}\n`);
} else {
  const core = await import(new URL("packages/core/dist/index.js", root));
  const { loadScenario } = await import(new URL("packages/cli/build/scenario-loader.js", root));
  const scenarios = await Promise.all(SCENARIOS.map((path) => loadScenario(path, { onWarning: () => {} })));
  const prepared = scenarios.map((s) => new core.PreparedScenario(s));
  const analyses = scenarios.map((s) => core.referenceAnalysis(s));
  const agents = AGENTS.map((a) => core.builtinAgent(a));
  let job = 0;
  const started = performance.now();
  for (let rep = 0; rep < Number(reps); rep++)
    for (let s = 0; s < prepared.length; s++)
      for (const a of agents)
        for (const b of agents) {
          if (job++ % Number(n) !== Number(k)) continue;
          core.runNegotiation(prepared[s], {
            agents: [a, b],
            rounds: 100,
            seed: job,
            analysis: analyses[s],
            keepTrace: false,
          });
        }
  process.stdout.write(`${(performance.now() - started) / 1000}\n`);
}
