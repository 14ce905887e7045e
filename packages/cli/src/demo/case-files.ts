import { existsSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import {
  checkRecordAgainst,
  InputError,
  type NegotiationRecord,
  readRecord,
  type Scenario,
  withLocation,
} from "@parley/core";
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

/** Reads a record and checks it against its scenario; errors name the file and field. */
export function loadRecord(path: string, scenario: Scenario, maxBytes: number): NegotiationRecord {
  const file = readText(resolve(path), path, maxBytes);
  const record = readRecord(file.text, path);
  checkRecordAgainst(record, scenario, path);
  return record;
}

/**
 * A draft of some points: one JSON object {point: option}. Points left out are
 * open (null); every named point and option must exist in the scenario.
 */
export function readPartialDraft(scenario: Scenario, text: string, file: string): (number | null)[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new InputError(file, `is not valid JSON (${(err as Error).message})`);
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    throw new InputError(file, 'must be one JSON object like {"point": "option", ...}');
  const { space } = scenario;
  const settled: (number | null)[] = space.issues.map(() => null);
  for (const [name, value] of Object.entries(raw)) {
    const i = space.issueIndex(name);
    if (i < 0) throw new InputError(`${file}: ${name}`, "is not a point of the plan");
    settled[i] = withLocation(file, () => space.optionOf(i, value));
  }
  return settled;
}
