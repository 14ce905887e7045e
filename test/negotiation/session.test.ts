import {
  ManualClock,
  MEDIATOR,
  MEDIATORS,
  mediatorMove,
  negotiatorMove,
  openNegotiation,
  openSession,
  PreparedScenario,
  syntheticScenario,
} from "@parley/core";
import { describe, expect, it } from "vitest";

const scenario = syntheticScenario({ parties: 3, issues: 3, options: 4, seed: 8 });
const prepared = new PreparedScenario(scenario);

describe("reading a session changes nothing", () => {
  for (const protocol of ["saop", "mediated"] as const) {
    it(`${protocol}: expected() any number of times between moves gives the same trace, log and outcome`, () => {
      const run = (reads: number) => {
        const { session, seats, mediator } = openNegotiation(prepared, {
          protocol,
          agents: ["conceder", "tft", "linear"],
          rounds: 40,
          seed: 3,
          keepLog: true,
        });
        for (;;) {
          for (let k = 0; k < reads; k++) session.expected();
          const expected = session.advance();
          if (!expected) break;
          for (let k = 0; k < reads; k++) expect(session.expected()).toEqual(expected);
          const seat = expected.seat;
          session.submit(
            seat,
            seat === MEDIATOR
              ? mediatorMove(mediator!, expected)
              : negotiatorMove(seats[seat], expected, prepared.utilities[seat]),
          );
        }
        return { trace: session.trace, log: session.log, outcome: session.outcome() };
      };
      const once = run(0);
      expect(once.trace.length).toBeGreaterThan(20);
      expect(run(3)).toEqual(once);
    });
  }

  it("the mediator is asked nothing when the state is read: its strategy is called only for its own moves", () => {
    const frontier = MEDIATORS.frontier.create();
    let calls = 0;
    const counted = new Proxy(frontier, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver);
        if (typeof value !== "function" || key === "init") return value;
        return (...args: unknown[]) => {
          calls++;
          return value.apply(target, args);
        };
      },
    });
    const { session } = openNegotiation(prepared, {
      protocol: "mediated",
      mediator: counted,
      agents: ["linear", "linear", "linear"],
      rounds: 10,
    });
    const before = calls;
    for (let k = 0; k < 5; k++) session.expected();
    expect(calls).toBe(before);
    expect(session.trace.map((e) => e.action)).toEqual(["revise"]);
  });
});

describe("the deadline on a ManualClock", () => {
  it("deadlineAt is the clock time the deadline falls; expected() turns null past it, advance() records the end", () => {
    const clock = new ManualClock(5000);
    const s = openSession({
      protocol: "saop",
      space: scenario.space,
      utilities: prepared.utilities,
      deadline: { timeMs: 200, rounds: 100 },
      clock,
    });
    expect(s.deadlineAt()).toBe(5200);
    clock.advance(50);
    s.submit(0, { type: "offer", outcome: [1, 1, 1] });
    expect(s.log).toEqual([{ kind: "move", seat: 0, move: { type: "offer", outcome: [1, 1, 1] }, at: 50 }]);
    clock.set(5199);
    expect(s.expected()).toMatchObject({ seat: 1, state: { t: 199 / 200 } });
    clock.set(5200);
    expect(s.expected()).toBeNull();
    expect(s.outcome()).toBeNull();
    expect(s.trace.map((e) => e.action)).toEqual(["offer"]);
    expect(s.advance()).toBeNull();
    expect(s.outcome()).toMatchObject({ endedBy: "deadline", t: 1 });
    expect(s.trace.at(-1)).toMatchObject({ action: "deadline", ms: 200 });
    expect(s.log.at(-1)).toEqual({ kind: "deadline", at: 200 });
    expect(s.deadlineAt()).toBe(5200);
  });

  it("a deadline in rounds only has no deadlineAt; a move arriving after a timed deadline is dropped and the session ends", () => {
    const rounds = openSession({
      protocol: "mediated",
      space: scenario.space,
      utilities: prepared.utilities,
      deadline: { rounds: 5 },
    });
    expect(rounds.deadlineAt()).toBeNull();
    const clock = new ManualClock();
    const timed = openSession({
      protocol: "mediated",
      space: scenario.space,
      utilities: prepared.utilities,
      deadline: { timeMs: 100 },
      clock,
    });
    expect(timed.deadlineAt()).toBe(100);
    timed.submit(MEDIATOR, { type: "draft", outcome: [0, 0, 0] });
    clock.advance(150);
    timed.submit(MEDIATOR, { type: "propose", outcome: [1, 0, 0] });
    expect(timed.outcome()).toMatchObject({ endedBy: "deadline" });
    expect(timed.trace.map((e) => e.action)).toEqual(["revise", "deadline"]);
  });
});
