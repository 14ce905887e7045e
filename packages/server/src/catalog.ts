import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  type NegotiationRecord,
  readGeniusScenario,
  readParleyScenario,
  readRecord,
  type Scenario,
} from "@parley/core";

/** The repository's scenarios/ folder (the server runs from packages/server/{src,dist}). */
export const BUNDLED_SCENARIOS_DIR = fileURLToPath(new URL("../../../scenarios/", import.meta.url));

export type ScenarioSource = "anac" | "case" | "example";

/** One bundled scenario as `GET /api/scenarios` lists it. */
export interface ScenarioSummary {
  name: string;
  title: string;
  parties: string[];
  issues: number;
  /** The size of the outcome space, a decimal string (it can exceed 2^53). */
  outcomes: string;
  source: ScenarioSource;
}

interface Entry {
  name: string;
  source: ScenarioSource;
  load: () => Scenario;
  record?: string;
}

/**
 * The scenarios bundled with Parley, by name: `peace-plan` (the case), `anac-<year>-<folder>` for the
 * ANAC GENIUS folders and `example-<folder>` for the classic test domains, all lowercase. Each is read
 * once, when first asked for.
 */
export class ScenarioCatalog {
  private readonly entries = new Map<string, Entry>();
  private readonly loaded = new Map<string, Scenario>();
  private summaries: ScenarioSummary[] | null = null;

  constructor(readonly dir: string = BUNDLED_SCENARIOS_DIR) {
    const peace = join(dir, "peace-plan");
    if (existsSync(join(peace, "plan.yaml")))
      this.add({
        name: "peace-plan",
        source: "case",
        load: () => readParleyScenario(readFileSync(join(peace, "plan.yaml"), "utf8"), "peace-plan"),
        record: join(peace, "record.yaml"),
      });
    const anac = join(dir, "genius", "anac");
    for (const year of subfolders(anac))
      for (const folder of subfolders(join(anac, year)))
        this.addGenius(`anac-${year.replace(/^y/, "")}-${folder}`, "anac", join(anac, year, folder));
    const other = join(dir, "genius", "other");
    for (const folder of subfolders(other))
      this.addGenius(`example-${folder}`, "example", join(other, folder));
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The scenario named `name`, or undefined when no bundled scenario has that name. */
  get(name: string): Scenario | undefined {
    const entry = this.entries.get(name);
    if (!entry) return undefined;
    let scenario = this.loaded.get(name);
    if (!scenario) {
      scenario = entry.load();
      this.loaded.set(name, scenario);
    }
    return scenario;
  }

  /**
   * Reads every bundled scenario in the background, one per turn of the event loop (reading them
   * all takes seconds), so the first listing is quick and no request waits long behind it.
   */
  async warm(): Promise<void> {
    for (const name of this.entries.keys()) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      try {
        this.get(name);
      } catch {
        // Listed with its error when asked for; warming goes on.
      }
    }
  }

  /** Every bundled scenario, the peace plan first. */
  list(): ScenarioSummary[] {
    this.summaries ??= [...this.entries.values()].map((entry) => {
      const s = this.get(entry.name)!;
      return {
        name: entry.name,
        title: s.title ?? s.name,
        parties: s.parties.map((p) => p.name),
        issues: s.space.issueCount,
        outcomes: s.space.size.toString(),
        source: entry.source,
      };
    });
    return this.summaries;
  }

  /** The record bundled with scenario `name` (the peace plan's), or undefined. */
  record(name: string): NegotiationRecord | undefined {
    const file = this.entries.get(name)?.record;
    if (!file || !existsSync(file)) return undefined;
    return readRecord(readFileSync(file, "utf8"), `${name}/record.yaml`);
  }

  private add(entry: Entry): void {
    this.entries.set(entry.name, entry);
  }

  private addGenius(name: string, source: ScenarioSource, folder: string): void {
    const slug = name.toLowerCase();
    this.add({
      name: slug,
      source,
      load: () => {
        const files = readdirSync(folder)
          .filter((f) => f.toLowerCase().endsWith(".xml"))
          .sort()
          .map((f) => ({ name: f, text: readFileSync(join(folder, f), "utf8") }));
        return readGeniusScenario(files, { name: slug, source: `bundled: ${name}` }).scenario;
      },
    });
  }
}

function subfolders(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}
