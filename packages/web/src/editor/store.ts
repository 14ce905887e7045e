import { type Draft, upgradeDraft } from "./draft";

/**
 * The draft being edited lives in this tab's session storage, by the key of the scenario it
 * started from ("new" for the starter), so a reload or the back button finds it as it was.
 * Saving puts a valid draft in the uploads (scenarios/uploads.ts), where the other pages find it.
 */
const PREFIX = "parley.editor.";

/** The address of a draft that starts from the two-party starter. */
export const NEW_DRAFT = "new";

export function loadDraft(key: string): Draft | null {
  const text = sessionStorage.getItem(PREFIX + key);
  return text === null ? null : upgradeDraft(JSON.parse(text) as Draft);
}

export function storeDraft(key: string, draft: Draft): void {
  sessionStorage.setItem(PREFIX + key, JSON.stringify(draft));
}

export function forgetDraft(key: string): void {
  sessionStorage.removeItem(PREFIX + key);
}

export const editorPath = (key: string) => `/editor/${encodeURIComponent(key)}`;
export const elicitPath = (key: string, party: number) => `${editorPath(key)}/elicit/${party + 1}`;
