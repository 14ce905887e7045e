import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import type { ReadResult, Scenario, TextFile } from "@parley/core";
import { InputError } from "@parley/core/errors";
import { type Command, Option } from "commander";
import { applyRuleOverride, type RuleOverride } from "./rule-options.js";

export const DEFAULT_MAX_FILE_MB = 50;

export interface LoadOptions {
  /** 1-based party positions in file-name order, e.g. "1,3"; all parties when absent. */
  parties?: string;
  /** Files larger than this are refused before they are read (default 50 MB). */
  maxBytes?: number;
  /** Where warnings go (default: stderr). */
  onWarning?: (message: string) => void;
  /** `--quorum` / `--veto`: the agreement rule instead of the scenario's, applied after `--parties`. */
  rule?: RuleOverride;
}

/**
 * Loads a scenario from any format Parley reads:
 * - a GENIUS folder (one domain XML and one profile XML per party),
 * - a GeniusWeb folder (a domain JSON and LinearAdditiveUtilitySpace profile
 *   JSONs), or one file of it: a domain file stands for its folder, a profile
 *   file for a one-party scenario on the domain it embeds,
 * - a Parley `.json`, `.yaml` or `.yml` file, or a folder holding one Parley
 *   `.yaml` file beside other material (a record, a draft, a README).
 *
 * Only the reader of the format found is loaded (GENIUS XML needs no schemas; a Parley YAML file
 * no XML parser), so a command starts no slower than its input requires.
 */
export async function loadScenario(path: string, options: LoadOptions = {}): Promise<Scenario> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FILE_MB * 1024 * 1024;
  const warn = options.onWarning ?? ((m: string) => process.stderr.write(`parley: warning: ${m}\n`));
  const full = resolve(path);
  const result = await readAny(full, path, maxBytes);
  for (const w of result.warnings) warn(w);
  const seated =
    options.parties === undefined ? result.scenario : await pickParties(result.scenario, options.parties);
  return options.rule === undefined ? seated : applyRuleOverride(seated, options.rule);
}

async function readAny(full: string, shown: string, maxBytes: number): Promise<ReadResult> {
  const stat = statOrFail(full, shown);
  if (stat.isDirectory()) {
    const names = readdirSync(full).sort();
    const xml = names.filter((n) => extname(n).toLowerCase() === ".xml");
    if (xml.length > 0) {
      const files = xml.map((n) => readText(join(full, n), n, maxBytes));
      const { readGeniusScenario } = await import("@parley/core/formats/genius");
      return readGeniusScenario(files, { name: basename(full), source: shown });
    }
    const parley = names.filter((n) => isParleyScenarioFile(join(full, n)));
    if (parley.length === 1) return readAny(join(full, parley[0]), join(shown, parley[0]), maxBytes);
    if (parley.length > 1) {
      throw new InputError(shown, `holds several Parley scenarios (${parley.join(", ")}): name the file`);
    }
    const json = names.filter((n) => extname(n).toLowerCase() === ".json");
    if (json.length > 0) {
      const files = json.map((n) => readText(join(full, n), n, maxBytes));
      const { readGeniusWebScenario } = await import("@parley/core/formats/geniusweb");
      return readGeniusWebScenario(files, { source: shown }); // named by its domain
    }
    throw new InputError(
      shown,
      "holds no scenario: expected a GENIUS folder (.xml files) or a GeniusWeb folder (.json files)",
    );
  }
  const ext = extname(full).toLowerCase();
  if (ext === ".json" || ext === ".yaml" || ext === ".yml") {
    const file = readText(full, shown, maxBytes);
    if (ext === ".json") {
      const geniusWeb = await import("@parley/core/formats/geniusweb");
      const kind = geniusWebKind(file.text, geniusWeb.isGeniusWebJson);
      if (kind === "domain") return readAny(dirname(full), dirname(shown), maxBytes);
      if (kind === "profile") return geniusWeb.readGeniusWebScenario([file], { source: shown });
    }
    const { readParleyScenario } = await import("@parley/core/formats/parley");
    return { scenario: readParleyScenario(file.text, shown), warnings: [] };
  }
  if (ext === ".xml")
    throw new InputError(shown, "is one GENIUS file; give the folder that holds the domain and its profiles");
  throw new InputError(
    shown,
    "is not a scenario Parley reads (a GENIUS or GeniusWeb folder, or a .json/.yaml/.yml file)",
  );
}

/** A .yaml/.yml file whose first key is `parley:` (the format version): a Parley scenario. */
function isParleyScenarioFile(full: string): boolean {
  const ext = extname(full).toLowerCase();
  if (ext !== ".yaml" && ext !== ".yml") return false;
  const head = Buffer.alloc(4096);
  const fd = openSync(full, "r");
  try {
    const n = readSync(fd, head, 0, head.length, 0);
    return /^parley:/m.test(head.subarray(0, n).toString("utf8"));
  } finally {
    closeSync(fd);
  }
}

/** Whether JSON text is a GeniusWeb domain or profile (anything else is left to the Parley reader). */
function geniusWebKind(
  text: string,
  isGeniusWebJson: (raw: unknown) => boolean,
): "domain" | "profile" | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isGeniusWebJson(raw)) return null;
  return typeof raw === "object" && raw !== null && "issuesValues" in raw ? "domain" : "profile";
}

function statOrFail(full: string, shown: string) {
  try {
    return statSync(full);
  } catch {
    throw new InputError(shown, "does not exist");
  }
}

/** Reads a text file after checking its size, so an oversize file is refused before parsing. */
export function readText(full: string, shown: string, maxBytes: number): TextFile {
  const size = statOrFail(full, shown).size;
  if (size > maxBytes) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    throw new InputError(
      shown,
      `is ${mb(size)}, over the ${mb(maxBytes)} limit (raise it with --max-file-mb)`,
    );
  }
  try {
    return { name: shown, text: readFileSync(full, "utf8") };
  } catch (err) {
    throw new InputError(shown, `cannot be read (${(err as NodeJS.ErrnoException).code ?? "error"})`);
  }
}

/** Applies `--parties 1,3` (1-based, in file-name order). */
export async function pickParties(scenario: Scenario, list: string): Promise<Scenario> {
  const items = list.split(",").map((s) => s.trim());
  const positions = items.map((s) => {
    if (!/^\d+$/.test(s) || Number(s) < 1)
      throw new InputError("--parties", `"${s}" is not a party number (1-based, e.g. --parties 1,3)`);
    return Number(s) - 1;
  });
  if (new Set(positions).size !== positions.length) throw new InputError("--parties", "lists a party twice");
  const { selectParties } = await import("@parley/core/engine");
  try {
    return selectParties(scenario, positions);
  } catch (err) {
    if (err instanceof RangeError) throw new InputError("--parties", err.message);
    throw err;
  }
}

/** Adds the options every scenario-reading command shares: `--parties` and `--max-file-mb`. */
export function scenarioOptions(cmd: Command): Command {
  return cmd
    .option("--parties <list>", "parties to seat, 1-based in file-name order (e.g. 1,3); default all")
    .addOption(
      new Option("--max-file-mb <n>", "refuse scenario files larger than this many megabytes")
        .default(DEFAULT_MAX_FILE_MB)
        .argParser(parseMegabytes),
    );
}

/** Load options from a command's parsed `--parties` / `--max-file-mb` (and `--quorum` / `--veto` where declared). */
export function loadOptionsFrom(opts: { parties?: string; maxFileMb?: number } & RuleOverride): LoadOptions {
  return {
    parties: opts.parties,
    maxBytes: (opts.maxFileMb ?? DEFAULT_MAX_FILE_MB) * 1024 * 1024,
    rule: { quorum: opts.quorum, veto: opts.veto },
  };
}

function parseMegabytes(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0)
    throw new InputError("--max-file-mb", `"${value}" is not a positive number`);
  return n;
}
