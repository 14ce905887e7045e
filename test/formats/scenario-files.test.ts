import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  compileParties,
  fromPlainScenario,
  InputError,
  parseSeed,
  parseSettlements,
  readDraft,
  readOutcomes,
  readScenarioFile,
  readScenarioFolder,
  type Scenario,
  type TextFile,
  toPlainScenario,
  writeGeniusWebScenario,
} from "@parley/core";
import { describe, expect, it } from "vitest";
import { bundledScenarioPath, loadBundled } from "../helpers/scenarios.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** A folder as a browser hands it over: names and texts, nothing else. */
function upload(folder: string): TextFile[] {
  return readdirSync(folder).map((name) => ({ name, text: readFileSync(join(folder, name), "utf8") }));
}

/** Every party's utility of every outcome (the spaces here are small). */
function utilities(scenario: Scenario): number[][] {
  const ufuns = compileParties(scenario);
  const out: number[][] = [];
  for (let k = 0n; k < scenario.space.size; k++) {
    const outcome = scenario.space.outcomeAt(k);
    out.push(ufuns.map((u) => u.utility(outcome)));
  }
  return out;
}

describe("reading a scenario from a list of files", () => {
  it("reads a GENIUS folder's files as the command reads the folder", async () => {
    const folder = bundledScenarioPath("anac/y2010/EnglandZimbabwe");
    const { scenario } = await readScenarioFolder(upload(folder), {
      name: "EnglandZimbabwe",
      source: "upload",
    });
    const loaded = await loadBundled("anac/y2010/EnglandZimbabwe");
    expect(scenario.parties.map((p) => p.name)).toEqual(["England", "Zimbabwe"]);
    expect(utilities(scenario)).toEqual(utilities(loaded));
  });

  it("picks the Parley scenario beside a record, a draft and a README", async () => {
    const { scenario } = await readScenarioFolder(upload(join(ROOT, "scenarios/peace-plan")), {
      name: "peace-plan",
      source: "peace-plan",
    });
    expect(scenario.space.issueCount).toBe(20);
    expect(scenario.parties).toHaveLength(4);
  });

  it("reads GeniusWeb JSON files, and refuses a list with two Parley scenarios or none", async () => {
    const england = await loadBundled("anac/y2010/EnglandZimbabwe");
    const { scenario } = await readScenarioFolder(writeGeniusWebScenario(england).files, {
      name: "x",
      source: "upload",
    });
    expect(utilities(scenario)).toEqual(utilities(england));
    const plan = readFileSync(join(ROOT, "scenarios/peace-plan/plan.yaml"), "utf8");
    const two = [
      { name: "a.yaml", text: plan },
      { name: "b.yaml", text: plan },
    ];
    await expect(readScenarioFolder(two, { name: "x", source: "upload" })).rejects.toThrow(
      "upload: holds several Parley scenarios (a.yaml, b.yaml): name the file",
    );
    await expect(
      readScenarioFolder([{ name: "notes.txt", text: "" }], { name: "x", source: "upload" }),
    ).rejects.toThrow(/^upload: holds no scenario/);
  });

  it("reads one file by its extension and never reads what it refuses", async () => {
    const unread = (name: string): TextFile => ({
      name,
      get text(): string {
        throw new Error(`${name} was read`);
      },
    });
    await expect(readScenarioFile(unread("England.xml"))).rejects.toThrow(
      "England.xml: is one GENIUS file; give the folder that holds the domain and its profiles",
    );
    await expect(readScenarioFile(unread("plan.txt"))).rejects.toThrow(InputError);
    const plan = readFileSync(join(ROOT, "scenarios/peace-plan/plan.yaml"), "utf8");
    const { scenario } = await readScenarioFile({ name: "plan.yaml", text: plan });
    expect(scenario.parties).toHaveLength(4);
  });
});

describe("the plain form of a scenario", () => {
  it("survives structured cloning and gives the same utilities back", async () => {
    const england = await loadBundled("anac/y2010/EnglandZimbabwe");
    const back = fromPlainScenario(structuredClone(toPlainScenario(england)));
    expect(back.name).toBe(england.name);
    expect(utilities(back)).toEqual(utilities(england));
  });
});

describe("inputs about outcomes", () => {
  it("parses settled points, drafts and outcome lists, naming the file or flag at fault", async () => {
    const england = await loadBundled("anac/y2010/EnglandZimbabwe");
    const settled = parseSettlements(england, ["Size of Fund=$50 Billion"]);
    expect(settled).toEqual([1, null, null, null, null]);
    expect(() => parseSettlements(england, ["Size=1"])).toThrow(
      /^--settle "Size=1": expected "issue=value" with one of/,
    );
    const draft = JSON.stringify({
      "Size of Fund": "$100 Billion",
      "Impact on Other Aid": "No reduction",
      "Zimbabwe Trade Policy": "No agreement",
      "England Trade Policy": "No agreement",
      "Forum on Other Health Issues": "No",
    });
    expect(() => readDraft(england, draft, "draft.json", settled)).toThrow(
      'draft.json: issue "Size of Fund": is settled at "$50 Billion" (--settle) but the draft has "$100 Billion"',
    );
    expect(readOutcomes(england, `[${draft}]`, "o.json")[0][0]).toBe("$100 Billion");
    expect(() => readOutcomes(england, "{}", "o.json")).toThrow(
      'o.json: must be a JSON list of outcomes like [{"issue": value}]',
    );
  });

  it("reads a seed: whole numbers as numbers, other text as a text seed", () => {
    expect(parseSeed("42")).toBe(42);
    expect(parseSeed("-3")).toBe(-3);
    expect(parseSeed("1e3")).toBe("1e3");
    expect(parseSeed("peace")).toBe("peace");
    expect(parseSeed("123456789012345678901")).toBe("123456789012345678901");
  });
});
