import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { bundledScenarioPath } from "../helpers/scenarios.js";

const ENGLAND = bundledScenarioPath("anac/y2010/EnglandZimbabwe");
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "parley-isolation-"));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}-agent.mjs`, import.meta.url));

describe("parley negotiate with an agent module runs it isolated, with a move budget", () => {
  const cases: [string, string[], string][] = [
    [
      "looping",
      ["--move-budget-ms", "400"],
      "did not return within its 400 ms move budget (its worker was stopped)",
    ],
    ["exiting", [], "called process.exit(1)"],
  ];
  for (const [name, flags, reason] of cases)
    it(`ends the ${name} seat with its reason and reports normally`, () => {
      const run = runCli(["negotiate", ENGLAND, "--agents", `boulware,${fixture(name)}`, ...flags]);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toContain(`Seat 2 (${name}) was ended: ${reason}`);
      expect(run.stdout).toContain("No agreement (fault, after 3 rounds).");
    });

  it("plays a well-behaved module exactly as the same agent built in (same seed, same --json and trace)", () => {
    const dir = tempDir();
    const flags = ["--seed", "3", "--json"];
    const builtin = runCli([
      "negotiate",
      ENGLAND,
      "--agents",
      "boulware,conceder",
      ...flags,
      "--trace",
      join(dir, "a.jsonl"),
    ]);
    const module = runCli([
      "negotiate",
      ENGLAND,
      "--agents",
      `boulware,${fixture("well-behaved")}`,
      ...flags,
      "--trace",
      join(dir, "b.jsonl"),
    ]);
    expect(module.status, module.stderr).toBe(0);
    expect(module.stdout).toBe(builtin.stdout);
    expect(readFileSync(join(dir, "b.jsonl"), "utf8")).toBe(readFileSync(join(dir, "a.jsonl"), "utf8"));
  });

  it("refuses --move-budget-ms that is not a positive integer (exit 2)", () => {
    const run = runCli(["negotiate", ENGLAND, "--agents", "boulware,conceder", "--move-budget-ms", "0"]);
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe('parley: --move-budget-ms: "0" is not a positive integer');
  });
});
