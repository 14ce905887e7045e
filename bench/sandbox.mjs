// Sandbox benchmark: the cost of running an agent module in the sandbox (isolated-vm) instead of trusted.
// Run after `npm run build`:  node bench/sandbox.mjs [--seconds S]
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { loadScenario } from "../packages/cli/build/scenario-loader.js";
import { PreparedScenario, runNegotiation } from "../packages/core/dist/index.js";
import { loadSandboxedAgent } from "../packages/node/dist/index.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const at = process.argv.indexOf("--seconds");
const SECONDS = at > 0 ? Number(process.argv[at + 1]) : 2;

// The example agent of docs/negotiators.md, and a BOA agent importing @parley/core, as module files
// (in the repository, so that imported trusted, `@parley/core` resolves).
const dir = mkdtempSync(join(ROOT, "bench", ".sandbox-"));
const doc = readFileSync(join(ROOT, "docs/negotiators.md"), "utf8");
const modules = {
  "docs example": join(dir, "my-agent.mjs"),
  "BOA (frequency model)": join(dir, "boa.mjs"),
};
writeFileSync(modules["docs example"], /```js\n([\s\S]*?)```/.exec(doc)[1]);
writeFileSync(
  modules["BOA (frequency model)"],
  `import { BoaNegotiator, FrequencyModel, acNext, timeDependent } from "@parley/core";
export default { name: "boa", description: "", create: () => new BoaNegotiator({ bidding: timeDependent(0.2), model: new FrequencyModel(), acceptance: acNext() }) };`,
);

/** CPU milliseconds per negotiation, and mean calls into seat 0, over `SECONDS` (after a warm-up). */
function measure(prepared, agent) {
  const once = (seed) =>
    runNegotiation(prepared, { agents: [agent, "boulware"], rounds: 100, seed, analysis: null });
  for (let seed = 0; seed < 50; seed++) once(seed);
  let n = 0;
  let rounds = 0;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  while (performance.now() - t0 < SECONDS * 1000) {
    rounds += once(n).rounds;
    n++;
  }
  const c = process.cpuUsage(c0);
  return { ms: (c.user + c.system) / 1000 / n, rounds: rounds / n };
}

const cpuMs = (fn) => {
  const c0 = process.cpuUsage();
  const value = fn();
  const c = process.cpuUsage(c0);
  return [value, (c.user + c.system) / 1000];
};

console.log(
  `SAOP, 100 rounds, module agent in seat 0 vs boulware, ${SECONDS} s per line; CPU ms per negotiation`,
);
console.log(
  "scenario                      agent                   trusted ms  sandboxed ms  extra ms  mean rounds",
);
for (const rel of ["anac/y2010/EnglandZimbabwe", "anac/y2010/ItexvsCypress", "anac/y2012/LaptopA"]) {
  const scenario = await loadScenario(`${ROOT}scenarios/genius/${rel}`, { onWarning: () => {} });
  const prepared = new PreparedScenario(scenario);
  for (const [label, file] of Object.entries(modules)) {
    const trusted = (await import(pathToFileURL(file).href)).default;
    const boxed = loadSandboxedAgent(file);
    const t = measure(prepared, trusted);
    const s = measure(prepared, boxed);
    boxed.dispose();
    console.log(
      `${rel.padEnd(29)} ${label.padEnd(22)} ${t.ms.toFixed(3).padStart(11)} ${s.ms.toFixed(3).padStart(13)} ${(s.ms - t.ms).toFixed(3).padStart(9)} ${s.rounds.toFixed(1).padStart(12)}`,
    );
  }
}

// One-off costs: a new isolate with the core's engine and the module, and a scenario's first negotiation in it.
const scenario = await loadScenario(`${ROOT}scenarios/genius/anac/y2010/EnglandZimbabwe`, {
  onWarning: () => {},
});
const prepared = new PreparedScenario(scenario);
const loads = [];
const firsts = [];
for (let i = 0; i < 10; i++) {
  const [agent, load] = cpuMs(() => loadSandboxedAgent(modules["docs example"]));
  const [, first] = cpuMs(() =>
    runNegotiation(prepared, { agents: [agent, "boulware"], seed: i, analysis: null }),
  );
  loads.push(load);
  firsts.push(first);
  agent.dispose();
}
const median = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
console.log(
  `\nLoading a module into a new isolate: ${median(loads).toFixed(1)} CPU ms (median of 10); its first negotiation on EnglandZimbabwe (compiling the scenario in the isolate): ${median(firsts).toFixed(1)} CPU ms`,
);
rmSync(dir, { recursive: true, force: true });
