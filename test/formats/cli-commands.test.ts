import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { bundledScenarioPath, loadReference } from "../helpers/scenarios.js";

const work = mkdtempSync(join(tmpdir(), "parley-cli-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Additive, integer, hyper-rectangle with reservation, three parties, twenty parties, 85 kB files. */
const SCENARIOS = [
  "anac/y2010/EnglandZimbabwe",
  "other/IntegerDomain",
  "anac/y2014/10issuesDiscountedwithRV",
  "anac/y2015/group2-politics",
  "other/ItexvsCypressDomain",
  "other/pie",
];

function ok(args: string[]): string {
  const run = runCli(args);
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  return run.stdout;
}

function samplesFile(rel: string): string {
  const path = join(work, `${rel.replaceAll("/", "_")}.json`);
  writeFileSync(path, JSON.stringify(loadReference(rel).samples.outcomes));
  return path;
}

describe("parley inspect --json", () => {
  it.each(SCENARIOS)("%s: the documented shape, outcome count and reservations", (rel) => {
    const ref = loadReference(rel);
    const out = JSON.parse(ok(["inspect", bundledScenarioPath(rel), "--json"]));
    expect(Object.keys(out)).toEqual(["name", "parties", "issues", "outcomes"]);
    expect(out.name).toBe(rel.split("/").at(-1));
    expect(out.outcomes).toBe(ref.outcomes);
    expect(out.parties.map((p: { name: string }) => `${p.name}.xml`)).toEqual(ref.parties);
    expect(out.parties.map((p: { reservation: number }) => p.reservation)).toEqual(ref.reservation);
    for (const issue of out.issues) {
      expect(["discrete", "integer", "real"]).toContain(issue.kind);
      if (issue.kind === "discrete") expect(Object.keys(issue)).toEqual(["name", "kind", "values"]);
      else expect(Object.keys(issue)).toEqual(["name", "kind", "min", "max"]);
    }
  });

  it("reads discounts as GENIUS does and --parties picks parties in file-name order", () => {
    const out = JSON.parse(
      ok(["inspect", bundledScenarioPath("anac/y2015/group2-politics"), "--json", "--parties", "3,1"]),
    );
    expect(out.parties.map((p: { name: string }) => p.name)).toEqual(["Politics_util3", "Politics_util1"]);
    const rv = JSON.parse(
      ok(["inspect", bundledScenarioPath("anac/y2014/10issuesDiscountedwithRV"), "--json"]),
    );
    expect(rv.parties.map((p: { discount: number }) => p.discount)).toEqual([0.5, 0.5]);
  });
});

describe("parley inspect (for people)", () => {
  it("names the parties, the issues with their options or ranges, and a readable outcome count", () => {
    const text = ok(["inspect", bundledScenarioPath("anac/y2014/10issuesDiscountedwithRV")]);
    expect(text).toMatch(/Parties \(2\):\n {2}1\. profile-1 {2}reservation 0\.75, discount 0\.5/);
    expect(text).toMatch(/c1-i10: whole number from 0 to 9 \(10 values\)/);
    expect(text).toMatch(/Outcomes: 10,000,000,000 \(1\.0e10\) possible agreements/);
    const ez = ok(["inspect", bundledScenarioPath("anac/y2010/EnglandZimbabwe")]);
    expect(ez).toMatch(
      /Size of Fund: 4 options: \$100 Billion \| \$50 Billion \| \$10 billion \| No agreement/,
    );
    expect(ez).toMatch(/Outcomes: 576 possible agreements/);
  });
});

describe("parley eval --json", () => {
  it.each(SCENARIOS)("%s: every reference sample, every party, to 1e-9", (rel) => {
    const ref = loadReference(rel);
    const out = JSON.parse(ok(["eval", bundledScenarioPath(rel), "--outcomes", samplesFile(rel), "--json"]));
    expect(out.parties.map((p: string) => `${p}.xml`)).toEqual(ref.parties);
    expect(out.utilities).toHaveLength(ref.samples.utilities.length);
    out.utilities.forEach((row: number[], k: number) => {
      row.forEach((u, i) => {
        expect(Math.abs(u - ref.samples.utilities[k][i])).toBeLessThan(1e-9);
      });
    });
  });

  it("keeps party order under --parties", () => {
    const rel = "anac/y2015/group2-politics";
    const ref = loadReference(rel).samples.utilities;
    const out = JSON.parse(
      ok(["eval", bundledScenarioPath(rel), "--outcomes", samplesFile(rel), "--json", "--parties", "3,1"]),
    );
    expect(out.parties).toEqual(["Politics_util3", "Politics_util1"]);
    out.utilities.forEach(([u3, u1]: number[], k: number) => {
      expect(Math.abs(u3 - ref[k][2])).toBeLessThan(1e-9);
      expect(Math.abs(u1 - ref[k][0])).toBeLessThan(1e-9);
    });
  });
});

describe("parley convert", () => {
  const rel = "anac/y2010/EnglandZimbabwe";
  const evalJson = (path: string) =>
    JSON.parse(ok(["eval", path, "--outcomes", samplesFile(rel), "--json"])) as { utilities: number[][] };

  it("GENIUS → YAML → GeniusWeb → JSON → GENIUS keeps every sample's utilities", () => {
    const yaml = join(work, "ez.yaml");
    const web = join(work, "ez-web");
    const json = join(work, "ez.json");
    const genius = join(work, "ez-genius");
    expect(ok(["convert", bundledScenarioPath(rel), yaml])).toMatch(/wrote .*ez\.yaml \(Parley YAML\)/);
    expect(ok(["convert", yaml, web, "--to", "geniusweb"])).toMatch(/wrote 3 files .*GeniusWeb JSON/);
    ok(["convert", web, json]);
    expect(ok(["convert", json, genius])).toMatch(/wrote 3 files .*GENIUS XML/);
    expect(readdirSync(genius).sort()).toEqual(["England.xml", "EnglandZimbabwe-domain.xml", "Zimbabwe.xml"]);
    const expected = evalJson(bundledScenarioPath(rel)).utilities;
    for (const path of [yaml, web, json, genius]) {
      evalJson(path).utilities.forEach((row, k) => {
        row.forEach((u, i) => {
          expect(Math.abs(u - expected[k][i])).toBeLessThan(1e-12);
        });
      });
    }
  });

  it("refuses to write into a folder that already holds files", () => {
    const out = join(work, "occupied");
    mkdirSync(out);
    writeFileSync(join(out, "old.xml"), "<x/>");
    const run = runCli(["convert", bundledScenarioPath(rel), out]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^parley: .*occupied: exists and is not empty; choose a new folder\n$/);
  });

  it("refuses hyper-rectangle profiles for GeniusWeb, naming the party", () => {
    const run = runCli([
      "convert",
      bundledScenarioPath("anac/y2014/10issues"),
      join(work, "web14"),
      "--to",
      "geniusweb",
    ]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^parley: party "profile-1": GeniusWeb has no hyper-rectangle profiles/);
  });
});

describe("a folder holding one Parley scenario beside other material", () => {
  it("reads the scenario file and ignores the record, draft and README", () => {
    const folder = JSON.parse(ok(["inspect", "scenarios/peace-plan", "--json"]));
    const file = JSON.parse(ok(["inspect", "scenarios/peace-plan/plan.yaml", "--json"]));
    expect(folder).toEqual(file);
    expect(folder.issues).toHaveLength(20);
  });
});
