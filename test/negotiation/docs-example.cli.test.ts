import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type AgentDefinition, runNegotiation } from "@parley/core";
import { describe, expect, it } from "vitest";
import { bundledScenarioPath, loadBundled } from "../helpers/scenarios.js";
import { tempDir } from "../helpers/temp.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** The example agent of docs/negotiators.md, written to a module file. */
function exampleModule(): string {
  const doc = readFileSync(join(ROOT, "docs/negotiators.md"), "utf8");
  const code = /```js\n([\s\S]*?)```/.exec(doc)![1];
  const file = join(tempDir("parley-agent-"), "my-agent.mjs");
  writeFileSync(file, code);
  return file;
}

describe("the example agent in docs/negotiators.md", () => {
  const file = exampleModule();

  it("is a working AgentDefinition: concedes from its best toward its reservation and reaches agreements", async () => {
    const def = (await import(pathToFileURL(file).href)).default as AgentDefinition;
    expect(def.name).toBe("my-linear");
    const scenario = await loadBundled("anac/y2010/EnglandZimbabwe");
    const r = runNegotiation(scenario, { agents: [def, "boulware"], seed: 1 });
    expect(r.errors).toEqual([]);
    expect(r.endedBy).toBe("agreement");
    const own = r.trace.filter((e) => e.seat === 0 && e.action === "offer").map((e) => e.utilities![0]);
    expect(own[0]).toBeGreaterThan(0.95);
    expect(own[own.length - 1]).toBeLessThan(own[0]);
  });

  it("runs from the command line by its path", () => {
    const cli = join(ROOT, "packages/cli/dist/main.js");
    const scenario = bundledScenarioPath("anac/y2010/ItexvsCypress");
    const out = execFileSync("node", [cli, "negotiate", scenario, "--agents", `${file},conceder`, "--json"], {
      encoding: "utf8",
    });
    const json = JSON.parse(out);
    expect(json.errors).toEqual([]);
    expect(json.utilities).toHaveLength(2);
  });
});
