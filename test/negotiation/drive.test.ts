import {
  driveNegotiation,
  ManualClock,
  MEDIATOR,
  mediatorSeat,
  negotiatorSeat,
  OBSERVER,
  openNegotiation,
  openSession,
  PreparedScenario,
  runNegotiation,
  type Seat,
  type Seats,
  syntheticScenario,
  type VisibleEvent,
} from "@parley/core";
import { describe, expect, it } from "vitest";

const scenario = syntheticScenario({ parties: 3, issues: 4, options: 4, seed: 17 });
const prepared = new PreparedScenario(scenario);

describe("driveNegotiation", () => {
  for (const [protocol, agents] of [
    ["saop", ["tft", "nash-frequency", "boulware"]],
    ["mediated", ["linear", "conceder", "random"]],
  ] as const) {
    it(`${protocol}: agents driven asynchronously make the same trace as runNegotiation (same rules)`, async () => {
      const options = { protocol, agents, rounds: 60, seed: 9, mediator: "frontier", analysis: null };
      const sync = runNegotiation(prepared, options);
      const { session, seats, mediator } = openNegotiation(prepared, options);
      const driven: Record<number, Seat> = {};
      seats.forEach((n, p) => {
        driven[p] = negotiatorSeat(n, prepared.utilities[p], protocol, p);
      });
      if (mediator) driven[MEDIATOR] = mediatorSeat(mediator);
      const outcome = await driveNegotiation(session, driven as Seats);
      expect(sync.trace.length).toBeGreaterThan(20);
      expect(session.trace).toEqual(sync.trace);
      expect(outcome).toMatchObject({
        endedBy: sync.endedBy,
        rounds: sync.rounds,
        agreement: sync.agreement,
      });
    });
  }

  it("the deadline falls on time while a seat keeps everyone waiting; its late move is dropped", async () => {
    const clock = { now: () => performance.now() };
    const session = openSession({
      protocol: "saop",
      space: scenario.space,
      utilities: prepared.utilities,
      deadline: { timeMs: 150 },
      clock,
    });
    let late = false;
    const slow: Seat = {
      act: () =>
        new Promise((resolve) =>
          setTimeout(() => {
            late = true;
            resolve({ type: "offer", outcome: [0, 0, 0, 0] });
          }, 600),
        ),
    };
    const started = performance.now();
    const outcome = await driveNegotiation(session, [slow, slow, slow], { clock });
    const took = performance.now() - started;
    expect(outcome).toMatchObject({ endedBy: "deadline", agreement: null });
    expect(took).toBeGreaterThanOrEqual(140);
    expect(took).toBeLessThan(550);
    expect(late).toBe(false);
    expect(session.trace.map((e) => e.action)).toEqual(["deadline"]);
  });

  it("ends a seat that overruns its budget, throws, or fails while being told; watchers see what an observer may", async () => {
    const clock = new ManualClock();
    const setup = {
      protocol: "mediated" as const,
      space: scenario.space,
      utilities: prepared.utilities,
      deadline: { rounds: 20 },
      clock,
    };
    const draft: Seat = { act: () => ({ type: "draft", outcome: [0, 0, 0, 0] }) };
    const propose: Seat = {
      act: (e) =>
        e.kind === "decide" ? { type: "decide", adopt: true } : { type: "propose", outcome: [1, 0, 0, 0] },
    };
    const voter: Seat = { act: () => ({ type: "vote", vote: "same" }) };
    const thinker: Seat = {
      act: async () => {
        clock.advance(80);
        return { type: "vote", vote: "better" };
      },
    };
    const mediatorOf = (first: Seat, rest: Seat): Seat => {
      let drafted = false;
      return {
        act: (e, view) => {
          if (drafted) return rest.act(e, view);
          drafted = true;
          return first.act(e, view);
        },
      };
    };

    const overrun = openSession(setup);
    const watched: VisibleEvent[] = [];
    const a = await driveNegotiation(
      overrun,
      { 0: voter, 1: thinker, 2: voter, [MEDIATOR]: mediatorOf(draft, propose) },
      { clock, moveBudgetMs: 50, watchers: [{ viewer: OBSERVER, inform: (e) => void watched.push(e) }] },
    );
    expect(a).toMatchObject({
      endedBy: "fault",
      errors: [{ seat: 1, reason: "overran its time budget (80 ms > 50 ms)" }],
    });
    // The observer saw the draft, the revision and the fault, but no vote.
    expect(watched.map((e) => e.action)).toEqual(["revise", "propose", "fault"]);
    expect(watched.every((e) => e.utilities === undefined)).toBe(true);

    const throws: Seat = {
      act: () => {
        throw new Error("boom");
      },
    };
    const b = await driveNegotiation(openSession(setup), {
      0: voter,
      1: voter,
      2: voter,
      [MEDIATOR]: mediatorOf(draft, throws),
    });
    expect(b).toMatchObject({ endedBy: "fault", errors: [{ seat: MEDIATOR, reason: "threw: boom" }] });

    const deaf: Seat = {
      act: () => ({ type: "vote", vote: "same" }),
      inform: () => {
        throw new Error("cannot listen");
      },
    };
    const c = await driveNegotiation(openSession(setup), {
      0: voter,
      1: deaf,
      2: voter,
      [MEDIATOR]: mediatorOf(draft, propose),
    });
    expect(c).toMatchObject({ endedBy: "fault", errors: [{ seat: 1, reason: "threw: cannot listen" }] });
  });

  it("stops when aborted and can drive the same session on from there", async () => {
    const session = openSession({
      protocol: "saop",
      space: scenario.space,
      utilities: prepared.utilities,
      deadline: { rounds: 3 },
    });
    const controller = new AbortController();
    let moves = 0;
    const offerer: Seat = {
      act: () => {
        if (++moves === 2) controller.abort();
        return { type: "offer", outcome: [moves % 4, 0, 0, 0] };
      },
    };
    expect(
      await driveNegotiation(session, [offerer, offerer, offerer], { signal: controller.signal }),
    ).toBeNull();
    expect(session.trace).toHaveLength(2);
    expect(await driveNegotiation(session, [offerer, offerer, offerer])).toMatchObject({
      endedBy: "deadline",
      rounds: 3,
    });
  });
});
