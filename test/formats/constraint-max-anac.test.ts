import { readdirSync, readFileSync } from "node:fs";
import { readGeniusScenario } from "@parley/core";
import { describe, expect, it } from "vitest";
import { bundledScenarioPath, loadBundled } from "../helpers/scenarios.js";

describe("a hyper-rectangle profile without maxutility", () => {
  it.each(["anac/y2014/10issues", "anac/y2014/10issuesDiscountedwithRV"])(
    "%s: the search finds the maximum the ANAC files state",
    async (rel) => {
      const dir = bundledScenarioPath(rel);
      const files = readdirSync(dir).map((name) => ({
        name,
        text: readFileSync(`${dir}/${name}`, "utf8").replace(/maxutility="[^"]*"/, ""),
      }));
      const { scenario, warnings } = readGeniusScenario(files);
      const stated = (await loadBundled(rel)).parties.map((p) => p.profile.utility);
      expect(warnings).toHaveLength(2);
      scenario.parties.forEach((p, i) => {
        expect(p.profile.utility.type).toBe("constraint");
        expect(stated[i].type === "constraint" && stated[i].maxUtility).toBeGreaterThan(0);
        expect(p.profile.utility).toEqual(stated[i]);
        expect(warnings[i]).toMatch(/no maxutility; normalised by the true maximum/);
      });
    },
  );
});
