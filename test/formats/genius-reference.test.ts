import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { compileParties } from "@parley/core";
import { describe, expect, it } from "vitest";
import { bundledScenarios, loadBundled, loadReference } from "../helpers/scenarios.js";

const scenarios = bundledScenarios();

describe("every bundled GENIUS scenario matches the brute-force reference", () => {
  it("has a reference for every scenario folder and a folder for every reference", () => {
    const references = readdirSync(fileURLToPath(new URL("../fixtures/reference", import.meta.url)))
      .filter((f) => f.endsWith(".json"))
      .map((f) => f.replace(/\.json$/, "").replaceAll("__", "/"))
      .sort();
    expect(scenarios).toEqual(references);
    expect(scenarios.length).toBeGreaterThan(100);
  });

  it.each(scenarios)("%s", async (rel) => {
    const ref = loadReference(rel);
    const scenario = await loadBundled(rel);
    expect(scenario.space.size.toString()).toBe(ref.outcomes);
    expect(scenario.parties.map((p) => `${p.name}.xml`)).toEqual(ref.parties);
    scenario.parties.forEach((p, i) => {
      expect(p.profile.reservation).toBeCloseTo(ref.reservation[i], 12);
    });
    const ufuns = compileParties(scenario);
    ref.samples.outcomes.forEach((values, k) => {
      const outcome = scenario.space.fromValues(values);
      ufuns.forEach((u, i) => {
        expect(Math.abs(u.utility(outcome) - ref.samples.utilities[k][i])).toBeLessThan(1e-9);
      });
    });
  });
});
