import { describe, expect, it } from "vitest";
import { Rng } from "../model/rng.js";
import { leaderboardCsv, resultsCsv, scenariosCsv } from "./csv.js";
import { planTournament, type TournamentPlan } from "./plan.js";
import type { JobResult } from "./result.js";
import { scoreTournament, summarizeLeaderboard } from "./score.js";
import { meanWithCi, rateWithCi, tQuantile975 } from "./stats.js";
import { pairwiseTable } from "./table.js";

const plan: TournamentPlan = planTournament({
  scenarios: [
    { name: "A", parties: 2, fingerprint: "a" },
    { name: "B", parties: 2, fingerprint: "b" },
  ],
  agents: [
    { name: "x", fingerprint: "x" },
    { name: "y", fingerprint: "y" },
  ],
  reps: 3,
  settings: { protocol: "saop", rounds: 10 },
  seed: "s",
});

/** A synthetic result: seat utilities drawn from a seeded Rng, agreement when both clear 0.3. */
function resultsFor(seed: number): JobResult[] {
  const rng = new Rng(seed);
  return plan.jobs.map((job) => {
    const utilities = job.lineup.map(() => rng.next());
    const agreement = utilities.every((u) => u > 0.3);
    return {
      jobId: job.id,
      status: "ok",
      score: {
        agreement,
        rounds: 5,
        utilities,
        advantages: utilities.map((u) => u - 0.2),
        welfare: utilities[0] + utilities[1],
        paretoDistance: 0.1,
        nashDistance: agreement ? 0.2 : null,
      },
    };
  });
}

describe("stats", () => {
  it("t quantiles match the tables", () => {
    expect(tQuantile975(1)).toBeCloseTo(12.7062, 3);
    expect(tQuantile975(10)).toBeCloseTo(2.2281, 3);
    expect(tQuantile975(30)).toBeCloseTo(2.0423, 3);
    expect(tQuantile975(1000)).toBeCloseTo(1.9623, 3);
  });

  it("gives the textbook t-interval and Wilson interval", () => {
    const e = meanWithCi([1, 2, 3, 4, 5]);
    expect(e.mean).toBe(3);
    // s = √2.5, half width = t(4) · s / √5 = 2.7764 · 0.7071
    expect(e.ci![0]).toBeCloseTo(3 - 1.9632, 3);
    expect(meanWithCi([7]).ci).toBeNull();
    const w = rateWithCi(0, 10);
    expect(w.mean).toBe(0);
    expect(w.ci![0]).toBe(0);
    expect(w.ci![1]).toBeCloseTo(0.2775, 3);
  });
});

describe("scoreTournament", () => {
  it("scores every seat an agent took, with per-scenario and pairwise breakdowns", () => {
    const results = resultsFor(1);
    const board = scoreTournament(plan, results);
    expect(board.negotiations).toBe(plan.jobs.length);
    expect(board.failed).toBe(0);
    // Each agent sits in 2 scenarios × (2 seats in self-play + 1 + 1) × 3 reps = 24 seats.
    for (const a of board.agents) expect(a.seats).toBe(24);
    const x = board.agents.find((a) => a.name === "x")!;
    const xs: number[] = [];
    for (const r of results) {
      const job = plan.jobs.find((j) => j.id === r.jobId)!;
      job.lineup.forEach((a, seat) => {
        if (a === 0) xs.push(r.score!.utilities[seat]);
      });
    }
    expect(x.utility.mean).toBeCloseTo(xs.reduce((s, u) => s + u, 0) / xs.length, 12);
    expect(board.agents[0].utility.mean).toBeGreaterThanOrEqual(board.agents[1].utility.mean);
    expect(board.scenarios.map((s) => s.scenario)).toEqual(["A", "B"]);
    expect(board.scenarios[0].agents[0].utility.n).toBe(12);
    // x meets y in 2 scenarios × 2 orders × 3 reps = 12 seats; x meets itself 2 × 3 reps × 2 seats.
    expect(board.pairwise.seats[0][1]).toBe(12);
    expect(board.pairwise.seats[0][0]).toBe(12);
  });

  it("gives the same leaderboard to the bit whatever order results arrive in", () => {
    const results = resultsFor(5);
    const shuffled = new Rng(9).shuffle([...results]);
    expect(scoreTournament(plan, shuffled)).toEqual(scoreTournament(plan, results));
  });

  it("leaves failed negotiations out of the means and charges them to the seat at fault", () => {
    const results = resultsFor(2);
    results[0] = { jobId: results[0].jobId, status: "failed", reason: "stuck", score: null };
    // Job 3 is x vs y (x in seat 1, y in seat 2) and job 6 is y vs x.
    expect([plan.jobs[3].lineup, plan.jobs[6].lineup]).toEqual([
      [0, 1],
      [1, 0],
    ]);
    results[3] = { ...results[3], status: "failed", reason: "seat 2 (y) threw", faultSeats: [1] };
    results[6] = {
      jobId: results[6].jobId,
      status: "failed",
      reason: "the negotiation crashed",
      score: null,
    };
    const board = scoreTournament(plan, results);
    expect(board.failed).toBe(3);
    const byName = (n: string) => board.agents.find((a) => a.name === n)!;
    expect(byName("x").failures).toBe(2); // job 0 (x vs x) and job 6 (seat unknown)
    expect(byName("y").failures).toBe(2); // job 3 (its seat) and job 6
    expect(byName("x").seats).toBe(24 - 2 - 1 - 1);
  });

  it("scores a partial run and summarises in the documented JSON shape", () => {
    const board = scoreTournament(plan, resultsFor(3).slice(0, 5));
    expect(board.negotiations).toBe(5);
    expect(board.planned).toBe(plan.jobs.length);
    const summary = summarizeLeaderboard(board);
    expect(Object.keys(summary)).toEqual(["negotiations", "failed", "agents"]);
    expect(Object.keys(summary.agents[0])).toEqual([
      "name",
      "utility",
      "utilityCi",
      "advantage",
      "agreementRate",
      "welfare",
      "nashDistance",
    ]);
  });

  it("exports CSV with one line per agent and per result", () => {
    const results = resultsFor(4);
    const board = scoreTournament(plan, results);
    const lb = leaderboardCsv(board).trim().split("\n");
    expect(lb).toHaveLength(3);
    expect(lb[1].split(",")[1]).toBe(board.agents[0].name);
    const sc = scenariosCsv(board).trim().split("\n");
    expect(sc).toHaveLength(2 * 2 + 1);
    expect(sc[1].split(",").slice(0, 3)).toEqual(["A", "x", "12"]);
    const pairs = pairwiseTable(board).split("\n");
    expect(pairs).toHaveLength(3);
    expect(pairs[1]).toContain(board.pairwise.utility[0][1]!.toFixed(3));
    const rs = resultsCsv(plan, results).trim().split("\n");
    expect(rs).toHaveLength(plan.jobs.length + 1);
    expect(rs[1].split(",")[4]).toBe(String(plan.jobs[0].seed));
  });
});
