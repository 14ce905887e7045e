import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { bundledScenarioPath, loadReference } from "../helpers/scenarios.js";
import { tempDir } from "../helpers/temp.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const dir = tempDir("parley-analyze-");

function parley(...args: string[]) {
  const run = spawnSync("node", [`${ROOT}packages/cli/dist/main.js`, ...args], { encoding: "utf8" });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const EZ = bundledScenarioPath("anac/y2012/EnglandvsZimbabweA");

describe("parley analyze", () => {
  it("prints the JSON the issue specifies, with the reference solution values", () => {
    const run = parley("analyze", EZ, "--json");
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    const ref = loadReference("anac/y2012/EnglandvsZimbabweA");
    expect(out.parties).toHaveLength(2);
    expect(out.reservation).toEqual(ref.reservation);
    expect(out.outcomes).toBe(ref.outcomes);
    expect(out.frontier.exact).toBe(true);
    expect(out.frontier.points).toHaveLength(ref.frontier?.length ?? -1);
    expect(Object.keys(out.frontier.points[0].outcome)).toHaveLength(5);
    const product = out.nash.utilities.reduce(
      (a: number, u: number, i: number) => a * (u - ref.reservation[i]),
      1,
    );
    expect(product).toBeCloseTo(ref.nashValue ?? Number.NaN, 9);
    expect(out.zone).toEqual({ empty: false, size: String(ref.zoneSize), exact: true });
    expect(out.open).toHaveLength(5);
    expect(out.blocking).toEqual([]);
    for (const key of ["kalaiSmorodinsky", "egalitarian", "maxWelfare"]) {
      expect(Object.keys(out[key]).sort()).toEqual(["outcome", "utilities"]);
    }
    expect(out.issues[0]).toMatchObject({ name: expect.any(String), conflict: expect.any(Number) });
    expect(out.issues[0].bestOption).toHaveLength(2);
    expect(Array.isArray(out.trades)).toBe(true);
  });

  it("settles points with --settle (or its old name --fix) and reviews a draft with --from", () => {
    const all = JSON.parse(parley("analyze", EZ, "--json").stdout);
    const nash = all.nash.outcome as Record<string, string>;
    const [issue, value] = Object.entries(nash)[0];
    const settledRun = JSON.parse(parley("analyze", EZ, "--json", "--settle", `${issue}=${value}`).stdout);
    expect(settledRun.open).not.toContain(issue);
    expect(settledRun.open).toHaveLength(4);
    for (const p of settledRun.frontier.points) expect(p.outcome[issue]).toBe(value);
    expect(JSON.parse(parley("analyze", EZ, "--json", "--fix", `${issue}=${value}`).stdout)).toEqual(
      settledRun,
    );
    // A frontier outcome as the draft: nothing improves it.
    const draftFile = join(dir, "draft.json");
    writeFileSync(draftFile, JSON.stringify(all.frontier.points.at(-1).outcome));
    const onFrontier = JSON.parse(parley("analyze", EZ, "--json", "--from", draftFile).stdout);
    expect(onFrontier.improvements).toEqual([]);
    expect(onFrontier.draft.dominatedBy).toBeNull();
    // A reference sample outcome strictly inside the utility space: improvable.
    const sample = loadReference("anac/y2012/EnglandvsZimbabweA").samples.outcomes[0];
    writeFileSync(draftFile, JSON.stringify(sample));
    const inside = JSON.parse(parley("analyze", EZ, "--json", "--from", draftFile).stdout);
    expect(inside.improvements.length).toBeGreaterThan(0);
    for (const m of inside.improvements) expect(Math.min(...m.gains)).toBeGreaterThanOrEqual(0);
    expect(Math.min(...inside.draft.dominatedBy.gains)).toBeGreaterThanOrEqual(0);
  });

  it("finds the peace plan blocked on territory with the draft's points settled (--settled)", () => {
    const plan = `${ROOT}scenarios/peace-plan/plan.yaml`;
    const run = parley("analyze", plan, "--settled", `${ROOT}scenarios/peace-plan/draft.json`, "--json");
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.open).toEqual(["territory"]);
    expect(out.zone.empty).toBe(true);
    expect(out.nash).toBeNull();
    expect(out.blockedOn).toEqual(["territory"]);
    expect(out.blocking.map((b: { reopen: string[] }) => b.reopen)).toEqual([
      ["guarantees"],
      ["foreign-troops"],
    ]);
    for (const b of out.blocking) expect(b.nash.outcome.territory).toBe("freeze-line");
    const human = parley("analyze", plan, "--settled", `${ROOT}scenarios/peace-plan/draft.json`).stdout;
    expect(human).toContain("The deal is blocked on territory");
  });

  it("draws the utility space", () => {
    const out = join(dir, "space.svg");
    expect(parley("analyze", EZ, "--plot", out).code).toBe(0);
    expect(readFileSync(out, "utf8")).toContain("Pareto frontier");
  });

  it("prints a short human report", () => {
    const run = parley("analyze", EZ);
    expect(run.stdout).toContain("Agreement zone");
    expect(run.stdout).toContain("Nash");
    expect(run.stdout.split("\n").length).toBeLessThan(40);
  });

  it("refuses a --settle naming no issue, or a value the issue lacks, with exit code 2", () => {
    const noIssue = parley("analyze", EZ, "--settle", "Nothing=1");
    expect(noIssue.code).toBe(2);
    expect(noIssue.stderr).toContain("--settle");
    const badValue = JSON.parse(parley("analyze", EZ, "--json").stdout).issues[0].name;
    const run = parley("analyze", EZ, "--settle", `${badValue}=no such option`);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("is not one of its options");
  });

  it("refuses a draft that is not an outcome", () => {
    const draftFile = join(dir, "bad-draft.json");
    writeFileSync(draftFile, JSON.stringify({ Nothing: 1 }));
    const run = parley("analyze", EZ, "--from", draftFile);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("bad-draft.json");
  });
});
