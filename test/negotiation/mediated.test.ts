import {
  type AgentDefinition,
  InvalidMove,
  MEDIATOR,
  MediatedSession,
  type Negotiator,
  PreparedScenario,
  runNegotiation,
  syntheticScenario,
} from "@parley/core";
import { describe, expect, it } from "vitest";

const scenario = syntheticScenario({ parties: 3, issues: 5, options: 4, seed: 11 });
const truthful = scenario.parties.map(() => "linear");
/** Two parties leave more room between a random draft and the frontier than three. */
const bilateral = syntheticScenario({ parties: 2, issues: 12, options: 6, seed: 11 });

/** A truthful seat (the built-in answer) with one method replaced. */
function seat(override: Partial<Negotiator>): AgentDefinition {
  return {
    name: "custom",
    description: "",
    create: () => ({ init() {}, propose: () => [0], respond: () => "reject", ...override }),
  };
}

describe("mediated single negotiating text", () => {
  for (const mediator of ["annealing", "frontier"]) {
    it(`${mediator}: each round one revision (or a straw poll), every party answers once in seat order, settled points never move`, () => {
      const settled = [2, null, null, 0, null];
      const r = runNegotiation(scenario, {
        protocol: "mediated",
        mediator,
        agents: truthful,
        rounds: 60,
        seed: 3,
        settled,
      });
      expect(r.mediator).toBe(mediator);
      const rounds = new Map<number, string[]>();
      for (const e of r.trace) {
        if (e.offer) {
          expect(e.offer[0]).toBe(2);
          expect(e.offer[3]).toBe(0);
        }
        if (e.action === "revise" || e.action === "agreement") continue;
        const list = rounds.get(e.round) ?? [];
        list.push(e.seat < 0 ? e.action : `${e.action === "reject" ? "ratify" : e.action} ${e.seat}`);
        rounds.set(e.round, list);
      }
      expect([...rounds.keys()]).toEqual(Array.from({ length: 60 }, (_, k) => k));
      const polls = [...rounds.values()].filter((list) => list[0] === "poll").length;
      if (mediator === "annealing") expect(polls).toBe(0);
      for (const [round, list] of rounds) {
        if (round === 59)
          expect(list.slice(0, 3)).toEqual(["ratify 0", "ratify 1", "ratify 2"].slice(0, list.length));
        else if (list[0] === "poll") expect(list).toEqual(["poll", "ratify 0", "ratify 1", "ratify 2"]);
        else expect(list).toEqual(["propose", "vote 0", "vote 1", "vote 2"]);
      }
    });
  }

  it("frontier: polls the parties from t = 0.5 while some would refuse the draft, and stops once all would accept", () => {
    const s = syntheticScenario({ parties: 3, issues: 8, options: 4, seed: 2, reservation: 0.5 });
    const r = runNegotiation(s, {
      protocol: "mediated",
      mediator: "frontier",
      agents: ["linear", "linear", "linear"],
      seed: 1,
    });
    const polls = r.trace.flatMap((e, k) => (e.action === "poll" ? [k] : []));
    expect(polls.length).toBeGreaterThan(0);
    expect(r.trace[polls[0]].t).toBeGreaterThanOrEqual(0.5);
    const answers = polls.map((k) => r.trace.slice(k + 1, k + 4).map((e) => e.action));
    for (const a of answers.slice(0, -1)) expect(a).toContain("reject");
    if (r.endedBy === "agreement")
      expect(answers[answers.length - 1]).toEqual(["ratify", "ratify", "ratify"]);
    expect(r.endedBy).toBe("agreement");
  });

  it("frontier: after evening the draft out (t ≥ 0.5) it takes only revisions no party finds worse, so every party's utility only rises", () => {
    let revisions = 0;
    let overruled = 0;
    for (let seed = 0; seed < 10; seed++) {
      const agents = ["linear", "linear"];
      const r = runNegotiation(bilateral, { protocol: "mediated", mediator: "frontier", agents, seed });
      let votes: string[] = [];
      const late: number[][] = [];
      for (const e of r.trace) {
        if (e.action === "propose") votes = [];
        if (e.action === "vote") votes.push(e.vote!);
        if (e.action !== "revise" || e.round === 0) continue;
        if (e.t < 0.1) expect(votes).not.toContain("worse");
        if (e.t >= 0.5) {
          expect(votes).not.toContain("worse");
          late.push(e.utilities!);
        } else if (votes.includes("worse")) overruled++;
      }
      revisions += late.length;
      for (let k = 1; k < late.length; k++)
        for (let p = 0; p < 2; p++) expect(late[k][p]).toBeGreaterThanOrEqual(late[k - 1][p] - 1e-12);
    }
    expect(revisions).toBeGreaterThan(5);
    expect(overruled).toBeGreaterThan(0);
  });

  it("annealing: while hot it sometimes takes a revision someone finds worse; cold, never", () => {
    const r = runNegotiation(scenario, {
      protocol: "mediated",
      mediator: "annealing",
      agents: truthful,
      rounds: 400,
      seed: 1,
    });
    let worseTaken = { hot: 0, cold: 0 };
    let votes: string[] = [];
    for (const e of r.trace) {
      if (e.action === "propose") votes = [];
      if (e.action === "vote") votes.push(e.vote!);
      if (e.action === "revise" && votes.includes("worse")) {
        if (e.t < 0.6) worseTaken = { ...worseTaken, hot: worseTaken.hot + 1 };
        else worseTaken = { ...worseTaken, cold: worseTaken.cold + 1 };
      }
    }
    expect(worseTaken.hot).toBeGreaterThan(0);
    expect(worseTaken.cold).toBe(0);
  });

  it("the final draft needs every party's yes", () => {
    const no = seat({ ratify: () => false });
    const r = runNegotiation(scenario, {
      protocol: "mediated",
      agents: ["linear", no, "linear"],
      rounds: 20,
    });
    expect(r.endedBy).toBe("rejected");
    expect(r.agreement).toBeNull();
    expect(r.trace.slice(-2).map((e) => [e.seat, e.action])).toEqual([
      [0, "ratify"],
      [1, "reject"],
    ]);
  });

  it("a seat that votes nonsense is ended", () => {
    const bad = seat({ compare: () => "perhaps" as "better" });
    const r = runNegotiation(scenario, {
      protocol: "mediated",
      agents: ["linear", "linear", bad],
      rounds: 20,
    });
    expect(r.endedBy).toBe("fault");
    expect(r.errors[0]).toMatchObject({ seat: 2 });
    expect(r.errors[0].reason).toMatch(/a revision needs a vote/);
  });

  it("the session refuses a vote from the wrong seat or of the wrong kind", () => {
    const prepared = new PreparedScenario(scenario);
    const s = new MediatedSession({
      space: scenario.space,
      utilities: prepared.utilities,
      deadline: { rounds: 10 },
    });
    expect(s.expected()).toMatchObject({ kind: "draft", seat: MEDIATOR });
    s.submit(MEDIATOR, { type: "draft", outcome: [0, 0, 0, 0, 0] });
    s.submit(MEDIATOR, { type: "propose", outcome: [1, 0, 0, 0, 0] });
    expect(s.expected()).toMatchObject({ kind: "vote", seat: 0 });
    expect(() => s.submit(1, { type: "vote", vote: "better" })).toThrow(InvalidMove);
    expect(() => s.submit(0, { type: "accept" })).toThrow(/needs a vote/);
    s.submit(0, { type: "vote", vote: "same" });
    expect(s.expected()).toMatchObject({ kind: "vote", seat: 1 });
  });
});
