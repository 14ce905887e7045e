import { InputError } from "../errors.js";
import type { Party, Scenario } from "../model/scenario.js";
import { byName, fileStem } from "./file-names.js";
import { readGeniusIssues, utilitySpaceOf } from "./genius-issues.js";
import { isGeniusProfile, readGeniusProfile } from "./genius-profile.js";
import { checkedSpace } from "./space-limits.js";
import { parseXml, type XmlElement } from "./xml.js";

const PARETO_LINE = /^[-+\d.eE]+\s*,\s*[-+\d.eE]+$/;

/** True for text made only of "u1, u2" lines (ANAC 2014 pareto.xml). */
function isParetoList(text: string): boolean {
  return text.split("\n").every((line) => line.trim() === "" || PARETO_LINE.test(line.trim()));
}

/** A file handed to a reader: its name (for errors and party names) and its text. */
export interface TextFile {
  name: string;
  text: string;
}

/** What a reader produced, with what it noticed but accepted (e.g. weights not summing to 1). */
export interface ReadResult {
  scenario: Scenario;
  warnings: string[];
}

export interface GeniusReadOptions {
  /** Scenario name; defaults to the domain file's stem. */
  name?: string;
  /** Where it came from (a path, a competition). */
  source?: string;
  /**
   * The parties to seat: 0-based positions among the profile files in
   * file-name order (a file that cannot be read counts as a profile). Only
   * these profiles are read, in this order; a file that cannot be read is an
   * error only when it is seated. Default: all.
   */
  parties?: readonly number[];
}

/** A file of the folder, parsed, or the error that says why it cannot be. */
type Entry = { file: TextFile; roots: XmlElement[] } | { file: TextFile; error: InputError };

/**
 * Reads a GENIUS scenario: one domain file and one profile per party, told
 * apart by content. Parties follow file-name order; a party is named after its
 * file (without `.xml`). A file that is not a GENIUS domain or profile is an
 * error naming it (a profile that cannot be read is not silently dropped),
 * except the `pareto.xml` point lists of ANAC 2014, which are skipped.
 */
export function readGeniusScenario(files: readonly TextFile[], options: GeniusReadOptions = {}): ReadResult {
  const warnings: string[] = [];
  const entries: Entry[] = [];
  for (const file of byName(files)) {
    const entry = parseEntry(file);
    if (entry) entries.push(entry);
  }
  const domains = entries.filter((e) => "roots" in e && !isGeniusProfile(e.roots));
  const broken = entries.filter((e) => "error" in e);
  if (domains.length === 0 && broken.length > 0) throw broken[0].error; // most likely the domain itself
  if (domains.length !== 1) {
    const names = domains.map((d) => d.file.name).join(", ");
    throw new InputError(
      files.map((f) => f.name).join(", ") || "(no files)",
      domains.length === 0
        ? "no domain file among them (a domain lists issues without weights or evaluations)"
        : `more than one domain file: ${names}`,
    );
  }
  const domain = domains[0] as { file: TextFile; roots: XmlElement[] };
  const profiles = entries.filter((e) => e !== domain);
  if (profiles.length === 0) throw new InputError(domain.file.name, "has no profile beside it (no party)");
  const seated = options.parties ?? profiles.map((_, k) => k);
  for (const k of seated) {
    if (!Number.isInteger(k) || k < 0 || k >= profiles.length)
      throw new RangeError(`there is no party ${k + 1} (the scenario has ${profiles.length})`);
  }
  const issues = readGeniusIssues(utilitySpaceOf(domain.roots, domain.file.name), domain.file.name);
  const space = checkedSpace(
    issues.map((g) => g.issue),
    domain.file.name,
    (i) => `${domain.file.name}: issue[index=${issues[i].index}]`,
  );
  const parties: Party[] = seated.map((k) => {
    const p = profiles[k];
    if ("error" in p) throw p.error;
    return {
      name: fileStem(p.file.name, ".xml"),
      profile: readGeniusProfile(p.roots, issues, p.file.name, warnings),
    };
  });
  const scenario: Scenario = { name: options.name ?? fileStem(domain.file.name, ".xml"), space, parties };
  if (options.source !== undefined) scenario.source = options.source;
  return { scenario, warnings };
}

/** Parses one file of a GENIUS folder; undefined for an ANAC 2014 pareto list, which is not part of it. */
function parseEntry(file: TextFile): Entry | undefined {
  const head = file.text.trimStart();
  if (!head.startsWith("<")) {
    if (isParetoList(file.text)) return undefined;
    const start = JSON.stringify(head.split("\n")[0].trimEnd().slice(0, 30));
    const error = new InputError(
      file.name,
      `is not XML (it starts with ${start}): not a GENIUS domain or profile`,
    );
    return { file, error };
  }
  try {
    const roots = parseXml(file.text, file.name);
    utilitySpaceOf(roots, file.name);
    return { file, roots };
  } catch (err) {
    if (err instanceof InputError) return { file, error: err };
    throw err;
  }
}
