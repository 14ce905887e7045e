import { fileURLToPath } from "node:url";
import {
  driveNegotiation,
  type Expectation,
  negotiatorSeat,
  openNegotiation,
  PreparedScenario,
  runNegotiation,
  syntheticScenario,
} from "@parley/core";
import { afterEach, describe, expect, it } from "vitest";
import { agentRef } from "../agents/agent-ref.js";
import { type IsolatedSeat, openIsolatedSeat, SeatFault } from "./isolated-seat.js";

const scenario = syntheticScenario({ parties: 2, issues: 3, options: 5, seed: 3 });
const fixture = (name: string) =>
  fileURLToPath(new URL(`../../../../test/negotiation/fixtures/${name}-agent.mjs`, import.meta.url));
const opened: IsolatedSeat[] = [];
const open = async (ref: string, moveBudgetMs = 2000) => {
  const seat = await openIsolatedSeat(agentRef(ref), {
    scenario,
    seat: 1,
    protocol: "saop",
    deadline: { rounds: 20 },
    seed: 5,
    moveBudgetMs,
  });
  opened.push(seat);
  return seat;
};
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});

/** Seat 1's turn in round `round`, answering seat 0's offer. */
const turn = (round: number, offer: number[]): Expectation => ({
  kind: "offer",
  seat: 1,
  offer,
  from: 0,
  state: { round, t: round / 20 },
});

describe("openIsolatedSeat", () => {
  it("is a Seat for driveNegotiation: the negotiation equals runNegotiation's with the agent in this thread", async () => {
    const seat = await open("random");
    expect(seat.name).toBe("random");
    const prepared = new PreparedScenario(scenario);
    const options = { agents: ["boulware", "random"], seed: 5, rounds: 20, analysis: null };
    const { session, seats } = openNegotiation(prepared, options);
    await driveNegotiation(session, [negotiatorSeat(seats[0], prepared.utilities[0], "saop", 0), seat]);
    const inThread = runNegotiation(prepared, options);
    expect(session.trace).toEqual(inThread.trace);
    expect(session.outcome()).toMatchObject({ endedBy: inThread.endedBy, rounds: inThread.rounds });
    expect(seat.fault).toBeNull();
  });

  it("ends a seat stuck in a loop when its move budget runs out, and refuses it every later move", async () => {
    const seat = await open(fixture("looping"), 300);
    await expect(seat.act(turn(1, [0, 0, 0]))).resolves.toMatchObject({ type: "offer" });
    const stuck = seat.act(turn(2, [0, 0, 0]));
    await expect(stuck).rejects.toThrow(SeatFault);
    await expect(stuck).rejects.toThrow(
      "did not return within its 300 ms move budget (its worker was stopped)",
    );
    await expect(seat.act(turn(3, [0, 0, 0]))).rejects.toThrow(/move budget/);
  });

  it("reports process.exit as such, not as a timeout", async () => {
    const seat = await open(fixture("exiting"));
    await expect(seat.act(turn(2, [0, 0, 0]))).rejects.toThrow("called process.exit(1)");
    expect(seat.fault).toBe("called process.exit(1)");
  });

  it("charges an error thrown later from a timer or promise to the seat", async () => {
    const seat = await open(fixture("late-throwing"));
    await expect(seat.act(turn(1, [0, 0, 0]))).resolves.toMatchObject({ type: "offer" });
    await expect.poll(() => seat.fault).toMatch(/^threw later \(from a timer or promise\): from a/);
  });

  it("refuses a module that is not an agent, naming it", async () => {
    await expect(open(fixture("missing"))).rejects.toThrow(/missing-agent\.mjs: does not exist/);
  });
});
