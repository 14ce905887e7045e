import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { JobResult, Scenario } from "@parley/core";
import { type AgentRef, agentRef, runTournament, type TournamentOutcome } from "@parley/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadBundled } from "../helpers/scenarios.js";

const fixture = (name: string) =>
  fileURLToPath(new URL(`../negotiation/fixtures/${name}-agent.mjs`, import.meta.url));
const BUILTINS = ["boulware", "conceder", "linear"];
const MISBEHAVING = ["mutating", "leaking", "late-throwing", "looping", "exiting"];

const dirs: string[] = [];
const tempOut = () => {
  const dir = mkdtempSync(join(tmpdir(), "parley-misbehaving-"));
  dirs.push(dir);
  return join(dir, "out");
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

let scenarios: Scenario[];
beforeAll(async () => {
  scenarios = [await loadBundled("anac/y2012/LaptopA"), await loadBundled("anac/y2012/CarA")];
});

function tournament(agents: AgentRef[], extra: Partial<Parameters<typeof runTournament>[0]> = {}) {
  return runTournament({
    scenarios,
    agents,
    reps: 2,
    rounds: 60,
    seed: "11",
    out: tempOut(),
    workers: 2,
    budgetMs: 1000,
    workerMemoryMb: 64,
    ...extra,
  });
}

/** Each result keyed by what it is (scenario, agents in seat order, rep): job ids number agents by position. */
function byLineup(outcome: TournamentOutcome): Map<string, JobResult> {
  const names = outcome.plan.spec.agents.map((a) => a.name);
  const scenarioNames = outcome.plan.spec.scenarios.map((s) => s.name);
  const jobs = new Map(outcome.plan.jobs.map((j) => [j.id, j]));
  return new Map(
    outcome.results.map((r) => {
      const job = jobs.get(r.jobId)!;
      const key = `${scenarioNames[job.scenario]}|${job.lineup.map((a) => names[a]).join(";")}|${job.rep}`;
      return [key, r];
    }),
  );
}

describe("a tournament with misbehaving agent modules", () => {
  it("gives every built-in line-up the results of a clean run, and charges each fault to its agent", async () => {
    const clean = await tournament(BUILTINS.map(agentRef));
    expect(clean.board.failed).toBe(0);
    const started = Date.now();
    const dirty = await tournament([
      ...BUILTINS.map(agentRef),
      ...MISBEHAVING.map((m) => agentRef(fixture(m))),
    ]);
    // Looping and exiting agents are retired after 3 lost workers each: far less than budget × negotiations.
    expect(Date.now() - started).toBeLessThan(60_000);

    const cleanResults = byLineup(clean);
    const dirtyResults = byLineup(dirty);
    for (const [key, result] of cleanResults) {
      const { jobId: _a, ...expected } = result;
      const { jobId: _b, ...actual } = dirtyResults.get(key)!;
      expect(actual, key).toEqual(expected);
    }

    const names = dirty.plan.spec.agents.map((a) => a.name);
    const failures = Object.fromEntries(dirty.board.agents.map((a) => [a.name, a.failures]));
    for (const b of BUILTINS) expect(failures[b], b).toBe(0);
    for (const r of dirty.results.filter((x) => x.status === "failed"))
      for (const seat of r.faultSeats ?? []) {
        const job = dirty.plan.jobs.find((j) => j.id === r.jobId)!;
        expect(MISBEHAVING).toContain(names[job.lineup[seat]]);
      }
    const reasons = (agent: string) =>
      dirty.results.filter((r) => r.reason?.includes(`(${agent})`)).map((r) => r.reason!);
    expect(reasons("late-throwing").some((r) => r.includes("threw later (from a timer or promise)"))).toBe(
      true,
    );
    // Near its heap limit a leaking worker may collect garbage for longer than the budget before it runs out.
    expect(
      reasons("leaking").some((r) =>
        /\(leaking\) (ran out of memory \(worker heap limit 64 MB\)|exceeded its wall-clock budget)/.test(r),
      ),
    ).toBe(true);
    expect(reasons("exiting").some((r) => r.includes("called process.exit(1)"))).toBe(true);
    expect(reasons("looping").some((r) => r.includes("exceeded its wall-clock budget of 1000 ms"))).toBe(
      true,
    );
    const retired = dirty.retired.map((r) => r.agent).sort();
    expect(retired).toEqual(expect.arrayContaining(["exiting", "leaking", "looping"]));
    for (const r of dirty.retired) expect(r.reason).toMatch(/^after \d+ faults \(last: .+\)$/);
  }, 120_000);

  it("refuses a module that never finishes loading, naming it, within the load budget", async () => {
    const started = Date.now();
    await expect(
      tournament([agentRef("conceder"), agentRef(fixture("never-loading"))], { loadTimeoutMs: 500 }),
    ).rejects.toThrow(/never-loading-agent\.mjs: did not finish loading within 500 ms/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
