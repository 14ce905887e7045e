import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  BUILTIN_AGENTS,
  danceOf,
  danceSpec,
  MEDIATORS,
  referenceAnalysis,
  runNegotiation,
} from "@parley/core";
import { describe, expect, it } from "vitest";
import { renderSvg } from "../../packages/cli/src/plot-render.js";
import { bundledScenarioPath, loadBundled } from "../helpers/scenarios.js";
import { tempDir } from "../helpers/temp.js";

const cli = fileURLToPath(new URL("../../packages/cli/dist/main.js", import.meta.url));
const parley = (...args: string[]) => execFileSync("node", [cli, ...args], { encoding: "utf8" });
const england = bundledScenarioPath("anac/y2010/EnglandZimbabwe");

describe("parley agents", () => {
  it("lists every built-in negotiator and mediator, one line each", () => {
    const out = parley("agents");
    for (const a of BUILTIN_AGENTS) expect(out).toMatch(new RegExp(`^  ${a.name} +\\S`, "m"));
    for (const m of Object.keys(MEDIATORS)) expect(out).toMatch(new RegExp(`^  ${m} +\\S`, "m"));
  });
});

describe("parley negotiate", () => {
  it("reports who offered what and the result with its metrics", () => {
    const out = parley("negotiate", england, "--agents", "boulware,conceder");
    expect(out).toMatch(/England \(boulware\) +offer/);
    expect(out).toMatch(/Zimbabwe \(conceder\) +accept/);
    expect(out).toMatch(/^Agreement in round \d+/m);
    expect(out).toMatch(/distance to the Pareto frontier \d\.\d{3}, to Nash \d\.\d{3}/);
  });

  it("runs on wall-clock time in a worker with --time-ms, stamping every event with ms", () => {
    const dir = tempDir("parley-timed-");
    const trace = join(dir, "t.jsonl");
    const json = JSON.parse(
      parley(
        "negotiate",
        england,
        "--agents",
        "linear,linear",
        "--time-ms",
        "2000",
        "--json",
        "--trace",
        trace,
      ),
    );
    expect(json.agreement).not.toBeNull();
    const lines = readFileSync(trace, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.every((l) => typeof l.ms === "number")).toBe(true);
    const moves = lines.filter((l) => l.seat >= 0);
    expect(moves.every((l) => l.ms <= 2000 && l.t < 1 && Math.abs(l.t - l.ms / 2000) < 1e-9)).toBe(true);
  });

  it("draws the dance as PNG", () => {
    const out = join(tempDir("parley-dance-"), "dance.png");
    parley("negotiate", england, "--agents", "tft,hardheaded", "--plot", out);
    expect(readFileSync(out).subarray(1, 4).toString()).toBe("PNG");
  });

  it("refuses bad input with exit code 2 and the field at fault", () => {
    const run = (...args: string[]) =>
      spawnSync("node", [cli, "negotiate", england, ...args], { encoding: "utf8" });
    for (const [args, message] of [
      [["--agents", "boulware"], /--agents: 1 agents for 2 parties/],
      [["--agents", "boulware,nobody"], /agent "nobody": is not a built-in agent/],
      [["--agents", "boulware,linear", "--rounds", "-3"], /--rounds: "-3" is not a positive integer/],
      [["--agents", "boulware,linear", "--protocol", "auction"], /--protocol: "auction" is not a protocol/],
    ] as const) {
      const r = run(...args);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(message);
    }
  });
});

describe("the negotiation dance", () => {
  it("is a valid Vega-Lite chart of each seat's offers, the frontier, the Nash point and the agreement", async () => {
    const scenario = await loadBundled("anac/y2010/EnglandZimbabwe");
    const analysis = referenceAnalysis(scenario);
    const result = runNegotiation(scenario, { agents: ["linear", "conceder"], seed: 1, analysis });
    const dance = danceOf(scenario, result, analysis);
    expect(dance.moves).toHaveLength(result.trace.filter((e) => e.action === "offer").length);
    expect(new Set(dance.moves.map((m) => m.by))).toEqual(
      new Set(["England (linear)", "Zimbabwe (conceder)"]),
    );
    expect(dance.agreement).toEqual(result.trace.find((e) => e.action === "agreement")!.utilities);
    const svg = await renderSvg(danceSpec(dance));
    expect(svg).toContain("England utility");
    expect(svg).toContain("Nash point");
  });

  it("draws the mediator's drafts for the mediated protocol", async () => {
    const scenario = await loadBundled("anac/y2010/EnglandZimbabwe");
    const result = runNegotiation(scenario, {
      protocol: "mediated",
      agents: ["linear", "linear"],
      seed: 1,
      analysis: null,
    });
    const dance = danceOf(scenario, result, null);
    expect(dance.movesAre).toBe("drafts");
    expect(dance.moves.length).toBe(result.trace.filter((e) => e.action === "revise").length);
    expect(dance.moves.every((m) => m.by === "mediator (frontier)")).toBe(true);
  });
});
