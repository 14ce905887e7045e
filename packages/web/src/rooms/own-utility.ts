import { compileParties, readParleyScenario, type UtilityFunction } from "@parley/core";
import type { RoomView, Values } from "./types";

/**
 * The seat's own utility function, compiled in the browser from the issues and the one profile the
 * server sends this seat, so the offer builder shows the utility of each change at once.
 */
export function ownUtility(
  room: Pick<RoomView, "profile" | "scenario">,
): { utility: (values: Values) => number; fn: UtilityFunction } | null {
  if (!room.profile) return null;
  const doc = { parley: 1, name: room.scenario.name, issues: room.scenario.issues, parties: [room.profile] };
  const scenario = readParleyScenario(JSON.stringify(doc), "room");
  const [fn] = compileParties(scenario);
  return { fn, utility: (values) => fn.utility(scenario.space.fromValues(values)) };
}

/** The options of an issue as the room document lists them. */
export function optionsOf(issue: RoomView["scenario"]["issues"][number]): string[] {
  // Parley JSON lists an option as its value, or as {value, description}.
  if (issue.options) return issue.options.map((o) => (typeof o === "object" ? String(o.value) : String(o)));
  if (issue.min !== undefined && issue.max !== undefined)
    return Array.from({ length: Math.min(issue.max - issue.min + 1, 500) }, (_, k) => String(issue.min! + k));
  return [];
}

/** The value as the move expects it: numbers for integer issues. */
export function valueFor(issue: RoomView["scenario"]["issues"][number], text: string): string | number {
  return issue.options ? text : Number(text);
}
