import {
  InputError,
  isGeniusWebJson,
  type ReadResult,
  readGeniusScenario,
  readGeniusWebScenario,
  readParleyScenario,
  type TextFile,
} from "@parley/core";

/** The same limit the CLI applies to a scenario file before reading it. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

const extension = (name: string) => name.slice(name.lastIndexOf(".")).toLowerCase();

/**
 * Reads a scenario from files a person picked, telling the format apart as `parley` does for a
 * path: GENIUS XML files (a domain and one profile per party), GeniusWeb JSON files, or one
 * Parley YAML/JSON file. Errors are the core readers' own, naming the file and the field.
 */
export function readScenarioFiles(files: readonly TextFile[], folder?: string): ReadResult {
  if (files.length === 0) throw new InputError("(no files)", "choose a scenario file or a GENIUS folder");
  const xml = files.filter((f) => extension(f.name) === ".xml");
  if (xml.length > 0) {
    if (xml.length === 1 && files.length === 1)
      throw new InputError(
        files[0].name,
        "is one GENIUS file; choose the folder (or all the files) that holds the domain and its profiles",
      );
    return readGeniusScenario(xml, { name: folder, source: folder ?? "upload" });
  }
  const parley = files.filter((f) => [".yaml", ".yml"].includes(extension(f.name)));
  const json = files.filter((f) => extension(f.name) === ".json");
  if (json.length > 0 && json.some((f) => isGeniusWebText(f.text)))
    return readGeniusWebScenario(json, { source: folder ?? "upload" });
  const candidates = [...parley, ...json];
  if (candidates.length === 1)
    return { scenario: readParleyScenario(candidates[0].text, candidates[0].name), warnings: [] };
  if (candidates.length > 1)
    throw new InputError(
      folder ?? "upload",
      `holds several Parley scenarios (${candidates.map((f) => f.name).join(", ")}): choose one file`,
    );
  throw new InputError(
    files.map((f) => f.name).join(", "),
    "is not a scenario Parley reads (a GENIUS or GeniusWeb folder, or a .json/.yaml/.yml file)",
  );
}

function isGeniusWebText(text: string): boolean {
  try {
    return isGeniusWebJson(JSON.parse(text));
  } catch {
    return false;
  }
}

/** Reads picked browser files as text, refusing oversize ones before reading them. */
export async function textFilesOf(files: readonly File[]): Promise<{ files: TextFile[]; folder?: string }> {
  // A folder pick names each file "Folder/file.xml": the folder names the scenario.
  const folder = files.map((f) => (f.webkitRelativePath ?? "").split("/")[0]).find((part) => part);
  const out: TextFile[] = [];
  for (const f of files) {
    if (f.size > MAX_FILE_BYTES)
      throw new InputError(f.name, `is ${(f.size / 1024 / 1024).toFixed(1)} MB, over the 50.0 MB limit`);
    out.push({ name: f.name, text: await f.text() });
  }
  return { files: out, folder: folder || undefined };
}
