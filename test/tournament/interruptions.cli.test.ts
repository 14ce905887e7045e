import { spawn } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { LAPTOP, removeTempDirs, storeCounts, tempDir } from "./tournament-cli.js";

const MAIN = fileURLToPath(new URL("../../packages/cli/dist/main.js", import.meta.url));
const LOOPING = fileURLToPath(new URL("../negotiation/fixtures/looping-agent.mjs", import.meta.url));
const args = (out: string) => [
  "tournament",
  LAPTOP,
  "--agents",
  "boulware,conceder",
  "--reps",
  "3",
  "--out",
  out,
];

afterAll(removeTempDirs);

describe("parley tournament: locked store, resume, interruption, plot", () => {
  it("refuses a --out another running tournament holds, saying who holds it (exit 2)", () => {
    const out = join(tempDir(), "out");
    runCli(args(out));
    // This test's own process stands for the other tournament: it is running.
    writeFileSync(
      join(out, "tournament.lock"),
      JSON.stringify({ pid: process.pid, host: hostname(), since: "now" }),
    );
    const second = runCli(args(out));
    expect(second.status).toBe(2);
    expect(second.stderr.trim().split("\n").at(-1)).toBe(
      `parley: ${out}: is in use by another tournament (process ${process.pid} on ${hostname()}, since now); wait for it to finish, or give another --out`,
    );
  });

  it("says that it resumed, and how much was already done", () => {
    const out = join(tempDir(), "out");
    expect(runCli(args(out)).status).toBe(0);
    const db = new Database(join(out, "tournament.sqlite"));
    db.prepare("DELETE FROM results WHERE job_id IN (SELECT job_id FROM results LIMIT 5)").run();
    db.close();
    const resumed = runCli(args(out));
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain(
      `parley: resuming the tournament in ${out}: 7 of 12 negotiations already done`,
    );
    expect(resumed.stdout).toContain("Resumed: 7 of 12 negotiations were already in the store (0 failed).");
    expect(resumed.stdout).toContain("Ran 5 negotiations in");
  });

  it("on Ctrl-C says that running the same command again resumes", async () => {
    const out = join(tempDir(), "out");
    const child = spawn(
      process.execPath,
      [MAIN, ...args(out), "--agent", LOOPING, "--budget-ms", "20000", "--workers", "1"],
      { stdio: ["ignore", "ignore", "pipe"] },
    );
    let stderr = "";
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    const exited = new Promise<number | null>((r) => child.on("exit", r));
    for (let waited = 0; waited < 20_000 && !existsSync(join(out, "tournament.sqlite")); waited += 20)
      await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 300));
    child.kill("SIGINT");
    expect(await exited).toBe(130);
    expect(stderr).toMatch(
      new RegExp(
        `parley: interrupted; \\d+ of 27 negotiations are stored in ${out}; run the same command again to resume`,
      ),
    );
    expect(storeCounts(out).planned).toBe(27);
    // The store was closed, not abandoned: its lock is released.
    expect(existsSync(join(out, "tournament.lock"))).toBe(false);
  });

  it("--plot writes into --out unless given a path", () => {
    const out = join(tempDir(), "out");
    const bare = runCli([...args(out), "--plot"]);
    expect(bare.status, bare.stderr).toBe(0);
    expect(existsSync(join(out, "leaderboard.svg"))).toBe(true);
    expect(bare.stdout).toContain(`Plot: ${join(out, "leaderboard.svg")}`);
    const named = runCli([...args(out), "--plot", "board.svg"]);
    expect(existsSync(join(out, "board.svg"))).toBe(true);
    expect(named.stdout).toContain(`Plot: ${join(out, "board.svg")}`);
    const elsewhere = join(tempDir(), "mine.svg");
    expect(runCli([...args(out), "--plot", elsewhere]).status).toBe(0);
    expect(existsSync(elsewhere)).toBe(true);
  });
});
