import {
  type AgentDefinition,
  BUILTIN_AGENTS,
  driveNegotiation,
  InvalidMove,
  ManualClock,
  type Move,
  type NegotiationSetup,
  type Negotiator,
  negotiatorSeat,
  openSession,
  PreparedScenario,
  Rng,
  runNegotiation,
  SaopSession,
  type Scenario,
  type Seat,
  syntheticScenario,
  type TraceEvent,
  type VisibleEvent,
} from "@parley/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

/** A seat that accepts, ends or offers a random outcome, each with the given odds, from its own Rng. */
function chaos(accept: number, end: number): AgentDefinition {
  return {
    name: "chaos",
    description: "random moves",
    create(): Negotiator {
      let setup: NegotiationSetup;
      return {
        init: (s) => {
          setup = s;
        },
        propose: () => setup.space.sample(setup.rng),
        respond: () => {
          const x = setup.rng.next();
          return x < accept ? "accept" : x < accept + end ? "end" : "reject";
        },
      };
    },
  };
}

/** A synthetic scenario whose parties have the given discounts and reservations. */
function scenarioWith(
  spec: { parties: number; issues: number; options: number; seed: number },
  discounts: number[],
  reservations: number[],
): Scenario {
  const base = syntheticScenario(spec);
  return {
    ...base,
    parties: base.parties.map((p, i) => ({
      ...p,
      profile: { ...p.profile, discount: discounts[i], reservation: reservations[i] },
    })),
  };
}

const seatMoves = (trace: readonly TraceEvent[]) =>
  trace.filter((e) => e.seat >= 0 && (e.action === "offer" || e.action === "accept" || e.action === "end"));

const arbitraryNegotiation = fc
  .record({
    parties: fc.integer({ min: 2, max: 4 }),
    issues: fc.integer({ min: 1, max: 4 }),
    options: fc.integer({ min: 2, max: 5 }),
    scenarioSeed: fc.integer({ min: 0, max: 1000 }),
    seed: fc.integer({ min: 0, max: 1_000_000 }),
    rounds: fc.integer({ min: 1, max: 30 }),
    accept: fc.double({ min: 0, max: 0.9, noNaN: true }),
    end: fc.double({ min: 0, max: 0.05, noNaN: true }),
    lineup: fc.array(fc.integer({ min: 0, max: BUILTIN_AGENTS.length }), { minLength: 4, maxLength: 4 }),
    discounts: fc.array(fc.double({ min: 0.2, max: 1, noNaN: true }), { minLength: 4, maxLength: 4 }),
    reservations: fc.array(fc.double({ min: 0, max: 0.6, noNaN: true }), { minLength: 4, maxLength: 4 }),
  })
  .map((p) => {
    const scenario = scenarioWith(
      { parties: p.parties, issues: p.issues, options: p.options, seed: p.scenarioSeed },
      p.discounts,
      p.reservations,
    );
    // Index BUILTIN_AGENTS.length stands for the chaos seat, which explores every protocol path.
    const agents = p.lineup
      .slice(0, p.parties)
      .map((k) => (k === BUILTIN_AGENTS.length ? chaos(p.accept, p.end) : BUILTIN_AGENTS[k]));
    return { scenario, agents, rounds: p.rounds, seed: p.seed };
  });

describe("SAOP protocol rules (property-based)", () => {
  it("turn order holds, an accepted offer is the standing offer, deadlines end it, utilities follow dᵗ", () => {
    fc.assert(
      fc.property(arbitraryNegotiation, ({ scenario, agents, rounds, seed }) => {
        const n = scenario.parties.length;
        const r = runNegotiation(scenario, { agents, rounds, seed });
        expect(r.errors).toEqual([]);
        const moves = seatMoves(r.trace);
        let standing: ArrayLike<number> | null = null;
        let accepts = 0;
        moves.forEach((e, k) => {
          expect(e.seat).toBe(k % n);
          expect(e.round).toBe(Math.floor(k / n));
          expect(e.t).toBeCloseTo((e.round + e.seat / n) / rounds, 12);
          expect(e.t).toBeLessThan(1);
          if (e.action === "offer") {
            standing = e.offer!;
            accepts = 0;
          } else if (e.action === "accept") {
            expect(standing).not.toBeNull();
            expect(e.offer).toEqual(standing);
            accepts++;
          }
        });
        expect(r.rounds).toBeLessThanOrEqual(rounds);
        const last = moves[moves.length - 1];
        const utilities = r.metrics!.utilities;
        if (r.endedBy === "agreement") {
          expect(r.agreement).toEqual(standing);
          expect(accepts).toBe(n - 1);
          expect(last.action).toBe("accept");
          expect(r.t).toBe(last.t);
          scenario.parties.forEach((p, i) => {
            const u = r.trace[r.trace.length - 1].utilities![i];
            expect(utilities[i]).toBeCloseTo(u * p.profile.discount ** last.t, 12);
          });
        } else {
          expect(r.agreement).toBeNull();
          if (r.endedBy === "deadline") {
            expect(moves.length).toBe(rounds * n);
            expect(r.rounds).toBe(rounds);
            expect(r.t).toBe(1);
          } else expect(r.endedBy).toBe("ended");
          scenario.parties.forEach((p, i) => {
            expect(utilities[i]).toBeCloseTo(p.profile.reservation * p.profile.discount ** r.t, 12);
          });
        }
      }),
      { numRuns: 300 },
    );
  });

  it("an accepting seat gets at least its (discounted) reservation value when it is a built-in agent", () => {
    fc.assert(
      fc.property(arbitraryNegotiation, ({ scenario, agents, rounds, seed }) => {
        const r = runNegotiation(scenario, { agents, rounds, seed, analysis: null });
        if (r.endedBy !== "agreement") return;
        const utilities = new PreparedScenario(scenario).utilities;
        agents.forEach((a, i) => {
          if (a.name !== "chaos")
            expect(utilities[i].utility(r.agreement!)).toBeGreaterThanOrEqual(
              scenario.parties[i].profile.reservation,
            );
        });
      }),
      { numRuns: 200 },
    );
  });
});

describe("runNegotiation refuses what it cannot run", () => {
  const two = syntheticScenario({ parties: 2, issues: 2, options: 3, seed: 1 });
  it("names the field at fault", () => {
    const one = { ...two, parties: two.parties.slice(0, 1) };
    expect(() => runNegotiation(one, { agents: ["linear"] })).toThrow(/at least two parties/);
    expect(() => runNegotiation(two, { agents: ["linear"] })).toThrow(/1 agents for 2 parties/);
    expect(() => runNegotiation(two, { agents: ["linear", "nobody"] })).toThrow(/not a built-in agent/);
    expect(() => runNegotiation(two, { agents: ["linear", "linear"], rounds: 0 })).toThrow(
      /rounds: must be a positive integer/,
    );
    expect(() => runNegotiation(two, { agents: ["linear", "linear"], timeMs: 100 })).toThrow(/needs a clock/);
    expect(() =>
      runNegotiation(two, { agents: ["linear", "linear"], protocol: "mediated", mediator: "x" }),
    ).toThrow(/is not a mediator/);
  });
});

describe("SAOP session", () => {
  const scenario = syntheticScenario({ parties: 3, issues: 2, options: 3, seed: 1 });
  const prepared = new PreparedScenario(scenario);
  const open = (deadline: { rounds?: number; timeMs?: number }, clock?: ManualClock) =>
    new SaopSession({ space: scenario.space, utilities: prepared.utilities, deadline, clock });

  it("refuses out-of-turn moves, accepting nothing, and malformed offers, and stays unchanged", () => {
    const s = open({ rounds: 5 });
    expect(() => s.submit(1, { type: "offer", outcome: [0, 0] })).toThrow(InvalidMove);
    expect(() => s.submit(0, { type: "accept" })).toThrow(/no offer/);
    expect(() => s.submit(0, { type: "offer", outcome: [0] })).toThrow(/2 issues/);
    expect(() => s.submit(0, { type: "offer", outcome: [0, 3] })).toThrow(/not an option index/);
    expect(() => s.submit(0, { type: "offer", outcome: [0, 1.5] })).toThrow(InvalidMove);
    expect(() => s.submit(0, { type: "vote", vote: "better" })).toThrow(/SAOP expects/);
    expect(s.expected()).toMatchObject({ kind: "offer", seat: 0, offer: null });
    expect(s.trace).toEqual([]);
  });

  it("needs every other seat's acceptance, in turn; a counter-offer resets it", () => {
    const s = open({ rounds: 5 });
    s.submit(0, { type: "offer", outcome: [1, 1] });
    s.submit(1, { type: "accept" });
    s.submit(2, { type: "offer", outcome: [2, 2] });
    s.submit(0, { type: "accept" });
    expect(s.outcome()).toBeNull();
    expect(s.expected()).toMatchObject({ seat: 1, offer: [2, 2], from: 2 });
    s.submit(1, { type: "accept" });
    expect(s.outcome()).toMatchObject({ agreement: [2, 2], endedBy: "agreement", rounds: 2 });
    expect(() => s.submit(2, { type: "accept" })).toThrow(/over/);
  });

  it("ends at a millisecond deadline on the clock it is given, with t from that clock", () => {
    const clock = new ManualClock(1000);
    const s = open({ timeMs: 100 }, clock);
    clock.advance(25);
    s.submit(0, { type: "offer", outcome: [1, 1] });
    expect(s.trace[0]).toMatchObject({ t: 0.25, ms: 25 });
    clock.advance(80);
    expect(s.expected()).toBeNull();
    expect(s.outcome()).toBeNull();
    expect(s.advance()).toBeNull();
    expect(s.outcome()).toMatchObject({ endedBy: "deadline", agreement: null, t: 1 });
    expect(s.trace[s.trace.length - 1]).toMatchObject({ action: "deadline", ms: 105 });
  });

  it("discounts with t from the clock when the deadline is in milliseconds", () => {
    const clock = new ManualClock();
    const d = 0.5;
    const discounted = scenarioWith({ parties: 2, issues: 2, options: 3, seed: 4 }, [d, d], [0, 0]);
    const slow: AgentDefinition = {
      name: "slow",
      description: "takes 10 ms per move, offers its best, accepts at t ≥ 0.5",
      create: () => {
        let setup: NegotiationSetup;
        return {
          init: (s) => {
            setup = s;
          },
          propose: () => {
            clock.advance(10);
            return setup.bids.best;
          },
          respond: (_o, _f, state) => {
            clock.advance(10);
            return state.t >= 0.5 ? "accept" : "reject";
          },
        };
      },
    };
    const r = runNegotiation(discounted, { agents: [slow, slow], timeMs: 100, clock, moveBudgetMs: 50 });
    expect(r.endedBy).toBe("agreement");
    // t is read when the move arrives: after the 10 ms the seat spent deciding.
    const accepted = r.trace.find((e) => e.action === "accept")!;
    expect(r.t).toBe(accepted.t);
    expect(accepted.t).toBeCloseTo(accepted.ms! / 100, 12);
    expect(r.t).toBeGreaterThanOrEqual(0.5);
    const u = new PreparedScenario(discounted).utilities.map((f) => f.utility(r.agreement!));
    expect(r.metrics!.utilities[0]).toBeCloseTo(u[0] * d ** r.t, 12);
    expect(r.metrics!.utilities[1]).toBeCloseTo(u[1] * d ** r.t, 12);
  });
});

describe("a seat whose moves arrive asynchronously", () => {
  it("driveNegotiation runs a person beside a synchronous agent; an invalid move ends the person's seat", async () => {
    const scenario = syntheticScenario({ parties: 2, issues: 3, options: 4, seed: 21 });
    const prepared = new PreparedScenario(scenario);
    const setup = {
      protocol: "saop" as const,
      space: scenario.space,
      utilities: prepared.utilities,
      deadline: { rounds: 20 },
    };
    const agent = BUILTIN_AGENTS.find((a) => a.name === "conceder")!.create();
    agent.init({
      seat: 0,
      parties: 2,
      protocol: "saop",
      deadline: { rounds: 20 },
      space: scenario.space,
      utility: prepared.utilities[0],
      bids: prepared.bids(0),
      rng: new Rng(1),
    });
    // The "person" in seat 1 answers later, from another turn of the event loop.
    const person = prepared.utilities[1];
    const seen: VisibleEvent[] = [];
    const personSeat: Seat = {
      act: (expected) =>
        new Promise<Move>((resolve) =>
          setTimeout(() => {
            const offer = expected.kind === "offer" ? expected.offer : null;
            if (offer && person.utility(offer) >= 0.7) resolve({ type: "accept" });
            else resolve({ type: "offer", outcome: prepared.bids(1).atLeast(0.8) });
          }, 0),
        ),
      inform: (event) => {
        seen.push(event);
      },
    };
    const session = openSession(setup);
    const outcome = await driveNegotiation(session, [
      negotiatorSeat(agent, prepared.utilities[0], "saop", 0),
      personSeat,
    ]);
    expect(outcome!.endedBy).toBe("agreement");
    const accepted = session.trace.find((e) => e.action === "accept")!;
    if (accepted.seat === 1) expect(person.utility(outcome!.agreement!)).toBeGreaterThanOrEqual(0.7);
    // The person was told every move, its own included, with its own utility only.
    expect(seen.map((e) => e.action)).toEqual(session.trace.map((e) => e.action));
    for (const [k, e] of seen.entries()) {
      expect(e.utilities).toBeUndefined();
      if (e.offer) expect(e.utility).toBe(session.trace[k].utilities![1]);
    }

    const clumsy: Seat = { act: () => ({ type: "offer", outcome: [9, 9, 9] }) };
    const again = openSession(setup);
    const ended = await driveNegotiation(again, [personSeat, clumsy]);
    expect(ended).toMatchObject({ endedBy: "fault", errors: [{ seat: 1 }] });
    expect(ended!.errors[0].reason).toMatch(/^invalid move: .*not an option index/);
  });
});
