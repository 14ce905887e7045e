import {
  type Scenario,
  safeFileStem,
  type TextFile,
  writeGeniusScenario,
  writeGeniusWebScenario,
  writeParleyScenario,
} from "@parley/core";
import { strToU8, zipSync } from "fflate";

export type ExportFormat = "parley-yaml" | "parley-json" | "genius" | "geniusweb";

/** What each format cannot carry (docs/formats.md), said before the person picks one. */
export const FORMATS: { format: ExportFormat; label: string; note: string }[] = [
  {
    format: "parley-yaml",
    label: "Parley YAML",
    note: "Keeps everything; the easiest to read and edit by hand.",
  },
  { format: "parley-json", label: "Parley JSON", note: "Keeps everything; the form programs read." },
  {
    format: "genius",
    label: "GENIUS XML (zip)",
    note: "A folder of XML files: the domain and one profile per party. Loses red lines and the agreement rule.",
  },
  {
    format: "geniusweb",
    label: "GeniusWeb JSON (zip)",
    note: "A domain and one profile per party. The reservation value becomes the package closest to it; red lines, discount and the agreement rule are lost.",
  },
];

/** One file to download, and what the format dropped. */
export interface Download {
  name: string;
  type: string;
  bytes: Uint8Array;
  warnings: string[];
}

/** The scenario in `format`, written by the core's own writers; a folder format comes as one zip. */
export function exportScenario(scenario: Scenario, format: ExportFormat): Download {
  const stem = safeFileStem(scenario.name);
  switch (format) {
    case "parley-yaml":
      return file(`${stem}.yaml`, "application/yaml", writeParleyScenario(scenario, "yaml"));
    case "parley-json":
      return file(`${stem}.json`, "application/json", writeParleyScenario(scenario, "json"));
    case "genius": {
      const { files, warnings } = writeGeniusScenario(scenario);
      return { ...zip(`${stem}-genius`, files), warnings };
    }
    case "geniusweb": {
      const { files, warnings } = writeGeniusWebScenario(scenario);
      return { ...zip(`${stem}-geniusweb`, files), warnings };
    }
  }
}

const file = (name: string, type: string, text: string): Download => ({
  name,
  type,
  bytes: strToU8(text),
  warnings: [],
});

/** A zip holding one folder, as `parley convert` would write it. */
function zip(folder: string, files: readonly TextFile[]): Omit<Download, "warnings"> {
  const entries = Object.fromEntries(files.map((f) => [`${folder}/${f.name}`, strToU8(f.text)]));
  return { name: `${folder}.zip`, type: "application/zip", bytes: zipSync(entries) };
}

/** Hands the file to the browser as a download. */
export function saveDownload(d: Download): void {
  const url = URL.createObjectURL(new Blob([d.bytes as BlobPart], { type: d.type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = d.name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
