import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { InputError, parseSeed, readPartialDraft } from "@parley/core";
import { studyCase } from "../demo/case-study.js";
import { toMarkdown, toTerminal } from "../demo/document.js";
import { caseDance, caseUtilitySpace } from "../demo/plots.js";
import { walkthrough } from "../demo/walkthrough.js";
import { makeFolder, writeOutput } from "../files.js";
import { renderPlot } from "../plot-render.js";
import { loadRecord } from "../record/files.js";
import { DEFAULT_MAX_FILE_MB, loadScenario, readText } from "../scenario-loader.js";
import { lineWidth, styleFor } from "../text.js";

/** The bundled case, found from this module (build/commands/, or its chunk in dist/chunks/) so the demo runs from any directory. */
const CASE_DIR = fileURLToPath(new URL("../../../../scenarios/peace-plan/", import.meta.url));

export interface DemoOptions {
  out: string;
  seed: string;
}

/** `parley demo` (declared in commands/index.ts). */
export async function demo(opts: DemoOptions): Promise<void> {
  const seed = parseSeed(opts.seed);
  if (typeof seed !== "number") throw new InputError("--seed", `"${opts.seed}" is not an integer`);
  const shown = (p: string) => relative(process.cwd(), p) || p;
  const paths = {
    plan: shown(join(CASE_DIR, "plan.yaml")),
    draft: shown(join(CASE_DIR, "draft.json")),
    record: shown(join(CASE_DIR, "record.yaml")),
  };
  makeFolder(opts.out);
  const maxBytes = DEFAULT_MAX_FILE_MB * 1024 * 1024;
  const scenario = await loadScenario(paths.plan);
  const draft = readPartialDraft(
    scenario,
    readText(resolve(paths.draft), paths.draft, maxBytes).text,
    paths.draft,
  );
  const record = loadRecord(paths.record, scenario, maxBytes);
  const study = studyCase({ scenario, draft, record, seed });

  const outputs = {
    report: join(opts.out, "report.md"),
    utilitySpace: join(opts.out, "utility-space.svg"),
    dance: join(opts.out, "dance.svg"),
  };
  await renderPlot(caseUtilitySpace(study), outputs.utilitySpace);
  await renderPlot(caseDance(study), outputs.dance);
  // The report sits beside its images; the terminal names them from here.
  writeOutput(
    outputs.report,
    toMarkdown(walkthrough(study, paths, outputs, { utilitySpace: "utility-space.svg", dance: "dance.svg" })),
  );
  const blocks = walkthrough(study, paths, outputs, outputs);
  process.stdout.write(toTerminal(blocks, lineWidth(), styleFor()));
}
