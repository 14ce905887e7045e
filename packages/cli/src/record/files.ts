import { existsSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import type { Scenario } from "@parley/core/engine";
import { InputError } from "@parley/core/errors";
import { type NegotiationRecord, readScenarioRecord } from "@parley/core/record";
import { readText } from "../scenario-loader.js";

/** Names a record may have beside its scenario, tried in this order. */
const RECORD_NAMES = ["record.yaml", "record.yml", "record.json"];

/**
 * The record file of a scenario: `explicit` when given, else `record.yaml`
 * (or .yml/.json) in the scenario's folder (the folder itself for a folder scenario).
 */
export function recordPathFor(scenarioPath: string, explicit?: string): string {
  if (explicit !== undefined) return explicit;
  const full = resolve(scenarioPath);
  const folder = existsSync(full) && statSync(full).isDirectory() ? full : dirname(full);
  const found = RECORD_NAMES.map((n) => join(folder, n)).find((p) => existsSync(p));
  if (found === undefined) {
    const shown = relative(process.cwd(), join(folder, RECORD_NAMES[0])) || RECORD_NAMES[0];
    throw new InputError(shown, "does not exist: put the record there, or name it with --record <file>");
  }
  return relative(process.cwd(), found) || found;
}

/** Reads the record file at `path` and checks it against its scenario. */
export function loadRecord(path: string, scenario: Scenario, maxBytes: number): NegotiationRecord {
  return readScenarioRecord(readText(resolve(path), path, maxBytes).text, path, scenario);
}
