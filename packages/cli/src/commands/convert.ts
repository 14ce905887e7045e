import { existsSync, readdirSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import type { Scenario, WriteResult } from "@parley/core";
import { InputError } from "@parley/core/errors";
import { checkWritable, makeFolder, writeOutput } from "../files.js";
import { loadOptionsFrom, loadScenario } from "../scenario-loader.js";
import type { ConvertTarget as Target } from "./index.js";

export interface ConvertOptions {
  to?: Target;
  parties?: string;
  maxFileMb?: number;
}

/** `parley convert <in> <out>` (declared in commands/index.ts). */
export async function convert(input: string, out: string, opts: ConvertOptions): Promise<void> {
  const target = opts.to ?? targetOf(out);
  if (target === "json" || target === "yaml") checkWritable(out, "<out>");
  const scenario = await loadScenario(input, loadOptionsFrom(opts));
  const result = await write(scenario, target);
  for (const w of result.warnings) process.stderr.write(`parley: warning: ${w}\n`);
  if (target === "json" || target === "yaml") {
    writeOutput(out, result.files[0].text);
    process.stdout.write(`wrote ${out} (Parley ${target.toUpperCase()})\n`);
    return;
  }
  prepareFolder(out);
  for (const f of result.files) writeOutput(join(out, f.name), f.text);
  const kind = target === "genius" ? "GENIUS XML" : "GeniusWeb JSON";
  process.stdout.write(
    `wrote ${result.files.length} files to ${out} (${kind}: ${result.files.map((f) => f.name).join(", ")})\n`,
  );
}

/** The format a path asks for: Parley for .json/.yaml/.yml files, else a GENIUS folder. */
function targetOf(out: string): Target {
  const ext = extname(out).toLowerCase();
  if (ext === ".json") return "json";
  if (ext === ".yaml" || ext === ".yml") return "yaml";
  return "genius";
}

/** Loads only the writer of the target format (Parley JSON: neither the schemas nor a YAML library). */
async function write(scenario: Scenario, target: Target): Promise<WriteResult> {
  switch (target) {
    case "genius":
      return (await import("@parley/core/formats/genius-write")).writeGeniusScenario(scenario);
    case "geniusweb":
      return (await import("@parley/core/formats/geniusweb-write")).writeGeniusWebScenario(scenario);
    case "json": {
      const { writeParleyJson } = await import("@parley/core/formats/parley-document");
      return { files: [{ name: scenario.name, text: writeParleyJson(scenario) }], warnings: [] };
    }
    case "yaml": {
      const { writeParleyScenario } = await import("@parley/core/formats/parley");
      return { files: [{ name: scenario.name, text: writeParleyScenario(scenario, "yaml") }], warnings: [] };
    }
  }
}

/** Creates the output folder; an existing non-empty one is refused so stale profiles cannot mix in. */
function prepareFolder(out: string): void {
  if (existsSync(out)) {
    if (!statSync(out).isDirectory())
      throw new InputError(out, "exists and is a file; a folder is needed here");
    if (readdirSync(out).length > 0)
      throw new InputError(out, "exists and is not empty; choose a new folder");
  }
  makeFolder(out);
}
