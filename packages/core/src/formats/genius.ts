import { InputError } from "../errors.js";
import type { Party, Scenario } from "../model/scenario.js";
import { OutcomeSpace } from "../model/space.js";
import { byName, fileStem } from "./file-names.js";
import { readGeniusIssues, utilitySpaceOf } from "./genius-issues.js";
import { isGeniusProfile, readGeniusProfile } from "./genius-profile.js";
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
}

/**
 * Reads a GENIUS scenario: one domain file and one profile per party, told
 * apart by content. Parties follow file-name order; a party is named after its
 * file (without `.xml`). Files that are not XML at all (e.g. the `pareto.xml`
 * point lists of ANAC 2014) are skipped with a warning.
 */
export function readGeniusScenario(files: readonly TextFile[], options: GeniusReadOptions = {}): ReadResult {
  const warnings: string[] = [];
  const parsed: { file: TextFile; roots: XmlElement[] }[] = [];
  for (const file of byName(files)) {
    if (!file.text.trimStart().startsWith("<")) {
      // ANAC 2014 folders hold a pareto.xml of "u1, u2" lines: reference data, not part of the scenario.
      if (!isParetoList(file.text)) warnings.push(`${file.name}: not XML, ignored`);
      continue;
    }
    parsed.push({ file, roots: parseXml(file.text, file.name) });
  }
  const domains = parsed.filter((p) => !isGeniusProfile(p.roots));
  const profiles = parsed.filter((p) => isGeniusProfile(p.roots));
  if (domains.length !== 1) {
    const names = domains.map((d) => d.file.name).join(", ");
    throw new InputError(
      files.map((f) => f.name).join(", ") || "(no files)",
      domains.length === 0
        ? "no domain file among them (a domain lists issues without weights or evaluations)"
        : `more than one domain file: ${names}`,
    );
  }
  const domain = domains[0];
  if (profiles.length === 0) throw new InputError(domain.file.name, "has no profile beside it (no party)");
  const issues = readGeniusIssues(utilitySpaceOf(domain.roots, domain.file.name), domain.file.name);
  const space = new OutcomeSpace(issues.map((g) => g.issue));
  const parties: Party[] = profiles.map((p) => ({
    name: fileStem(p.file.name, ".xml"),
    profile: readGeniusProfile(p.roots, issues, p.file.name, warnings),
  }));
  const scenario: Scenario = { name: options.name ?? fileStem(domain.file.name, ".xml"), space, parties };
  if (options.source !== undefined) scenario.source = options.source;
  return { scenario, warnings };
}

/** A file name without its directory and `.xml` extension. */
