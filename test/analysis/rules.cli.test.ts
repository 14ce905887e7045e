import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compileParties, readParleyScenario } from "@parley/core";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

const FIXTURE = "test/fixtures/rules/six-regions.yaml";
const text = readFileSync(new URL(`../../${FIXTURE}`, import.meta.url), "utf8");
const scenario = readParleyScenario(text, FIXTURE);
const dir = mkdtempSync(join(tmpdir(), "parley-rules-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Packages that at least k parties accept, every veto holder among them: counted one by one. */
function bruteZone(k: number, vetoes: number[]): number {
  const parties = compileParties(scenario);
  let count = 0;
  for (const o of scenario.space.enumerate()) {
    const yes = parties.map((u) => u.utility(o) >= u.profile.reservation - 5e-13 && !u.crossesRedLine(o));
    if (yes.filter(Boolean).length >= k && vetoes.every((v) => yes[v])) count++;
  }
  return count;
}

describe("parley analyze --quorum --veto on a six-party game", () => {
  it.each([
    [3, "Coastal,Highland", [0, 1]],
    [4, "1,4", [0, 3]],
    [5, "River", [2]],
    [2, "Islands,Plains,Forest", [5, 4, 3]],
  ])("--quorum %i --veto %s: zone.size is the count of packages that pass", (k, veto, vetoes) => {
    const run = runCli(["analyze", FIXTURE, "--quorum", String(k), "--veto", veto, "--json"]);
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(scenario.space.size).toBeGreaterThan(500n);
    expect(out.zone.exact).toBe(true);
    expect(out.zone.size).toBe(String(bruteZone(k, vetoes)));
    expect(out.rule).toMatchObject({ kind: "quorum", quorum: k, vetoes: vetoes.map((v) => out.parties[v]) });
    expect(out.rule.text).toContain(`at least ${k} of 6`);
    for (const v of vetoes) expect(out.coalitions.parties[v].notNeeded).toBe("0");
  });

  it("without overrides applies unanimity and says so", () => {
    const out = JSON.parse(runCli(["analyze", FIXTURE, "--json"]).stdout);
    expect(out.rule.kind).toBe("unanimity");
    expect(out.zone.size).toBe(String(bruteZone(6, [])));
  });

  it("refuses a bad rule with exit code 2 and one line", () => {
    const cases: [string[], string][] = [
      [["--quorum", "7"], "quorum 7 is larger than the number of parties (6)"],
      [["--veto", "Nobody"], '"Nobody" names no party'],
      [["--veto", "9"], "there is no party 9"],
    ];
    for (const [args, message] of cases) {
      const run = runCli(["analyze", FIXTURE, ...args]);
      expect(run.status).toBe(2);
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
      expect(run.stderr).toContain(message);
    }
    const weighted = join(dir, "weighted.yaml");
    writeFileSync(
      weighted,
      text.replace(
        /^parties:/m,
        "agreement:\n  powers: {Coastal: 1, Highland: 1, River: 1, Forest: 1, Plains: 1, Islands: 1}\n  threshold: 7\nparties:",
      ),
    );
    const run = runCli(["analyze", weighted]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("agreement: the powers add up to 6, which can never reach the threshold 7");
  });
});
