import {
  BUILTIN_AGENTS,
  builtinAgent,
  InputError,
  PreparedScenario,
  runNegotiation,
  syntheticScenario,
} from "@parley/core";
import { describe, expect, it } from "vitest";
import { loadBundled } from "../helpers/scenarios.js";

const england = await loadBundled("anac/y2010/EnglandZimbabwe");

describe("built-in agents", () => {
  it("have stable lowercase names and one-line descriptions", () => {
    const names = BUILTIN_AGENTS.map((a) => a.name);
    for (const name of [
      "boulware",
      "linear",
      "conceder",
      "tft",
      "nash-frequency",
      "micro",
      "random",
      "hardheaded",
    ])
      expect(names).toContain(name);
    for (const a of BUILTIN_AGENTS) {
      expect(a.name).toMatch(/^[a-z-]+$/);
      expect(a.description).not.toMatch(/\n/);
    }
    expect(builtinAgent("Boulware").name).toBe("boulware");
    expect(() => builtinAgent("nobody")).toThrow(InputError);
  });

  for (const [name, e] of [
    ["boulware", 0.2],
    ["linear", 1],
    ["conceder", 2],
  ] as const) {
    it(`${name} bids the nearest outcome at or above 1 − (1 − r)·t^(1/${e})`, () => {
      const prepared = new PreparedScenario(england);
      const u = prepared.utilities[0];
      const levels = Array.from(england.space.enumerate(), (o) => u.utility(o)).sort((a, b) => a - b);
      const floor = Math.max(u.profile.reservation, levels[0]);
      const top = levels[levels.length - 1];
      const r = runNegotiation(prepared, { agents: [name, "hardheaded"], seed: 1, analysis: null });
      const offers = r.trace.filter((ev) => ev.seat === 0 && ev.action === "offer");
      expect(offers.length).toBeGreaterThan(10);
      for (const offer of offers) {
        const target = Math.max(floor, top - (top - floor) * offer.t ** (1 / e));
        const expected = levels.find((x) => x >= target - 1e-12) ?? top;
        expect(offer.utilities![0]).toBeCloseTo(expected, 12);
      }
    });
  }

  it("micro concedes a level only after as many distinct offers from the other side", () => {
    const r = runNegotiation(england, { agents: ["micro", "conceder"], seed: 3, analysis: null });
    const own = new Set<string>();
    const received = new Set<string>();
    for (const e of r.trace) {
      if (e.action !== "offer") continue;
      const key = Array.from(e.offer!).join(",");
      if (e.seat === 1) received.add(key);
      else {
        if (!own.has(key)) expect(own.size).toBeLessThanOrEqual(received.size);
        own.add(key);
      }
    }
    expect(own.size).toBeGreaterThan(3);
  });

  it("random offers only outcomes worth its reservation value", () => {
    const base = syntheticScenario({ parties: 2, issues: 4, options: 4, seed: 2 });
    const s = {
      ...base,
      parties: base.parties.map((p) => ({ ...p, profile: { ...p.profile, reservation: 0.6 } })),
    };
    const r = runNegotiation(s, { agents: ["random", "hardheaded"], seed: 5, analysis: null });
    const offers = r.trace.filter((e) => e.seat === 0 && e.action === "offer");
    expect(new Set(offers.map((e) => Array.from(e.offer!).join())).size).toBeGreaterThan(5);
    for (const e of offers) expect(e.utilities![0]).toBeGreaterThanOrEqual(0.6);
  });
});
