import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { paretoFrontier } from "@parley/core";
import { describe, expect, it } from "vitest";
import { loadBundled, loadReference } from "../helpers/scenarios.js";
import { expectAnalysis } from "./expect-analysis.js";

const REFERENCE_DIR = fileURLToPath(new URL("../fixtures/reference/", import.meta.url));

/** Every reference file that has a frontier, as scenario paths (`anac/y2010/EnglandZimbabwe`). */
const withFrontier = readdirSync(REFERENCE_DIR)
  .filter((f) => f.endsWith(".json"))
  .map((f) => f.slice(0, -".json".length).replaceAll("__", "/"))
  .filter((rel) => loadReference(rel).frontier !== undefined);

describe("reproduces every reference frontier and solution point", () => {
  it("covers the reference set", () => {
    expect(withFrontier.length).toBeGreaterThan(100);
  });

  it.each(withFrontier)("%s", async (rel) => {
    const ref = loadReference(rel);
    const scenario = await loadBundled(rel);
    expect(scenario.parties.map((p) => p.profile.reservation)).toEqual(ref.reservation);
    const frontier = paretoFrontier(scenario);
    expect(frontier.exact).toBe(true);
    expectAnalysis(scenario, frontier, {
      frontier: ref.frontier ?? [],
      nashValue: ref.nashValue ?? null,
      ksValue: ref.ksValue ?? null,
      egalitarianValue: ref.egalitarianValue ?? null,
      maxWelfareValue: ref.maxWelfareValue ?? Number.NaN,
      zoneSize: ref.zoneSize ?? Number.NaN,
    });
  });
});
