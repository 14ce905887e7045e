import { describe, expect, it } from "vitest";
import { InputError } from "../errors.js";
import { deriveSeed, lineups, planTournament, type TournamentSpec } from "./plan.js";

const spec = (over: Partial<TournamentSpec> = {}): TournamentSpec => ({
  scenarios: [
    { name: "LaptopA", parties: 2, fingerprint: "f1" },
    { name: "Three", parties: 3, fingerprint: "f2" },
  ],
  agents: ["boulware", "conceder", "linear"].map((name) => ({ name, fingerprint: name })),
  reps: 4,
  settings: { protocol: "saop", rounds: 100 },
  seed: "42",
  ...over,
});

describe("planTournament", () => {
  it("plans every scenario × every ordered line-up incl. self-play × every rep", () => {
    const plan = planTournament(spec());
    // 3 agents: 3² bilateral line-ups + 3³ three-party line-ups, 4 reps each.
    expect(plan.jobs).toHaveLength((9 + 27) * 4);
    expect(new Set(plan.jobs.map((j) => j.id)).size).toBe(plan.jobs.length);
    expect(plan.jobs.map((j) => j.index)).toEqual(plan.jobs.map((_, i) => i));
    const laptop = plan.jobs.filter((j) => j.scenario === 0 && j.rep === 0).map((j) => j.lineup.join(""));
    expect(laptop).toEqual(["00", "01", "02", "10", "11", "12", "20", "21", "22"]);
    // Each agent sits in each role of the three-party scenario equally often.
    const three = plan.jobs.filter((j) => j.scenario === 1);
    for (let seat = 0; seat < 3; seat++)
      for (let a = 0; a < 3; a++) expect(three.filter((j) => j.lineup[seat] === a)).toHaveLength(9 * 4);
  });

  it("is deterministic: the same spec gives the same jobs, seeds and hash", () => {
    expect(planTournament(spec())).toEqual(planTournament(spec()));
  });

  it("derives distinct seeds per negotiation from the master seed", () => {
    const a = planTournament(spec());
    const b = planTournament(spec({ seed: "43" }));
    expect(new Set(a.jobs.map((j) => j.seed)).size).toBe(a.jobs.length);
    expect(a.jobs.filter((j, i) => j.seed === b.jobs[i].seed)).toHaveLength(0);
    expect(a.hash).not.toBe(b.hash);
  });

  it("keeps a negotiation's seed when agents or scenarios are added", () => {
    const small = planTournament(spec());
    const big = planTournament(
      spec({
        agents: [...spec().agents, { name: "tft", fingerprint: "tft" }],
        scenarios: [{ name: "Other", parties: 2, fingerprint: "f3" }, ...spec().scenarios],
      }),
    );
    const key = (p: typeof small, j: (typeof small.jobs)[number]) =>
      JSON.stringify([p.spec.scenarios[j.scenario].name, j.lineup.map((a) => p.spec.agents[a].name), j.rep]);
    const bigSeeds = new Map(big.jobs.map((j) => [key(big, j), j.seed]));
    for (const j of small.jobs) expect(bigSeeds.get(key(small, j))).toBe(j.seed);
    expect(small.jobs[5].seed).toBe(deriveSeed("42", "LaptopA", ["boulware", "conceder"], 1));
  });

  it("changes the hash when anything that shapes the plan changes", () => {
    const base = planTournament(spec()).hash;
    expect(planTournament(spec({ reps: 5 })).hash).not.toBe(base);
    expect(planTournament(spec({ settings: { protocol: "saop", rounds: 50 } })).hash).not.toBe(base);
    const changed = spec();
    changed.scenarios[0] = { ...changed.scenarios[0], fingerprint: "edited" };
    expect(planTournament(changed).hash).not.toBe(base);
    expect(planTournament(spec()).hash).toBe(base);
  });

  it("refuses duplicate agents, duplicate scenario names and bad repetitions", () => {
    const dup = spec({ agents: [...spec().agents, { name: "linear", fingerprint: "x" }] });
    expect(() => planTournament(dup)).toThrow(/agent "linear" is given twice/);
    expect(() => planTournament(spec({ reps: 0 }))).toThrow(InputError);
    const twice = spec({ scenarios: [spec().scenarios[0], spec().scenarios[0]] });
    expect(() => planTournament(twice)).toThrow(/two scenarios have this name/);
  });
});

describe("lineups", () => {
  it("lists agents^seats ordered tuples", () => {
    expect(lineups(5, 2)).toHaveLength(25);
    expect(lineups(2, 3)).toHaveLength(8);
    expect(new Set(lineups(4, 3).map((l) => l.join())).size).toBe(64);
  });
});
