import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import type { ReadResult, Scenario, TextFile } from "@parley/core";
import { InputError } from "@parley/core/errors";
import { type Command, Option } from "commander";

export const DEFAULT_MAX_FILE_MB = 50;

export interface LoadOptions {
  /** 1-based party positions in file-name order, e.g. "1,3"; all parties when absent. */
  parties?: string;
  /** Files larger than this are refused before they are read (default 50 MB). */
  maxBytes?: number;
  /** Where warnings go (default: stderr). */
  onWarning?: (message: string) => void;
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
 * The core tells the formats apart (formats/scenario-files.ts); files are read only when it asks.
 */
export async function loadScenario(path: string, options: LoadOptions = {}): Promise<Scenario> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FILE_MB * 1024 * 1024;
  const warn = options.onWarning ?? ((m: string) => process.stderr.write(`parley: warning: ${m}\n`));
  const full = resolve(path);
  const result = await readAny(full, path, maxBytes);
  for (const w of result.warnings) warn(w);
  return options.parties === undefined ? result.scenario : pickParties(result.scenario, options.parties);
}

async function readAny(full: string, shown: string, maxBytes: number): Promise<ReadResult> {
  const { readScenarioFile, readScenarioFolder, geniusWebKind } = await import(
    "@parley/core/formats/scenario-files"
  );
  if (statOrFail(full, shown).isDirectory()) {
    const files = readdirSync(full)
      .sort()
      .map((n) => lazyText(join(full, n), n, maxBytes));
    return readScenarioFolder(files, { name: basename(full), source: shown });
  }
  const file = lazyText(full, shown, maxBytes);
  if (extname(full).toLowerCase() === ".json" && geniusWebKind(file.text) === "domain")
    return readAny(dirname(full), dirname(shown), maxBytes);
  return readScenarioFile(file);
}

/** A file whose text is read (and its size checked) the first time a reader asks for it. */
function lazyText(full: string, shown: string, maxBytes: number): TextFile {
  let text: string | undefined;
  return {
    name: shown,
    get text() {
      text ??= readText(full, shown, maxBytes).text;
      return text;
    },
  };
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

/** Load options from a command's parsed `--parties` / `--max-file-mb`. */
export function loadOptionsFrom(opts: { parties?: string; maxFileMb?: number }): LoadOptions {
  return { parties: opts.parties, maxBytes: (opts.maxFileMb ?? DEFAULT_MAX_FILE_MB) * 1024 * 1024 };
}

function parseMegabytes(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0)
    throw new InputError("--max-file-mb", `"${value}" is not a positive number`);
  return n;
}
