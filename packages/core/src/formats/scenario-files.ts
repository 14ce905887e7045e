import { InputError } from "../errors.js";
import type { ReadResult, TextFile } from "./genius.js";

/**
 * Reading a scenario from files whatever their format, told apart as the `parley` command does for a
 * folder or a file, so that a browser upload (a list of names and texts) reads the same. Only the
 * reader of the format found is loaded: GENIUS XML needs no schemas, a Parley file no XML parser.
 * A file's `text` is read only when its format needs it (a getter may load it lazily).
 */

const extensionOf = (name: string) => {
  const base = name.slice(Math.max(name.lastIndexOf("/"), name.lastIndexOf("\\")) + 1);
  const dot = base.lastIndexOf(".");
  return dot <= 0 ? "" : base.slice(dot).toLowerCase();
};

/** True when parsed JSON looks like a GeniusWeb domain or profile. */
export function isGeniusWebJson(raw: unknown): boolean {
  return (
    typeof raw === "object" && raw !== null && ("issuesValues" in raw || "LinearAdditiveUtilitySpace" in raw)
  );
}

/** Whether JSON text is a GeniusWeb domain or profile (anything else is left to the Parley reader). */
export function geniusWebKind(text: string): "domain" | "profile" | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isGeniusWebJson(raw)) return null;
  return typeof raw === "object" && raw !== null && "issuesValues" in raw ? "domain" : "profile";
}

/** A .yaml/.yml file whose first key is `parley:` (the format version) is a Parley scenario. */
function isParleyScenarioFile(file: TextFile): boolean {
  const ext = extensionOf(file.name);
  return (ext === ".yaml" || ext === ".yml") && /^parley:/m.test(file.text.slice(0, 4096));
}

/**
 * The scenario in a folder's files: a GENIUS folder (its .xml files), a folder holding one Parley
 * .yaml scenario beside other material (a record, a draft, a README), or a GeniusWeb folder (its
 * .json files). `source` names the folder in errors; `name` is the scenario's default name.
 * `parties` (0-based, in file-name order) seats only those profiles of a GENIUS folder, so one left
 * out may be unreadable; `seated` says whether the reader applied it.
 */
export async function readScenarioFolder(
  files: readonly TextFile[],
  options: { name: string; source: string; parties?: readonly number[] },
): Promise<ReadResult & { seated: boolean }> {
  const { name, source, parties } = options;
  const byExtension = (...exts: string[]) => files.filter((f) => exts.includes(extensionOf(f.name)));
  const xml = byExtension(".xml");
  if (xml.length > 0) {
    const { readGeniusScenario } = await import("./genius.js");
    return { ...readGeniusScenario(xml, { name, source, parties }), seated: true };
  }
  const parley = byExtension(".yaml", ".yml").filter(isParleyScenarioFile);
  if (parley.length === 1) {
    const [file] = parley;
    const result = await readScenarioFile({
      name: `${source.replace(/[\\/]+$/, "")}/${file.name}`,
      text: file.text,
    });
    return { ...result, seated: false };
  }
  if (parley.length > 1) {
    const names = parley.map((f) => f.name).join(", ");
    throw new InputError(source, `holds several Parley scenarios (${names}): name the file`);
  }
  const json = byExtension(".json");
  if (json.length > 0) {
    const { readGeniusWebScenario } = await import("./geniusweb.js");
    return { ...readGeniusWebScenario(json, { source }), seated: false }; // named by its domain
  }
  throw new InputError(
    source,
    "holds no scenario: expected a GENIUS folder (.xml files) or a GeniusWeb folder (.json files)",
  );
}

/**
 * The scenario in one file, named in errors by `file.name`: a Parley .json/.yaml/.yml file, or a
 * GeniusWeb profile (a one-party scenario on the domain it embeds). A GeniusWeb domain file stands
 * for its folder: `geniusWebKind` tells the caller to read the folder instead.
 */
export async function readScenarioFile(file: TextFile): Promise<ReadResult> {
  const ext = extensionOf(file.name);
  if (ext === ".json" || ext === ".yaml" || ext === ".yml") {
    if (ext === ".json" && geniusWebKind(file.text) !== null) {
      const { readGeniusWebScenario } = await import("./geniusweb.js");
      return readGeniusWebScenario([file], { source: file.name });
    }
    const { readParleyScenario } = await import("./parley.js");
    return { scenario: readParleyScenario(file.text, file.name), warnings: [] };
  }
  if (ext === ".xml")
    throw new InputError(
      file.name,
      "is one GENIUS file; give the folder that holds the domain and its profiles",
    );
  throw new InputError(
    file.name,
    "is not a scenario Parley reads (a GENIUS or GeniusWeb folder, or a .json/.yaml/.yml file)",
  );
}
