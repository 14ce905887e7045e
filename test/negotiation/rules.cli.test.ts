import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

const FIXTURE = "test/fixtures/rules/six-regions.yaml";
const AGENTS = Array(6).fill("conceder").join(",");
const dir = mkdtempSync(join(tmpdir(), "parley-rules-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("--quorum and --veto on negotiate and tournament", () => {
  it("negotiate --json says which rule was applied and who passed the agreement", () => {
    const args = [
      "negotiate",
      FIXTURE,
      "--agents",
      AGENTS,
      "--protocol",
      "mediated",
      "--seed",
      "1",
      "--json",
    ];
    const run = runCli([...args, "--quorum", "4", "--veto", "Coastal,Highland"]);
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.rule).toMatchObject({ kind: "quorum", quorum: 4, vetoes: ["Coastal", "Highland"] });
    expect(out.agreement).not.toBeNull();
    expect(out.coalition).toEqual(expect.arrayContaining(["Coastal", "Highland"]));
    expect(out.coalition.length).toBeGreaterThanOrEqual(4);
    const unanimous = JSON.parse(runCli(args).stdout);
    expect(unanimous.agreement).toBeNull();
    expect(unanimous.rule).toBeUndefined();
  });

  it("tournament --json reports agreement rates under the rule, and names it (unanimity: output as before)", () => {
    const common = [
      "tournament",
      FIXTURE,
      "--agents",
      "conceder,boulware",
      "--rounds",
      "40",
      "--workers",
      "1",
      "--json",
    ];
    const rate = (out: { agents: { agreementRate: number }[] }) =>
      Math.max(...out.agents.map((a) => a.agreementRate));
    const quorum = JSON.parse(
      runCli([...common, "--out", join(dir, "q"), "--quorum", "4", "--veto", "1,2"]).stdout,
    );
    const unanimous = JSON.parse(runCli([...common, "--out", join(dir, "u")]).stdout);
    expect(quorum.rules).toEqual([
      expect.objectContaining({ scenario: "six-regions", kind: "quorum", quorum: 4 }),
    ]);
    expect(unanimous.rules).toBeUndefined();
    expect(rate(unanimous)).toBe(0);
    expect(rate(quorum)).toBeGreaterThan(0);
  });
});
