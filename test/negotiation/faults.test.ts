import { fileURLToPath } from "node:url";
import {
  type AgentDefinition,
  ManualClock,
  type NegotiationSetup,
  type Negotiator,
  runNegotiation,
  syntheticScenario,
} from "@parley/core";
import { agentRef, runIsolatedNegotiation } from "@parley/node";
import { describe, expect, it } from "vitest";
import { loadBundled } from "../helpers/scenarios.js";

const scenario = syntheticScenario({ parties: 2, issues: 3, options: 4, seed: 7 });

/** A seat that behaves (offers its best, rejects) except where `fault` overrides it. */
function faulty(fault: Partial<Negotiator>): AgentDefinition {
  return {
    name: "faulty",
    description: "misbehaves on purpose",
    create() {
      let setup: NegotiationSetup;
      return {
        init: (s) => {
          setup = s;
        },
        propose: () => setup.bids.best,
        respond: () => "reject",
        ...fault,
      };
    },
  };
}

describe("faulty seats are ended, the negotiation finishes, the process goes on", () => {
  const cases: [string, Partial<Negotiator>, RegExp][] = [
    [
      "throws in propose",
      {
        propose: () => {
          throw new Error("boom");
        },
      },
      /threw: boom/,
    ],
    [
      "throws in init",
      {
        init: () => {
          throw new Error("no setup");
        },
      },
      /threw: no setup/,
    ],
    ["offers too few values", { propose: () => [0] }, /invalid move: the offer has 1 values for 3 issues/],
    [
      "offers an option that does not exist",
      { propose: () => [0, 9, 0] },
      /invalid move: .*not an option index/,
    ],
    [
      "offers something that is not an outcome",
      { propose: () => "best" as unknown as number[] },
      /invalid move: the offer is not an outcome/,
    ],
    ["answers nonsense", { respond: () => "maybe" as "accept" }, /invalid move: respond returned "maybe"/],
    [
      "throws while observing",
      {
        observe: () => {
          throw new Error("watching");
        },
      },
      /threw: watching/,
    ],
  ];
  for (const [what, fault, reason] of cases) {
    it(`a seat that ${what}`, () => {
      const r = runNegotiation(scenario, { agents: ["boulware", faulty(fault)], seed: 1 });
      expect(r.endedBy).toBe("fault");
      expect(r.agreement).toBeNull();
      expect(r.errors).toHaveLength(1);
      expect(r.errors[0]).toMatchObject({ seat: 1, agent: "faulty" });
      expect(r.errors[0].reason).toMatch(reason);
      const fault_ = r.trace.find((e) => e.action === "fault")!;
      expect(fault_).toMatchObject({ seat: 1 });
      expect(fault_.reason).toMatch(reason);
      expect(r.metrics!.utilities).toEqual(scenario.parties.map((p) => p.profile.reservation));
      // The next negotiation runs normally.
      expect(runNegotiation(scenario, { agents: ["conceder", "conceder"], seed: 1 }).endedBy).toBe(
        "agreement",
      );
    });
  }

  it("a seat that overruns its time budget on the session's clock", () => {
    const clock = new ManualClock();
    const slow = faulty({
      propose: () => {
        clock.advance(30);
        return [0, 0, 0];
      },
    });
    const r = runNegotiation(scenario, { agents: ["linear", slow], rounds: 10, clock, moveBudgetMs: 20 });
    expect(r.endedBy).toBe("fault");
    expect(r.errors[0].reason).toBe("overran its time budget (30 ms > 20 ms)");
  });
});

const england = await loadBundled("anac/y2010/EnglandZimbabwe");

describe("isolated runner (worker thread)", () => {
  const looping = fileURLToPath(new URL("./fixtures/looping-agent.mjs", import.meta.url));

  it("stops a seat stuck in an infinite loop and finalises the result from the events received", async () => {
    const events: string[] = [];
    const started = Date.now();
    const r = await runIsolatedNegotiation(
      england,
      { agents: [agentRef("boulware"), agentRef(looping)], timeMs: 300, seed: 2 },
      { graceMs: 300, onEvent: (e) => events.push(e.action) },
    );
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(r.endedBy).toBe("fault");
    expect(r.agreement).toBeNull();
    expect(r.errors).toEqual([
      {
        seat: 1,
        agent: "looping",
        reason: "did not return within its 300 ms move budget (its worker was stopped)",
      },
    ]);
    // Rounds 1 and 2 were played (2 moves each) before seat 1 got stuck in round 3.
    expect(r.trace.filter((e) => e.action === "offer")).toHaveLength(5);
    expect(r.trace[r.trace.length - 1]).toMatchObject({ action: "fault", seat: 1, round: 2 });
    expect(events).toEqual(r.trace.map((e) => e.action));
    expect(r.metrics!.utilities).toEqual(england.parties.map((p) => p.profile.reservation));
  });

  it("blames the seat that is stuck, even when it hangs while observing another seat's move", async () => {
    const observer = fileURLToPath(new URL("./fixtures/looping-observer.mjs", import.meta.url));
    const r = await runIsolatedNegotiation(
      england,
      { agents: [agentRef("boulware"), agentRef(observer)], timeMs: 300, seed: 2 },
      { graceMs: 300 },
    );
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ seat: 1, agent: "looping-observer" });
    // Seat 0's offer in round 3 was made; seat 1 hung observing it.
    const last = r.trace[r.trace.length - 2];
    expect(last).toMatchObject({ seat: 0, round: 2, action: "offer" });
  });

  it("runs a healthy negotiation to the end on wall-clock time", async () => {
    const r = await runIsolatedNegotiation(england, {
      agents: [agentRef("conceder"), agentRef("conceder")],
      timeMs: 2000,
      seed: 2,
    });
    expect(r.endedBy).toBe("agreement");
    expect(r.errors).toEqual([]);
    expect(r.trace.every((e) => typeof e.ms === "number")).toBe(true);
    expect(r.metrics!.paretoDistance).not.toBeNull();
  });
});
