import { fileURLToPath } from "node:url";
import { type AgentDefinition, PreparedScenario, runNegotiation } from "@parley/core";
import { agentRef, runIsolatedNegotiation } from "@parley/node";
import { describe, expect, it } from "vitest";
import { loadBundled } from "../helpers/scenarios.js";

const england = await loadBundled("anac/y2010/EnglandZimbabwe");
const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}-agent.mjs`, import.meta.url));
const run = (
  name: string,
  options: { memoryMb?: number; loadTimeoutMs?: number; moveBudgetMs?: number } = {},
) =>
  runIsolatedNegotiation(
    england,
    {
      agents: [agentRef("boulware"), agentRef(fixture(name))],
      moveBudgetMs: options.moveBudgetMs ?? 500,
      seed: 4,
    },
    options,
  );

describe("a negotiation with a misbehaving agent module, isolated in a worker", () => {
  const ended: [string, string, { memoryMb?: number; moveBudgetMs?: number }][] = [
    ["looping", "did not return within its 500 ms move budget (its worker was stopped)", {}],
    ["exiting", "called process.exit(1)", {}],
    // A generous budget: near its heap limit the worker may collect garbage for seconds before it runs out.
    ["leaking", "ran out of memory (worker heap limit 64 MB)", { memoryMb: 64, moveBudgetMs: 20_000 }],
  ];
  for (const [name, reason, options] of ended)
    it(`ends the ${name} seat with its reason; the negotiation reports normally`, async () => {
      const r = await run(name, options);
      expect(r.endedBy).toBe("fault");
      expect(r.agreement).toBeNull();
      expect(r.errors).toEqual([{ seat: 1, agent: name, reason }]);
      expect(r.trace.at(-1)).toMatchObject({ action: "fault", seat: 1, reason });
      expect(r.metrics!.utilities).toEqual(england.parties.map((p) => p.profile.reservation));
    });

  it("charges an error thrown later from a timer or promise to the seat that scheduled it", async () => {
    const r = await run("late-throwing");
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ seat: 1, agent: "late-throwing" });
    expect(r.errors[0].reason).toMatch(/^threw later \(from a timer or promise\): from a (timer|promise)$/);
  });

  it("gives a mutating agent its own copy: its negotiation is the one it would have with a pristine scenario", async () => {
    const r = await run("mutating");
    // The same agent run in this thread, writing into a scenario of its own, with the same seed.
    const { default: mutating } = (await import(fixture("mutating"))) as { default: AgentDefinition };
    const own = new PreparedScenario(await loadBundled("anac/y2010/EnglandZimbabwe"));
    const ownCopy: AgentDefinition = {
      ...mutating,
      create() {
        const inner = mutating.create();
        return {
          init: (s) =>
            inner.init({
              ...s,
              space: own.scenario.space,
              utility: own.utilities[s.seat],
              bids: own.bids(s.seat),
            }),
          propose: (state) => inner.propose(state),
          respond: (offer, from, state) => inner.respond(offer, from, state),
        };
      },
    };
    const alone = runNegotiation(england, { agents: ["boulware", ownCopy], seed: 4 });
    // Given the shared objects, it changes the negotiation (this is what the copy prevents).
    const shared = runNegotiation(await loadBundled("anac/y2010/EnglandZimbabwe"), {
      agents: ["boulware", mutating],
      seed: 4,
    });
    expect(shared.trace).not.toEqual(alone.trace);
    expect(r.agreement).toEqual(alone.agreement);
    expect(r.trace).toEqual(alone.trace);
  });

  it("refuses a module that never finishes loading, naming it", async () => {
    await expect(run("never-loading", { loadTimeoutMs: 500 })).rejects.toThrow(
      /never-loading-agent\.mjs: did not finish loading within 500 ms/,
    );
  });
});
