import { deriveStatus } from "@parley/core/record";
import { loadRecord, recordPathFor } from "../record/files.js";
import { recordJson, statusLines, timelineLines } from "../record/render.js";
import { loadOptionsFrom, loadScenario } from "../scenario-loader.js";
import { lineWidth, wrap } from "../text.js";

export interface RecordOptions {
  record?: string;
  json?: boolean;
  parties?: string;
  maxFileMb?: number;
}

/** `parley record <scenario>` (declared in commands/index.ts). */
export async function showRecord(path: string, opts: RecordOptions): Promise<void> {
  const load = loadOptionsFrom(opts);
  const scenario = await loadScenario(path, load);
  const file = recordPathFor(path, opts.record);
  const record = loadRecord(file, scenario, load.maxBytes ?? Number.POSITIVE_INFINITY);
  const status = deriveStatus(record, scenario);
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(recordJson(record, status), null, 2)}\n`);
    return;
  }
  const width = lineWidth();
  const lines = [
    `${record.title ?? "Record"} (${file}, scenario ${record.scenario})`,
    ...(record.description ? ["", ...wrap(record.description, width)] : []),
    "",
    "Sources:",
    ...record.sources.flatMap((s) => wrap(`[${s.id}] ${s.title}${s.note ? `. ${s.note}` : ""}`, width, "  ")),
    "",
    `Timeline (${record.events.length} events, in the order they happened as far as the sources tell):`,
    ...timelineLines(record, scenario, width, { detail: true }),
    "",
    "Status of each point, derived from the record (a point is open until an event changes it):",
    ...statusLines(status, record),
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}
