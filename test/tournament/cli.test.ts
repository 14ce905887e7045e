import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { bundledScenarioPath } from "../helpers/scenarios.js";
import { CAR, LAPTOP, readResultsCsv, removeTempDirs, storeCounts, tempDir } from "./tournament-cli.js";

const AGENTS = "boulware,conceder,tft";

function tournament(out: string, ...extra: string[]) {
  return runCli(["tournament", LAPTOP, CAR, "--agents", AGENTS, "--reps", "3", "--out", out, ...extra]);
}

afterAll(removeTempDirs);

describe("parley tournament", () => {
  it("runs every line-up, stores every result once and exports the leaderboard", () => {
    const out = tempDir();
    const run = tournament(out, "--workers", "2");
    expect(run.status, run.stderr).toBe(0);
    // 2 scenarios × 9 ordered pairs × 3 reps.
    expect(storeCounts(out)).toEqual({ results: 54, distinct: 54, planned: 54 });
    expect(run.stdout).toMatch(/Tournament: 54 of 54 negotiations \(0 failed\)/);
    for (const name of ["boulware", "conceder", "tft"]) expect(run.stdout).toContain(name);
    // Not a terminal: quiet line-based progress, not one line per negotiation.
    const progress = run.stderr.split("\n").filter((l) => l.startsWith("parley: tournament"));
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.length).toBeLessThan(5);
    expect(progress.at(-1)).toMatch(/54\/54 negotiations/);
    const board = JSON.parse(readFileSync(join(out, "leaderboard.json"), "utf8"));
    expect(board.negotiations).toBe(54);
    expect(board.agents.map((a: { name: string }) => a.name).sort()).toEqual(["boulware", "conceder", "tft"]);
    const csv = readFileSync(join(out, "leaderboard.csv"), "utf8").trim().split("\n");
    expect(csv).toHaveLength(4);
    expect(readResultsCsv(out)).toHaveLength(54);
  });

  it("prints exactly the documented JSON leaderboard, the same for the same seed whatever the workers", () => {
    const a = tournament(tempDir(), "--json", "--seed", "7", "--workers", "1");
    const b = tournament(tempDir(), "--json", "--seed", "7", "--workers", "2");
    const c = tournament(tempDir(), "--json", "--seed", "8", "--workers", "2");
    expect(a.status, a.stderr).toBe(0);
    const board = JSON.parse(a.stdout);
    expect(Object.keys(board)).toEqual(["negotiations", "failed", "agents"]);
    expect(Object.keys(board.agents[0])).toEqual([
      "name",
      "utility",
      "utilityCi",
      "advantage",
      "agreementRate",
      "welfare",
      "nashDistance",
    ]);
    const [lo, hi] = board.agents[0].utilityCi;
    expect(lo).toBeLessThanOrEqual(board.agents[0].utility);
    expect(hi).toBeGreaterThanOrEqual(board.agents[0].utility);
    // Sorted best first.
    const utilities = board.agents.map((x: { utility: number }) => x.utility);
    expect(utilities).toEqual([...utilities].sort((x, y) => y - x));
    expect(b.stdout).toBe(a.stdout);
    expect(c.stdout).not.toBe(a.stdout);
  });

  it("replays any negotiation alone with parley negotiate --seed", () => {
    const out = tempDir();
    expect(tournament(out, "--seed", "99").status).toBe(0);
    const rows = readResultsCsv(out).filter((r) => r.agents !== "boulware;boulware");
    for (const row of [rows[0], rows[7], rows.at(-1)!]) {
      const scenario = row.scenario === "LaptopA" ? LAPTOP : CAR;
      const agents = row.agents.replace(";", ",");
      const alone = runCli([
        "negotiate",
        scenario,
        "--agents",
        agents,
        "--rounds",
        "100",
        "--seed",
        row.seed,
        "--json",
      ]);
      expect(alone.status, alone.stderr).toBe(0);
      const result = JSON.parse(alone.stdout);
      expect(String(result.rounds)).toBe(row.rounds);
      expect(String(result.agreement !== null)).toBe(row.agreement);
      expect(result.utilities.join(";")).toBe(row.utilities);
    }
  });

  it("refuses to resume into a store that holds another tournament", () => {
    const out = tempDir();
    expect(tournament(out).status).toBe(0);
    const other = tournament(out, "--rounds", "50");
    expect(other.status).toBe(2);
    expect(other.stderr).toMatch(/holds a different tournament \(--rounds 100 there, 50 here\)/);
    // The same tournament again, the scenarios named by relative paths this time: everything is done.
    const rel = (p: string) => p.slice(p.indexOf("scenarios/genius/"));
    const same = runCli([
      "tournament",
      rel(LAPTOP),
      rel(CAR),
      "--agents",
      AGENTS,
      "--reps",
      "3",
      "--out",
      out,
    ]);
    expect(same.status, same.stderr).toBe(0);
    expect(same.stdout).toContain("Nothing left to run");
    expect(same.stderr).not.toMatch(/parley: tournament \d+\/\d+/);
    expect(storeCounts(out).results).toBe(54);
  });

  it("seats every agent in every role of a three-party scenario", () => {
    const out = tempDir();
    const politics = bundledScenarioPath("anac/y2015/group2-politics");
    const run = runCli(["tournament", politics, "--agents", "boulware,conceder", "--out", out]);
    expect(run.status, run.stderr).toBe(0);
    const rows = readResultsCsv(out);
    // 2 agents in 3 seats: 2³ line-ups.
    expect(rows.map((r) => r.agents).sort()).toEqual(
      ["boulware", "conceder"]
        .flatMap((a) =>
          ["boulware", "conceder"].flatMap((b) => ["boulware", "conceder"].map((c) => `${a};${b};${c}`)),
        )
        .sort(),
    );
    expect(rows.every((r) => r.status === "ok" && r.utilities.split(";").length === 3)).toBe(true);
  });

  it("seats the documented example agent from its module path, inside the workers", () => {
    const doc = readFileSync(fileURLToPath(new URL("../../docs/negotiators.md", import.meta.url)), "utf8");
    const dir = tempDir();
    const module = join(dir, "my-agent.mjs");
    writeFileSync(module, /```js\n([\s\S]*?)```/.exec(doc)![1]);
    const out = join(dir, "out");
    const run = runCli([
      "tournament",
      LAPTOP,
      "--agents",
      `conceder,${module}`,
      "--reps",
      "2",
      "--out",
      out,
      "--json",
    ]);
    expect(run.status, run.stderr).toBe(0);
    const board = JSON.parse(run.stdout);
    expect(board).toMatchObject({ negotiations: 8, failed: 0 });
    const mine = board.agents.find((a: { name: string }) => a.name === "my-linear");
    expect(mine.agreementRate).toBeGreaterThan(0);
    expect(readResultsCsv(out).filter((r) => r.agents.includes("my-linear"))).toHaveLength(6);
  });

  it("draws the leaderboard and the utility distributions", () => {
    const out = tempDir();
    const svg = join(out, "plot.svg");
    expect(tournament(out, "--plot", svg).status).toBe(0);
    expect(existsSync(svg)).toBe(true);
    const text = readFileSync(svg, "utf8");
    expect(text).toContain("Mean utility per agent (95% CI, within [0, 1])");
    expect(text).toContain("Utility distribution per agent");
    expect(text).toContain("conceder");
  });
});
