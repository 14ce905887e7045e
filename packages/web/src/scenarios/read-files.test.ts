import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readScenarioFiles } from "./read-files";

const root = join(import.meta.dirname, "../../../..");
const travel = join(root, "scenarios/genius/anac/y2010/Travel");
const folderFiles = (dir: string) =>
  readdirSync(dir).map((name) => ({ name, text: readFileSync(join(dir, name), "utf8") }));

describe("readScenarioFiles", () => {
  it("reads a GENIUS folder given as its files, parties in file-name order", () => {
    const { scenario } = readScenarioFiles(folderFiles(travel), "Travel");
    expect(scenario.name).toBe("Travel");
    expect(scenario.parties.map((p) => p.name)).toEqual(["travel_chox", "travel_fanny"]);
    expect(scenario.space.issues.length).toBeGreaterThan(1);
  });

  it("reads one Parley YAML file", () => {
    const plan = readFileSync(join(root, "scenarios/peace-plan/plan.yaml"), "utf8");
    const { scenario } = readScenarioFiles([{ name: "plan.yaml", text: plan }]);
    expect(scenario.name).toBe("peace-plan");
    expect(scenario.space.issues).toHaveLength(20);
  });

  it("refuses a broken Parley file with the CLI's message (file and field)", () => {
    const text = "parley: 1\nname: broken\nissues:\n  - name: price\n    options: []\nparties: []\n";
    expect(() => readScenarioFiles([{ name: "broken.yaml", text }])).toThrow(
      "broken.yaml: issues[0].options: needs ≥ 1 items, found an array of 0",
    );
  });

  it("refuses a lone GENIUS file, asking for its folder", () => {
    const [domain] = folderFiles(travel).filter((f) => f.name === "travel_domain.xml");
    expect(() => readScenarioFiles([domain])).toThrow(
      /travel_domain\.xml: is one GENIUS file; choose the folder/,
    );
  });

  it("refuses files of no format it reads", () => {
    expect(() => readScenarioFiles([{ name: "notes.txt", text: "hello" }])).toThrow(
      /notes\.txt: is not a scenario Parley reads/,
    );
  });
});
