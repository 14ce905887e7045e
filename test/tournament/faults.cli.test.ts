import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { LAPTOP, readResultsCsv, removeTempDirs, storeCounts, tempDir } from "./tournament-cli.js";

/**
 * Agent modules written here, from outside the project, against the
 * documented contract: a default export { name, description, create() }
 * whose negotiator has init, propose and respond.
 */
function agentModule(dir: string, name: string, propose: string): string {
  const path = join(dir, `${name}.mjs`);
  writeFileSync(
    path,
    `export default {
  name: ${JSON.stringify(name)},
  description: "misbehaves on purpose",
  create() {
    let space;
    return {
      init(setup) { space = setup.space; },
      propose(state) { ${propose} },
      respond(offer, from, state) { return "reject"; },
    };
  },
};
`,
  );
  return path;
}

afterAll(removeTempDirs);

describe("parley tournament with misbehaving agents", () => {
  it("fails their negotiations with the reason and finishes the tournament", () => {
    const dir = tempDir();
    const thrower = agentModule(dir, "thrower", `throw new Error("deliberate failure");`);
    const looper = agentModule(dir, "looper", "for (;;) {}");
    const hog = agentModule(dir, "hog", "const keep = []; for (;;) keep.push(new Array(1e5).fill(state.t));");
    const crasher = agentModule(dir, "crasher", "process.exit(3);");
    const out = join(dir, "out");
    const args = ["tournament", LAPTOP, "--agents", "conceder", "--out", out, "--workers", "2"];
    args.push("--budget-ms", "1500", "--worker-memory-mb", "64");
    for (const m of [thrower, looper, hog, crasher]) args.push("--agent", m);
    const run = runCli(args);
    expect(run.status, run.stderr).toBe(0);
    // 5 agents → 25 ordered pairs, every one with a result.
    expect(storeCounts(out)).toEqual({ results: 25, distinct: 25, planned: 25 });
    const rows = readResultsCsv(out);
    const reasonOf = (agents: string) => rows.find((r) => r.agents === agents)!;
    expect(reasonOf("conceder;conceder").status).toBe("ok");
    expect(reasonOf("conceder;thrower")).toMatchObject({
      status: "failed",
      reason: "seat 2 (thrower) threw: deliberate failure",
      fault_seats: "2",
    });
    const faults: Record<string, string> = {
      looper: "exceeded its wall-clock budget of 1500 ms (worker terminated)",
      hog: "ran out of memory (worker heap limit 64 MB)",
      crasher: "called process.exit(3)",
    };
    for (const [name, fault] of Object.entries(faults)) {
      // Against conceder: charged with its fault, or, once it has cost 3 workers, retired naming the last one.
      for (const [agents, seat] of [
        [`${name};conceder`, 1],
        [`conceder;${name}`, 2],
      ] as const) {
        const row = reasonOf(agents);
        expect(row).toMatchObject({ status: "failed", fault_seats: String(seat) });
        expect([
          `seat ${seat} (${name}) ${fault}`,
          `seat ${seat} (${name}) was retired from the tournament after 3 faults (last: ${fault})`,
        ]).toContain(row.reason);
      }
      expect(rows.some((r) => r.reason.endsWith(`(${name}) ${fault}`))).toBe(true);
    }
    expect(run.stdout).toMatch(
      /^Retired: (looper|hog|crasher), after 3 faults \(last: .+\); its remaining negotiations failed\.$/m,
    );
    expect(run.stdout).toMatch(/Tournament: 25 of 25 negotiations \(\d+ failed\)/);
    // Failures are charged to the seat at fault, never to conceder.
    const board = JSON.parse(readFileSync(join(out, "details.json"), "utf8"));
    const failures = Object.fromEntries(
      board.agents.map((a: { name: string; failures: number }) => [a.name, a.failures]),
    );
    expect(failures.conceder).toBe(0);
    expect(failures.thrower).toBeGreaterThan(0);
  });

  it("refuses a missing module or one without the interface before the run starts (exit 2)", () => {
    const dir = tempDir();
    const out = join(dir, "out");
    const missing = runCli([
      "tournament",
      LAPTOP,
      "--agents",
      "conceder",
      "--agent",
      join(dir, "nope.mjs"),
      "--out",
      out,
    ]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/nope\.mjs: does not exist/);

    const noCreate = join(dir, "no-create.mjs");
    writeFileSync(noCreate, `export default { name: "x", description: "no create" };\n`);
    const a = runCli(["tournament", LAPTOP, "--agents", "conceder", "--agent", noCreate, "--out", out]);
    expect(a.status).toBe(2);
    expect(a.stderr).toMatch(/no-create\.mjs: default export has no `create\(\)` function/);

    const partial = join(dir, "partial.mjs");
    writeFileSync(
      partial,
      `export default { name: "p", description: "", create: () => ({ propose() {} }) };\n`,
    );
    const b = runCli(["tournament", LAPTOP, "--agents", "conceder", "--agent", partial, "--out", out]);
    expect(b.status).toBe(2);
    expect(b.stderr).toMatch(
      /partial\.mjs: create\(\) returned something that is not a negotiator \(no init, respond\)/,
    );

    const broken = join(dir, "broken.mjs");
    writeFileSync(broken, "export default {\n");
    const c = runCli(["tournament", LAPTOP, "--agents", "conceder", "--agent", broken, "--out", out]);
    expect(c.status).toBe(2);
    expect(c.stderr).toMatch(/broken\.mjs: cannot be loaded as an agent module/);
    // Nothing ran: no store was created.
    expect(existsSync(out)).toBe(false);
  });
});
