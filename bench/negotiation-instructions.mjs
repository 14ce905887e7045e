// Instructions per negotiation of runNegotiation, counted by valgrind (callgrind): repeatable where
// wall-clock and CPU time are not (a shared machine). Each figure is the difference between a run
// of N1 and a run of N2 negotiations (seeds 0…N−1) divided by N2 − N1, so start-up, loading and
// JIT warm-up cancel out. Slow: each run takes minutes under valgrind.
//
//   node bench/negotiation-instructions.mjs [--core DIST/index.js] SCENARIO PROTOCOL AGENT,AGENT N1 N2 [MEDIATOR]
//   node bench/negotiation-instructions.mjs anac/y2012/LaptopA saop boulware,conceder 500 2500
//   node bench/negotiation-instructions.mjs anac/y2010/EnglandZimbabwe mediated linear,linear 10 40 annealing
//
// --core compares another build (e.g. a checkout of an older commit built in /tmp/old:
// --core /tmp/old/packages/core/dist/index.js). Trace off, SAOP 100 rounds, mediated default deadline.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

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
    const dir = mkdtempSync(join(tmpdir(), "parley-callgrind-"));
    const out = join(dir, "callgrind.out");
    try {
      const program = [fileURLToPath(import.meta.url), "--core", core, "--run", rel, protocol, agentList, n];
      if (mediator) program.push(mediator);
      // --single-threaded --predictable: no background compiler or GC threads, so the count repeats.
      execFileSync(
        "valgrind",
        [
          "--tool=callgrind",
          `--callgrind-out-file=${out}`,
          process.execPath,
          "--single-threaded",
          "--predictable",
          ...program,
        ],
        { stdio: ["ignore", "ignore", "ignore"] },
      );
      return Number(/^summary: (\d+)/m.exec(readFileSync(out, "utf8"))[1]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  const a = count(n1);
  const b = count(n2);
  const per = Math.round((b - a) / (Number(n2) - Number(n1)));
  console.log(
    `${rel} ${protocol} ${mediator ?? agentList}: ${per.toLocaleString("en-US")} instructions per negotiation (N=${n1}: ${a}, N=${n2}: ${b})`,
  );
}
