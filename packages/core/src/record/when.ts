import type { EventTime } from "./schema.js";

/**
 * When an event happened, in words, no more precise than the record:
 * "Thursday, just after midnight (weekday only, no date)" or
 * "only hours before #7". `titleOf` names a referenced event (e.g. "#7").
 */
export function describeWhen(when: EventTime, titleOf: (eventId: string) => string): string {
  const ofDay = when.timeOfDay ? `, ${when.timeOfDay}` : "";
  switch (when.precision) {
    case "datetime":
      return `${when.date} ${when.time}`;
    case "date":
      return `${when.date}${ofDay}`;
    case "weekday":
      return `${when.weekday}${ofDay} (weekday only, no date)`;
    case "relative": {
      const gap = when.gap ? `${when.gap} ` : "";
      const other = titleOf(when.relativeTo ?? "");
      const placed =
        when.relation === "same day" ? `the same day as ${other}` : `${gap}${when.relation} ${other}`;
      return `${placed}${ofDay}`;
    }
    case "unknown":
      return when.timeOfDay ? `${when.timeOfDay} (day not reported)` : "time not reported";
  }
}
