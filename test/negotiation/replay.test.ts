import {
  BUILTIN_AGENTS,
  driveNegotiation,
  type Expectation,
  ManualClock,
  MEDIATOR,
  MEDIATORS,
  type Move,
  mediatorSeat,
  negotiatorSeat,
  type OutcomeSpace,
  openSession,
  PreparedScenario,
  type ProtocolName,
  Rng,
  replay,
  type Seat,
  type Seats,
  type SessionSetup,
  syntheticScenario,
} from "@parley/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

/**
 * A scripted "person": moves at a random time (the clock advances first),
 * sometimes ends, sometimes makes an invalid move, answers synchronously or later.
 */
function person(rng: Rng, clock: ManualClock, space: OutcomeSpace, maxStepMs: number): Seat {
  const pick = <T>(items: readonly T[]) => items[rng.int(items.length)];
  const decide = (e: Expectation): Move => {
    const r = rng.next();
    if (r < 0.02) return { type: "end" };
    if (r < 0.04) return { type: "vote", vote: "better" }; // invalid for most expectations: a fault
    switch (e.kind) {
      case "offer":
        return e.offer && r < 0.4 ? { type: "accept" } : { type: "offer", outcome: space.sample(rng) };
      case "vote":
        return { type: "vote", vote: pick(["better", "worse", "same"] as const) };
      case "ratify":
        return { type: r < 0.7 ? "accept" : "reject" };
      case "draft":
        return { type: "draft", outcome: space.sample(rng).map((o, i) => e.settled[i] ?? o) };
      case "decide":
        return { type: "decide", adopt: r < 0.5 };
      case "mediate": {
        const open = e.settled.flatMap((o, i) => (o === null ? [i] : []));
        const locked = e.settled.flatMap((o, i) => (o === null ? [] : [i]));
        if (r < 0.12 && open.length > 0) return { type: "lock", issue: pick(open) };
        if (r < 0.2 && locked.length > 0) return { type: "unlock", issue: pick(locked) };
        if (r < 0.3) return { type: "poll" };
        if (r < 0.33) return { type: "final" };
        const revision = Array.from(e.draft);
        for (let k = rng.int(3) + 1; k > 0 && open.length > 0; k--) {
          const i = pick(open);
          revision[i] = rng.int(space.cardinalities[i]);
        }
        return { type: "propose", outcome: revision };
      }
    }
  };
  return {
    act(expected) {
      clock.advance(rng.int(maxStepMs + 1));
      const move = decide(expected);
      const later = rng.int(3);
      if (later === 0) return move;
      if (later === 1) return Promise.resolve(move);
      return new Promise((resolve) => setTimeout(() => resolve(move), 0));
    },
  };
}

const negotiation = fc.record({
  protocol: fc.constantFrom<ProtocolName>("saop", "mediated"),
  parties: fc.integer({ min: 2, max: 3 }),
  issues: fc.integer({ min: 1, max: 4 }),
  options: fc.integer({ min: 2, max: 4 }),
  seed: fc.nat(10_000),
  rounds: fc.integer({ min: 2, max: 25 }),
  timeMs: fc.option(fc.integer({ min: 100, max: 3000 }), { nil: undefined }),
  start: fc.nat(100_000),
  maxStepMs: fc.integer({ min: 0, max: 200 }),
  // Per seat: a built-in agent's index, or (negative) a person; the last entry fills the mediator's seat.
  seats: fc.array(fc.integer({ min: -5, max: BUILTIN_AGENTS.length - 1 }), { minLength: 4, maxLength: 4 }),
  settle: fc.boolean(),
});

describe("a negotiation is its move log", () => {
  it("replaying the log on the same setup rebuilds the trace and outcome, for agents and people moving at random times", async () => {
    let people = 0;
    let timed = 0;
    const endings = new Set<string>();
    const actions = new Set<string>();
    await fc.assert(
      fc.asyncProperty(negotiation, async (n) => {
        const scenario = syntheticScenario({
          parties: n.parties,
          issues: n.issues,
          options: n.options,
          seed: n.seed,
        });
        const prepared = new PreparedScenario(scenario);
        const { space } = scenario;
        const clock = new ManualClock(n.start);
        const rng = new Rng(n.seed);
        const deadline = { rounds: n.rounds, ...(n.timeMs ? { timeMs: n.timeMs } : {}) };
        const settled =
          n.protocol === "mediated" && n.settle
            ? space.issues.map((_, i) => (i === 0 ? 0 : null))
            : undefined;
        const setup: SessionSetup = {
          protocol: n.protocol,
          space,
          utilities: prepared.utilities,
          deadline,
          ...(settled ? { settled } : {}),
        };
        const session = openSession({ ...setup, clock });
        const seats: Record<number, Seat> = {};
        for (let p = 0; p < n.parties; p++) {
          const kind = n.seats[p];
          if (kind < 0) {
            seats[p] = person(rng.fork(`person ${p}`), clock, space, n.maxStepMs);
            people++;
            continue;
          }
          const negotiator = BUILTIN_AGENTS[kind].create();
          negotiator.init({
            seat: p,
            parties: n.parties,
            protocol: n.protocol,
            deadline,
            space,
            utility: prepared.utilities[p],
            bids: prepared.bids(p),
            rng: rng.fork(`seat ${p}`),
          });
          seats[p] = negotiatorSeat(negotiator, prepared.utilities[p], n.protocol, p);
        }
        if (n.protocol === "mediated") {
          if (n.seats[3] < 0) seats[MEDIATOR] = person(rng.fork("mediator"), clock, space, n.maxStepMs);
          else {
            const mediator = MEDIATORS[n.seats[3] % 2 ? "frontier" : "annealing"].create();
            mediator.init({
              space,
              parties: n.parties,
              deadline,
              settled: settled ?? space.issues.map(() => null),
              rng: rng.fork("m"),
            });
            seats[MEDIATOR] = mediatorSeat(mediator);
          }
        }
        const outcome = await driveNegotiation(session, seats as Seats, { clock });
        expect(outcome).not.toBeNull();
        if (n.timeMs) timed++;
        endings.add(outcome!.endedBy);
        for (const e of session.trace) actions.add(e.action);
        // Stored as JSON (as a server would keep it) and replayed.
        const again = replay(setup, JSON.parse(JSON.stringify(session.log)));
        expect(again.trace).toEqual(session.trace);
        expect(again.outcome()).toEqual(outcome);
        expect(again.log).toEqual(session.log);
      }),
      { numRuns: 120, seed: 20261130 },
    );
    expect(people).toBeGreaterThan(20);
    expect(timed).toBeGreaterThan(20);
    // The runs cover every way to end and every mediator move.
    expect([...endings].sort()).toEqual(["agreement", "deadline", "ended", "fault", "rejected"]);
    for (const action of ["lock", "unlock", "poll", "final", "revise", "vote"])
      expect(actions).toContain(action);
  }, 60_000);
});
