import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { OutcomeValues, Scenario } from "@parley/core";
import { loadScenario } from "../../packages/cli/src/scenario-loader.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Brute-force results for one bundled scenario (see test/fixtures/reference/README.md). */
export interface Reference {
  scenario: string;
  /** Exact outcome count, as a decimal string. */
  outcomes: string;
  /** Profile file names, in party order. */
  parties: string[];
  reservation: number[];
  note?: string;
  samples: { outcomes: OutcomeValues[]; utilities: number[][] };
  frontier?: number[][];
  zoneSize?: number;
  nash?: number[];
  nashValue?: number;
  kalaiSmorodinsky?: number[];
  ksValue?: number;
  egalitarian?: number[];
  egalitarianValue?: number;
  maxWelfare?: number[];
  maxWelfareValue?: number;
}

/** Absolute path of a bundled GENIUS scenario folder, e.g. `anac/y2010/EnglandZimbabwe`. */
export function bundledScenarioPath(rel: string): string {
  return `${ROOT}scenarios/genius/${rel}`;
}

/** Loads a bundled GENIUS scenario (optionally only some parties, 1-based like `--parties`). */
export function loadBundled(rel: string, parties?: string): Promise<Scenario> {
  return loadScenario(bundledScenarioPath(rel), { parties, onWarning: () => {} });
}

/** The reference results of a bundled scenario. */
export function loadReference(rel: string): Reference {
  const file = `${ROOT}test/fixtures/reference/${rel.replaceAll("/", "__")}.json`;
  return JSON.parse(readFileSync(file, "utf8")) as Reference;
}

/** Every bundled scenario folder, as `rel` paths, sorted. */
export function bundledScenarios(): string[] {
  return readdirRecursive(`${ROOT}scenarios/genius`)
    .filter((d) => d.files.some((f) => f.endsWith(".xml")))
    .map((d) => d.rel)
    .sort();
}

function readdirRecursive(dir: string, rel = ""): { rel: string; files: string[] }[] {
  const entries = readdirSync(dir, { withFileTypes: true });
  const here = { rel, files: entries.filter((e) => e.isFile()).map((e) => e.name) };
  const below = entries
    .filter((e) => e.isDirectory())
    .flatMap((e) => readdirRecursive(`${dir}/${e.name}`, rel ? `${rel}/${e.name}` : e.name));
  return [here, ...below];
}
