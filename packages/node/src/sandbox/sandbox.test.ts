import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import {
  type AgentDefinition,
  acNext,
  BoaNegotiator,
  FrequencyModel,
  PreparedScenario,
  readParleyScenario,
  runNegotiation,
  syntheticScenario,
  timeDependent,
} from "@parley/core";
import { afterAll, describe, expect, it } from "vitest";
import { loadBundled } from "../../../../test/helpers/scenarios.js";
import { loadSandboxedAgent, type SandboxedAgent } from "./sandbox.js";

const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "parley-sandbox-"));
const loaded: SandboxedAgent[] = [];
afterAll(() => {
  for (const agent of loaded) agent.dispose();
  rmSync(dir, { recursive: true, force: true });
});

/** Writes an agent module; `body` is the negotiator's methods (propose and respond default to a fixed bid). */
function agentFile(name: string, body: string, top = ""): string {
  const file = join(dir, `${name}.mjs`);
  writeFileSync(
    file,
    `${top}
export default {
  name: "${name}",
  description: "misbehaves",
  create() {
    let setup;
    return {
      init(s) { setup = s; },
      propose() { return setup.bids.best; },
      respond() { return "reject"; },
      ${body}
    };
  },
};
`,
  );
  return file;
}

function sandboxed(file: string, limits = {}): SandboxedAgent {
  const agent = loadSandboxedAgent(file, limits);
  loaded.push(agent);
  return agent;
}

/** The example agent of docs/negotiators.md, written to a module file. */
function docsExample(): string {
  const doc = readFileSync(join(ROOT, "docs/negotiators.md"), "utf8");
  const file = join(dir, "my-agent.mjs");
  writeFileSync(file, /```js\n([\s\S]*?)```/.exec(doc)![1]);
  return file;
}

const england = await loadBundled("anac/y2010/EnglandZimbabwe");
const prepared = new PreparedScenario(england);

/** A negotiation of `agent` (seat 0) against boulware. */
function against(agent: AgentDefinition, seed = 1) {
  return runNegotiation(prepared, { agents: [agent, "boulware"], seed, analysis: null });
}

describe("a sandboxed agent module", () => {
  it("gives the same negotiations as the same module trusted, seed for seed", async () => {
    const file = docsExample();
    const trusted = (await import(pathToFileURL(file).href)).default as AgentDefinition;
    const inBox = sandboxed(file);
    expect(inBox.name).toBe("my-linear");
    for (const seed of [1, 2, 3]) {
      const a = against(trusted, seed);
      const b = against(inBox, seed);
      expect(b.errors).toEqual([]);
      expect(b.trace).toEqual(a.trace);
      expect(b.agreement).toEqual(a.agreement);
    }
    // Mediated: its votes default to the truthful ones (no compare/ratify); self-play shares one isolate.
    const mediated = { protocol: "mediated" as const, rounds: 30, seed: 4, analysis: null };
    expect(runNegotiation(prepared, { ...mediated, agents: [inBox, inBox] }).trace).toEqual(
      runNegotiation(prepared, { ...mediated, agents: [trusted, trusted] }).trace,
    );
  });

  it("keeps a few scenarios compiled in the isolate and compiles again one it let go, with the same results", async () => {
    const file = docsExample();
    const trusted = (await import(pathToFileURL(file).href)).default as AgentDefinition;
    const inBox = sandboxed(file);
    const scenarios = Array.from(
      { length: 10 },
      (_, seed) => new PreparedScenario(syntheticScenario({ parties: 2, issues: 3, options: 4, seed })),
    );
    for (const pass of [1, 2])
      for (const scenario of scenarios) {
        const run = (agent: AgentDefinition) =>
          runNegotiation(scenario, { agents: [agent, "boulware"], seed: pass, analysis: null }).trace;
        expect(run(inBox)).toEqual(run(trusted));
      }
  });

  it("can compose the core's BOA parts by importing @parley/core, and plays four-party SAOP as it would trusted", () => {
    const file = join(dir, "boa.mjs");
    const create =
      "() => new BoaNegotiator({ bidding: timeDependent(0.2), model: new FrequencyModel(), acceptance: acNext() })";
    writeFileSync(
      file,
      `import { BoaNegotiator, FrequencyModel, acNext, timeDependent } from "@parley/core";
export default { name: "boa", description: "", create: ${create} };`,
    );
    const trusted: AgentDefinition = {
      name: "boa",
      description: "",
      create: () =>
        new BoaNegotiator({ bidding: timeDependent(0.2), model: new FrequencyModel(), acceptance: acNext() }),
    };
    const inBox = sandboxed(file);
    const plan = readParleyScenario(
      readFileSync(join(ROOT, "scenarios/peace-plan/plan.yaml"), "utf8"),
      "plan.yaml",
    );
    // Its observations of the other three seats reach it, in order, before its next move.
    const run = (boa: AgentDefinition) =>
      runNegotiation(plan, { agents: [boa, "boulware", boa, "conceder"], seed: 5, analysis: null });
    const boxed = run(inBox);
    expect(boxed.errors).toEqual([]);
    expect(boxed.trace).toEqual(run(trusted).trace);
    expect(boxed.trace.filter((e) => e.seat === 0 && e.action === "offer").length).toBeGreaterThan(3);
  });

  const faults: [string, string, RegExp][] = [
    [
      "require-fs",
      `observe() { require("fs").writeFileSync("${join(dir, "written")}", "x"); },`,
      /ReferenceError: require is not defined \(a sandboxed agent has no Node APIs/,
    ],
    ["process-exit", "propose() { process.exit(1); },", /ReferenceError: process is not defined/],
    ["global-process", "propose() { return globalThis.process.argv; },", /TypeError: .*undefined/],
    ["env", "propose() { return process.env.HOME; },", /ReferenceError: process is not defined/],
    ["fetch", `propose() { fetch("http://127.0.0.1:6379/"); },`, /ReferenceError: fetch is not defined/],
    [
      "import-fs",
      `propose() { import("node:fs").then((fs) => fs.writeFileSync("${join(dir, "written")}", "x")); return setup.bids.best; },`,
      /threw: Not supported/,
    ],
    ["loop", "propose() { for (;;); },", /did not finish its propose call within the sandbox's 200 ms limit/],
    [
      "memory",
      "propose() { const a = []; for (;;) a.push(new Array(1e5).fill(1)); },",
      /went over the sandbox's 32 MB memory limit/,
    ],
  ];

  it.each(faults)(
    "%s: fails that seat with its reason; the negotiation and the process go on",
    (name, body, reason) => {
      // The memory test gets time enough to reach the heap limit on a busy machine.
      const agent = sandboxed(agentFile(name, body), {
        callMs: name === "memory" ? 20_000 : 200,
        memoryMb: 32,
      });
      const r = against(agent);
      expect(r.errors).toEqual([{ seat: 0, agent: name, reason: expect.stringMatching(reason) }]);
      expect(r.endedBy).toBe("fault");
      expect(existsSync(join(dir, "written"))).toBe(false);
      // The next negotiation gets a working sandbox again (a new isolate after the memory limit).
      expect(against(agent, 2).errors).toEqual(r.errors);
    },
  );

  it("refuses a module that imports Node or does not load, naming the file", () => {
    const fsTop = agentFile("fs-top", "", `import { readFileSync } from "node:fs";`);
    expect(() => sandboxed(fsTop)).toThrow(
      /fs-top\.mjs: cannot be loaded as an agent module \(imports "node:fs"/,
    );
    const awaitFs = agentFile("await-fs", "", `const fs = await import("node:fs");`);
    expect(() => sandboxed(awaitFs)).toThrow(/await-fs\.mjs: /);
    const requireTop = agentFile("require-top", "", `const fs = require("fs");`);
    expect(() => sandboxed(requireTop)).toThrow(
      /require-top\.mjs: threw: ReferenceError: require is not defined/,
    );
    const loop = agentFile("loop-top", "", "for (;;);");
    expect(() => sandboxed(loop, { loadMs: 200 })).toThrow(
      /loop-top\.mjs: did not finish loading within the sandbox's 200 ms limit/,
    );
    const hog = agentFile("hog-top", "", "const kept = []; for (;;) kept.push(new Array(1e5).fill(1));");
    expect(() => sandboxed(hog, { memoryMb: 16, loadMs: 20_000 })).toThrow(
      /hog-top\.mjs: went over the sandbox's 16 MB memory limit/,
    );
    const notAgent = join(dir, "not-agent.mjs");
    writeFileSync(notAgent, "export default { name: 'x' };");
    expect(() => sandboxed(notAgent)).toThrow(/not-agent\.mjs: default export has no `create\(\)`/);
    expect(() => sandboxed(join(dir, "missing.mjs"))).toThrow(/missing\.mjs: does not exist/);
    const partial = join(dir, "partial.mjs");
    writeFileSync(partial, "export default { name: 'p', create: () => ({ propose() {} }) };");
    expect(() => sandboxed(partial)).toThrow(
      /partial\.mjs: create\(\) returned something that is not a negotiator \(no init, respond\)/,
    );
    const throwing = join(dir, "throwing.mjs");
    writeFileSync(throwing, "export default { name: 't', create() { throw new Error('no'); } };");
    expect(() => sandboxed(throwing)).toThrow(/throwing\.mjs: create\(\) threw: no/);
  });

  it("cannot change what other seats are given", () => {
    const file = agentFile(
      "mutator",
      "observe(o) { o.offer[0] = 99; setup.utility.profile.reservation = 1; setup.space.cardinalities[0] = 0; },",
    );
    const clean = runNegotiation(prepared, { agents: ["boulware", "conceder"], seed: 3, analysis: null });
    against(sandboxed(file));
    expect(
      runNegotiation(prepared, { agents: ["boulware", "conceder"], seed: 3, analysis: null }).trace,
    ).toEqual(clean.trace);
    expect(prepared.utilities[0].profile.reservation).toBe(england.parties[0].profile.reservation);
  });
});
