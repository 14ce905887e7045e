import { InputError } from "../errors.js";
import { parseDocument } from "../formats/document.js";
import { schemaError } from "../formats/schema-error.js";
import type { Scenario } from "../model/scenario.js";
import {
  type NegotiationRecord,
  type RecordEvent,
  type RecordEventInput,
  recordEventSchema,
  recordSchema,
} from "./schema.js";
import { checkRecordAgainst } from "./status.js";

/**
 * Reads a record from JSON or YAML text; `file` names it in errors. Checks the
 * schema and every reference inside the record (people, sources, earlier
 * events); `checkRecordAgainst` checks the references into a scenario.
 */
export function readRecord(text: string, file: string): NegotiationRecord {
  const record = parseDocument(text, file, recordSchema);
  checkUnique(record.sources, `${file}: sources`);
  checkUnique(record.people, `${file}: people`);
  const events: RecordEvent[] = [];
  record.events.forEach((event, i) => {
    checkEvent({ ...record, events }, event, `${file}: events[${i}]`);
    events.push(event);
  });
  // A time may be placed against a later event ("hours before the Kremlin meeting").
  const ids = new Set(events.map((e) => e.id));
  events.forEach((event, i) => {
    checkRelativeTo(event, ids, `${file}: events[${i}]`);
  });
  return record;
}

/** Reads a record and checks it against the scenario it belongs to; errors name the file and field. */
export function readScenarioRecord(text: string, file: string, scenario: Scenario): NegotiationRecord {
  const record = readRecord(text, file);
  checkRecordAgainst(record, scenario, file);
  return record;
}

/**
 * The record with one more event at the end. The log is append-only: an event
 * may refer only to people, sources and events already in it.
 */
export function appendEvent(record: NegotiationRecord, input: RecordEventInput): NegotiationRecord {
  const where = `events[${record.events.length}]`;
  const parsed = recordEventSchema.safeParse(input);
  if (!parsed.success) throw schemaError(where, parsed.error, input);
  checkEvent(record, parsed.data, where);
  checkRelativeTo(parsed.data, new Set(record.events.map((e) => e.id)), where);
  return { ...record, events: [...record.events, parsed.data] };
}

function checkUnique(items: readonly { id: string }[], where: string): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) throw new InputError(`${where}[${i}].id`, `"${item.id}" is used twice`);
    seen.add(item.id);
  });
}

/** Checks one event against the record before it (`record.events` are the earlier events). */
function checkEvent(record: NegotiationRecord, event: RecordEvent, where: string): void {
  const earlier = new Set(record.events.map((e) => e.id));
  const people = new Set(record.people.map((p) => p.id));
  const sources = new Set(record.sources.map((s) => s.id));
  if (earlier.has(event.id)) throw new InputError(`${where}.id`, `"${event.id}" is used by an earlier event`);
  if (event.source !== undefined && !sources.has(event.source))
    throw new InputError(`${where}.source`, `"${event.source}" is not one of the record's sources`);
  if (event.basis === "reported" && event.source === undefined)
    throw new InputError(`${where}.source`, 'is required for a reported event (or set basis: "modelled")');
  if (event.basis === "modelled" && !event.note)
    throw new InputError(`${where}.note`, "is required for a modelled event: say what it is based on");
  const person = (pid: string, field: string) => {
    if (!people.has(pid))
      throw new InputError(`${where}.${field}`, `"${pid}" is not one of the record's people`);
  };
  switch (event.type) {
    case "meeting":
      event.participants.forEach((p, k) => {
        person(p, `participants[${k}]`);
      });
      break;
    case "statement":
      person(event.who, "who");
      break;
    case "status":
      if (!earlier.has(event.cause))
        throw new InputError(`${where}.cause`, `"${event.cause}" is not an earlier event of the record`);
      break;
    case "proposal":
      break;
  }
}

function checkRelativeTo(event: RecordEvent, ids: ReadonlySet<string>, where: string): void {
  const ref = event.when.relativeTo;
  if (ref === undefined) return;
  if (ref === event.id) throw new InputError(`${where}.when.relativeTo`, "refers to the event itself");
  if (!ids.has(ref))
    throw new InputError(`${where}.when.relativeTo`, `"${ref}" is not an event of the record`);
}
