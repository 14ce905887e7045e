import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import type { ReadResult, Scenario, TextFile } from "@parley/core";
import { InputError } from "@parley/core/errors";
import { type Command, Option } from "commander";
import { fileSystemError } from "./files.js";
import { applyRuleOverride, type RuleOverride } from "./rule-options.js";
import { reportWarnings } from "./warnings.js";

export const DEFAULT_MAX_FILE_MB = 50;

export interface LoadOptions {
  /** 1-based party positions in file-name order, e.g. "1,3"; all parties when absent. */
  parties?: string;
  /** Files larger than this are refused before they are read (default 50 MB). */
  maxBytes?: number;
  /** Where warnings go (default: stderr, once per message per command, summarised past a few). */
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
 * The core tells the formats apart (formats/scenario-files.ts); files are read only when it asks.
 */
export async function loadScenario(path: string, options: LoadOptions = {}): Promise<Scenario> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FILE_MB * 1024 * 1024;
  const positions = options.parties === undefined ? undefined : partyPositions(options.parties);
  const { result, seated } = await asPartiesError(() => readAny(resolve(path), path, maxBytes, positions));
  reportWarnings(resolve(path), result.warnings, options.onWarning);
  const scenario =
    positions === undefined || seated
      ? result.scenario
      : await import("@parley/core/engine").then(({ selectParties }) =>
          asPartiesError(() => selectParties(result.scenario, positions)),
        );
  return options.rule === undefined ? scenario : applyRuleOverride(scenario, options.rule);
}

/** What was read, and whether the reader already seated only the `--parties` asked for. */
interface Loaded {
  result: ReadResult;
  seated: boolean;
}

async function readAny(
  full: string,
  shown: string,
  maxBytes: number,
  parties: readonly number[] | undefined,
): Promise<Loaded> {
  const { readScenarioFile, readScenarioFolder, geniusWebKind } = await import(
    "@parley/core/formats/scenario-files"
  );
  if (statOrFail(full, shown).isDirectory()) {
    const files = readdirSync(full)
      .sort()
      .map((n) => lazyText(join(full, n), n, maxBytes));
    const { seated, ...result } = await readScenarioFolder(files, {
      name: basename(full),
      source: shown,
      parties,
    });
    return { result, seated };
  }
  const file = lazyText(full, shown, maxBytes);
  if (extname(full).toLowerCase() === ".json" && geniusWebKind(file.text) === "domain")
    return readAny(dirname(full), dirname(shown), maxBytes, parties);
  return { result: await readScenarioFile(file), seated: false };
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
    throw fileSystemError(err, shown) ?? err;
  }
}

/** `--parties 1,3` (1-based, in file-name order) → 0-based positions. */
export function partyPositions(list: string): number[] {
  const positions = list.split(",").map((item) => {
    const s = item.trim();
    if (!/^\d+$/.test(s) || Number(s) < 1)
      throw new InputError("--parties", `"${s}" is not a party number (1-based, e.g. --parties 1,3)`);
    return Number(s) - 1;
  });
  if (new Set(positions).size !== positions.length) throw new InputError("--parties", "lists a party twice");
  return positions;
}

/** A party number the scenario lacks (a RangeError from the reader or selectParties) is a --parties error. */
async function asPartiesError<T>(fn: () => T | Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof RangeError && err.message.startsWith("there is no party"))
      throw new InputError("--parties", err.message);
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
