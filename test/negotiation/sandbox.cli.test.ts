import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { bundledScenarioPath } from "../helpers/scenarios.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const ENGLAND = bundledScenarioPath("anac/y2010/EnglandZimbabwe");
const dir = mkdtempSync(join(tmpdir(), "parley-sandbox-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const example = join(dir, "my-agent.mjs");
writeFileSync(
  example,
  /```js\n([\s\S]*?)```/.exec(readFileSync(join(ROOT, "docs/negotiators.md"), "utf8"))![1],
);

describe("parley negotiate runs agent modules in the sandbox unless trusted", () => {
  it("plays the documented example the same sandboxed and trusted (--trust), to the byte", () => {
    const args = ["negotiate", ENGLAND, "--agents", `${example},boulware`, "--seed", "7", "--json"];
    const boxed = runCli([...args, "--trace", join(dir, "a.jsonl")]);
    const trusted = runCli([...args, "--trace", join(dir, "b.jsonl"), "--trust", example]);
    expect(boxed.status, boxed.stderr).toBe(0);
    expect(boxed.stdout).toBe(trusted.stdout);
    expect(readFileSync(join(dir, "a.jsonl"), "utf8")).toBe(readFileSync(join(dir, "b.jsonl"), "utf8"));
  });

  it("refuses a module that imports node:fs, naming it (exit 2); trusted, it reads the file", () => {
    const reader = join(dir, "reader.mjs");
    const stolen = join(dir, "stolen.txt");
    writeFileSync(
      reader,
      `import { writeFileSync } from "node:fs";
export default { name: "reader", description: "", create() { let s; return {
  init(setup) { s = setup; writeFileSync(${JSON.stringify(stolen)}, "x"); },
  propose() { return s.bids.best; }, respond() { return "accept"; } }; } };`,
    );
    const boxed = runCli(["negotiate", ENGLAND, "--agents", `${reader},boulware`]);
    expect(boxed.status).toBe(2);
    expect(boxed.stderr.trim()).toBe(
      `parley: ${reader}: cannot be loaded as an agent module (imports "node:fs": a sandboxed agent may import only @parley/core)`,
    );
    expect(existsSync(stolen)).toBe(false);
    const trusted = runCli(["negotiate", ENGLAND, "--agents", `${reader},boulware`, "--trusted-agents"]);
    expect(trusted.status, trusted.stderr).toBe(0);
    expect(existsSync(stolen)).toBe(true);
  });

  it("refuses --trust for a path that is none of the agents (exit 2)", () => {
    const run = runCli(["negotiate", ENGLAND, "--agents", `${example},boulware`, "--trust", "./other.mjs"]);
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe(
      "parley: --trust ./other.mjs: is not one of the agent modules of this command",
    );
  });
});
