import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { readPartialDraft, type Scenario } from "@parley/core";
import { loadScenario } from "../../packages/cli/src/scenario-loader.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const CASE_DIR = `${ROOT}scenarios/peace-plan`;
export const PLAN = `${CASE_DIR}/plan.yaml`;

/** The bundled peace plan and its draft (settled option per point, null where open). */
export async function loadCase(): Promise<{ scenario: Scenario; draft: (number | null)[] }> {
  const scenario = await loadScenario(PLAN);
  const file = `${CASE_DIR}/draft.json`;
  return { scenario, draft: readPartialDraft(scenario, readFileSync(file, "utf8"), file) };
}
