import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { countInstructions } from "./callgrind.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const args = process.argv.slice(2);
const at = args.indexOf("--core");
const core = at >= 0 ? args.splice(at, 2)[1] : join(ROOT, "packages/core/dist/index.js");

if (args[0] === "--run") {
  // The counted program: N negotiations of one case.
  const [, rel, protocol, agentList, n, mediator] = args;
  const { loadScenario } = await import("../packages/cli/build/scenario-loader.js");
  const lib = await import(core);
  const scenario = await loadScenario(join(ROOT, "scenarios/genius", rel), { onWarning: () => {} });
  const prepared = new lib.PreparedScenario(scenario);
  const analysis = (lib.referenceAnalysis ?? lib.analyseScenario)(scenario);
  const agents = agentList.split(",");
  const rounds = protocol === "saop" ? 100 : undefined;
  for (let seed = 0; seed < Number(n); seed++)
    lib.runNegotiation(prepared, { protocol, agents, mediator, rounds, seed, analysis, keepTrace: false });
} else {
  const [rel, protocol, agentList, n1, n2, mediator] = args;
  if (!n2) {
    console.error(
      "usage: node bench/negotiation-instructions.mjs [--core DIST/index.js] SCENARIO PROTOCOL AGENT,AGENT N1 N2 [MEDIATOR]",
    );
    process.exit(2);
  }
  const count = (n) => {
    const program = [fileURLToPath(import.meta.url), "--core", core, "--run", rel, protocol, agentList, n];
    if (mediator) program.push(mediator);
    return countInstructions(program);
  };
  const a = count(n1);
  const b = count(n2);
  const per = Math.round((b - a) / (Number(n2) - Number(n1)));
  console.log(
    `${rel} ${protocol} ${mediator ?? agentList}: ${per.toLocaleString("en-US")} instructions per negotiation (N=${n1}: ${a}, N=${n2}: ${b})`,
  );
}
