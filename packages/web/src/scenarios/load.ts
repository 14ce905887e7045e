import {
  deriveStatus,
  type NegotiationRecord,
  type PlanStatus,
  readParleyScenario,
  readPartialDraft,
  readRecord,
  type Scenario,
  writeParleyScenario,
} from "@parley/core";
import { useQuery } from "@tanstack/react-query";
import { scenarioDocument } from "../api";
import { UPLOAD, uploadText } from "./uploads";

export const PEACE_PLAN = "peace-plan";

/** A scenario ready for the pages: the model, its Parley JSON (for the worker), and its case files. */
export interface LoadedScenario {
  key: string;
  scenario: Scenario;
  /** Parley JSON: the form that crosses to the analysis worker and to the server. */
  json: string;
  /** The case's draft: settled option per point, null where open. */
  draft?: (number | null)[];
  record?: NegotiationRecord;
  status?: PlanStatus;
}

export async function loadScenario(key: string): Promise<LoadedScenario> {
  if (key === PEACE_PLAN) {
    const files = await import("./peace-plan-files");
    const scenario = readParleyScenario(files.plan, "scenarios/peace-plan/plan.yaml");
    const record = readRecord(files.record, "scenarios/peace-plan/record.yaml");
    return {
      key,
      scenario,
      json: writeParleyScenario(scenario, "json"),
      draft: readPartialDraft(scenario, files.draft, "scenarios/peace-plan/draft.json"),
      record,
      status: deriveStatus(record, scenario),
    };
  }
  if (key.startsWith(UPLOAD)) {
    const json = uploadText(key);
    if (json === null)
      throw new Error(
        `The uploaded scenario "${key.slice(UPLOAD.length)}" is no longer in this tab: upload it again.`,
      );
    return { key, scenario: readParleyScenario(json, key.slice(UPLOAD.length)), json };
  }
  const doc = await scenarioDocument(key);
  const json = JSON.stringify(doc);
  return { key, scenario: readParleyScenario(json, key), json };
}

export function useScenario(key: string) {
  return useQuery({ queryKey: ["scenario", key], queryFn: () => loadScenario(key), staleTime: Infinity });
}
