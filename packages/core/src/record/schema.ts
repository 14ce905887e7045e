import { z } from "zod";

/**
 * The record file, version 1: the append-only event log of a real negotiation,
 * one JSON or YAML file beside the scenario it refers to. Events are listed in
 * the order they are known to have happened; `when` says how precisely.
 */
export const RECORD_FORMAT_VERSION = 1;

const text = z.string().min(1);
const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, "must be lowercase letters, digits and dashes, e.g. davos-meeting");

export const WEEKDAYS = [
  "Monday",
  "Tuesday",
  "Wednesday",
  "Thursday",
  "Friday",
  "Saturday",
  "Sunday",
] as const;

/**
 * When an event happened, as precisely as the source allows and no more.
 * `precision` says which fields carry the information:
 * - `datetime`: `date` and `time`; `date`: `date`;
 * - `weekday`: the source names the weekday but no calendar date;
 * - `relative`: only placed against another event (`relativeTo`, `relation`);
 * - `unknown`: the source does not say.
 */
export const eventTimeSchema = z
  .object({
    precision: z.enum(["datetime", "date", "weekday", "relative", "unknown"]),
    date: z.iso.date().optional().describe("Calendar date, YYYY-MM-DD, only when the source gives one."),
    time: z
      .string()
      .regex(/^\d\d:\d\d$/, "must be HH:MM")
      .optional(),
    weekday: z.enum(WEEKDAYS).optional(),
    timeOfDay: z
      .string()
      .optional()
      .describe('The source\'s words for the time of day, e.g. "just after midnight".'),
    relativeTo: id.optional().describe("The event this one is placed against."),
    relation: z.enum(["before", "after", "same day"]).optional(),
    gap: z.string().optional().describe('How far apart, in the source\'s words, e.g. "hours".'),
    reported: z.string().optional().describe("The source's own words about the time."),
    note: z.string().optional(),
  })
  .strict()
  .superRefine((t, ctx) => {
    const need = (field: keyof typeof t, why: string) => {
      if (t[field] === undefined) ctx.addIssue({ code: "custom", path: [field], message: why });
    };
    const forbid = (field: keyof typeof t, why: string) => {
      if (t[field] !== undefined) ctx.addIssue({ code: "custom", path: [field], message: why });
    };
    if (t.precision === "datetime") {
      need("date", 'is required when precision is "datetime"');
      need("time", 'is required when precision is "datetime"');
    } else {
      forbid("time", 'is only allowed when precision is "datetime"');
    }
    if (t.precision === "date") need("date", 'is required when precision is "date"');
    if (t.precision !== "date" && t.precision !== "datetime")
      forbid(
        "date",
        `would claim more than precision "${t.precision}" says: give a date only when the source does`,
      );
    if (t.precision === "weekday") need("weekday", 'is required when precision is "weekday"');
    if (t.precision === "relative") {
      need("relativeTo", 'is required when precision is "relative"');
      need("relation", 'is required when precision is "relative"');
    }
  });

const sourceSchema = z
  .object({
    id,
    title: text,
    outlet: z.string().optional().describe("Who published it, when known."),
    location: z.string().optional().describe("Where to find it: a URL or a file."),
    note: z.string().optional(),
  })
  .strict();

const personSchema = z
  .object({
    id,
    name: text.describe("As the source spells it."),
    role: z.string().optional(),
    party: z.string().optional().describe("The scenario party this person's side is modelled as."),
    note: z.string().optional(),
  })
  .strict();

const eventBase = {
  id,
  title: text.describe("One line saying what happened."),
  when: eventTimeSchema.default({ precision: "unknown" }),
  source: id.optional().describe("The source (by id) that reports the event."),
  basis: z
    .enum(["reported", "modelled"])
    .default("reported")
    .describe("reported: the source says so; modelled: this record's reading, explained in note."),
  note: z.string().optional(),
};

const meetingSchema = z
  .object({
    ...eventBase,
    type: z.literal("meeting"),
    where: z.string().optional(),
    participants: z.array(id).min(2).describe("People (by id) at the meeting."),
    duration: z
      .object({
        atLeastMinutes: z.number().int().positive().optional(),
        atMostMinutes: z.number().int().positive().optional(),
        reported: text.describe('The source\'s words, e.g. "more than three hours".'),
      })
      .strict()
      .optional(),
    summary: z.string().optional(),
  })
  .strict();

const statementSchema = z
  .object({
    ...eventBase,
    type: z.literal("statement"),
    who: id.describe("The person (by id) who said it."),
    where: z.string().optional(),
    words: text.describe("What was said."),
    quoted: z.boolean().describe("true: `words` are the speaker's own, as quoted; false: a paraphrase."),
    reportedBy: z.string().optional().describe('The outlet the source credits, e.g. "Reuters".'),
    about: z.array(z.string()).default([]).describe("Points of the plan (issue names) it concerns."),
  })
  .strict();

const proposalSchema = z
  .object({
    ...eventBase,
    type: z.literal("proposal"),
    party: text.describe("The scenario party that tables it."),
    terms: z
      .record(z.string(), z.union([z.string(), z.number()]))
      .describe("Point → option; a point left out is open in this draft."),
  })
  .strict();

export const POINT_STATUSES = ["open", "disputed", "settled"] as const;

const statusSchema = z
  .object({
    ...eventBase,
    type: z.literal("status"),
    points: z.array(z.string()).min(1).describe("Points of the plan (issue names) whose status changes."),
    status: z.enum(POINT_STATUSES),
    cause: id.describe("The earlier event that caused the change."),
  })
  .strict();

export const recordEventSchema = z.discriminatedUnion("type", [
  meetingSchema,
  statementSchema,
  proposalSchema,
  statusSchema,
]);

export const recordSchema = z
  .object({
    "parley-record": z.literal(RECORD_FORMAT_VERSION).describe("Format version."),
    scenario: text.describe("The name of the scenario this record belongs to."),
    title: z.string().optional(),
    description: z.string().optional(),
    sources: z.array(sourceSchema).default([]),
    people: z.array(personSchema).default([]),
    events: z.array(recordEventSchema).default([]),
  })
  .strict();

export type RecordDocument = z.input<typeof recordSchema>;
export type NegotiationRecord = z.output<typeof recordSchema>;
export type RecordEvent = z.output<typeof recordEventSchema>;
export type RecordEventInput = z.input<typeof recordEventSchema>;
export type EventTime = z.output<typeof eventTimeSchema>;
export type PointStatus = (typeof POINT_STATUSES)[number];
export type RecordPerson = NegotiationRecord["people"][number];
export type RecordSource = NegotiationRecord["sources"][number];

/** The JSON Schema of a record file (shipped as schema/parley-record.schema.json). */
export function recordJsonSchema(): Record<string, unknown> {
  return {
    $id: "https://parley.dev/schema/parley-record-1.json",
    title: "Parley negotiation record",
    ...z.toJSONSchema(recordSchema, { io: "input" }),
  };
}
