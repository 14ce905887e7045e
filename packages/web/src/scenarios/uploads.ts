import { type Scenario, writeParleyScenario } from "@parley/core";

/** Uploaded scenarios live in this tab's session storage as Parley JSON, under "upload:<name>". */
const PREFIX = "parley.upload.";
export const UPLOAD = "upload:";

export function saveUpload(scenario: Scenario): string {
  const key = `${UPLOAD}${scenario.name}`;
  sessionStorage.setItem(PREFIX + key, writeParleyScenario(scenario, "json"));
  return key;
}

export function uploadText(key: string): string | null {
  return sessionStorage.getItem(PREFIX + key);
}

export function uploadNames(): string[] {
  const names: string[] = [];
  for (let i = 0; i < sessionStorage.length; i++) {
    const k = sessionStorage.key(i);
    if (k?.startsWith(PREFIX)) names.push(k.slice(PREFIX.length));
  }
  return names.sort();
}

export function removeUpload(key: string): void {
  sessionStorage.removeItem(PREFIX + key);
}
