// Seed material for the fuzzers: bundled scenarios and the peace-plan case files, read from disk.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** GENIUS folders that between them hold every kind of issue and profile Parley reads from GENIUS. */
export const GENIUS_SEEDS = [
  "anac/y2012/LaptopA", // discrete, three issues
  "anac/y2010/EnglandZimbabwe", // discrete, nested objectives
  "other/IntegerDomain", // integer issues, linear evaluators
  "anac/y2014/10issues", // hyper-rectangle (constraint) profiles
  "other/kite",
];

const read = (rel) => readFileSync(join(ROOT, rel), "utf8");

/** `loadScenario` is the CLI's (built or source), so the seeds are read as the command reads them. */
export async function fuzzSeeds(loadScenario) {
  const genius = GENIUS_SEEDS.map((rel) => {
    const dir = join(ROOT, "scenarios/genius", rel);
    return readdirSync(dir)
      .filter((n) => n.endsWith(".xml"))
      .sort()
      .map((name) => ({ name, text: readFileSync(join(dir, name), "utf8") }));
  });
  const quiet = { onWarning: () => {} };
  return {
    genius,
    plan: {
      scenario: await loadScenario(join(ROOT, "scenarios/peace-plan/plan.yaml"), quiet),
      text: read("scenarios/peace-plan/plan.yaml"),
    },
    record: read("scenarios/peace-plan/record.yaml"),
    partialDraft: read("scenarios/peace-plan/draft.json"),
    laptop: {
      scenario: await loadScenario(join(ROOT, "scenarios/genius/anac/y2012/LaptopA"), quiet),
      outcomes: read("scenarios/examples/laptop-outcomes.json"),
    },
  };
}
