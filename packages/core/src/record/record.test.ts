import { describe, expect, it } from "vitest";
import { InputError } from "../errors.js";
import type { Scenario } from "../model/scenario.js";
import { OutcomeSpace } from "../model/space.js";
import { appendEvent, readRecord } from "./read.js";
import { checkRecordAgainst, deriveStatus } from "./status.js";
import { describeWhen } from "./when.js";

const space = new OutcomeSpace([
  {
    name: "ceasefire",
    title: "Ceasefire timing",
    kind: "discrete",
    options: [{ value: "now" }, { value: "later" }],
  },
  { name: "territory", kind: "discrete", options: [{ value: "freeze" }, { value: "cede" }] },
  { name: "elections", kind: "discrete", options: [{ value: "soon" }, { value: "late" }] },
]);
const profile = {
  utility: { type: "additive" as const, weights: [1, 0, 0], values: [] },
  reservation: 0,
  discount: 1,
  redLines: [],
};
const scenario: Scenario = {
  name: "talks",
  space,
  parties: [
    { name: "A", profile },
    { name: "B", profile },
  ],
};

const RECORD = `
parley-record: 1
scenario: talks
sources:
  - { id: wire, title: A wire report }
people:
  - { id: ann, name: Ann, party: A }
  - { id: bob, name: Bob, party: B }
events:
  - id: draft
    type: proposal
    title: A tables a draft
    party: A
    terms: { ceasefire: now }
    source: wire
  - id: talk
    type: meeting
    title: Ann and Bob meet
    participants: [ann, bob]
    duration: { atLeastMinutes: 180, reported: more than three hours }
    when: { precision: weekday, weekday: Thursday, timeOfDay: just after midnight }
    source: wire
  - id: quote
    type: statement
    title: Bob is optimistic
    who: bob
    words: one issue left
    quoted: false
    reportedBy: Reuters
    when: { precision: relative, relativeTo: talk, relation: after, gap: hours }
    source: wire
  - id: settle
    type: status
    title: Ceasefire and elections settled
    points: [ceasefire, elections]
    status: settled
    cause: quote
    basis: modelled
    note: our reading of the quote
  - id: dispute
    type: status
    title: Territory disputed
    points: [territory]
    status: disputed
    cause: talk
    source: wire
`;

/** RECORD with `from` replaced by `to` (the text must occur). */
function edited(from: string, to: string): string {
  expect(RECORD).toContain(from);
  return RECORD.replace(from, to);
}

function refusal(text: string): InputError {
  try {
    const record = readRecord(text, "rec.yaml");
    checkRecordAgainst(record, scenario, "rec.yaml");
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error("the record was accepted");
}

describe("reading a record", () => {
  it("reads every kind of event, with defaults for basis and unknown times", () => {
    const record = readRecord(RECORD, "rec.yaml");
    expect(record.events.map((e) => e.type)).toEqual([
      "proposal",
      "meeting",
      "statement",
      "status",
      "status",
    ]);
    expect(record.events[0].when).toEqual({ precision: "unknown" });
    expect(record.events[0].basis).toBe("reported");
    expect(record.events[3].basis).toBe("modelled");
    expect(() => checkRecordAgainst(record, scenario, "rec.yaml")).not.toThrow();
  });

  it("reads the same record from JSON", () => {
    const fromYaml = readRecord(RECORD, "rec.yaml");
    expect(readRecord(JSON.stringify(fromYaml), "rec.json")).toEqual(fromYaml);
  });

  it.each([
    ["unreadable text", "events: [", "rec.yaml", /not valid JSON or YAML/],
    ["a wrong version", edited("parley-record: 1", "parley-record: 2"), "rec.yaml: parley-record", /2|1/],
    [
      "an unknown field",
      edited("title: Ann and Bob meet", "title: Ann and Bob meet\n    mood: tense"),
      "rec.yaml: events[1]",
      /mood/,
    ],
    ["an unknown event type", edited("type: meeting", "type: rumour"), "rec.yaml: events[1].type", /./],
    [
      "a meeting of one",
      edited("participants: [ann, bob]", "participants: [ann]"),
      "rec.yaml: events[1].participants",
      /./,
    ],
    [
      "a date the precision does not allow",
      edited("weekday: Thursday,", "weekday: Thursday, date: 2026-01-22,"),
      "rec.yaml: events[1].when.date",
      /precision "weekday"/,
    ],
    [
      "a weekday precision without a weekday",
      edited("precision: weekday, weekday: Thursday,", "precision: weekday,"),
      "rec.yaml: events[1].when.weekday",
      /required/,
    ],
    [
      "a status outside open/disputed/settled",
      edited("status: disputed", "status: agreed"),
      "rec.yaml: events[4].status",
      /./,
    ],
    [
      "an unknown person",
      edited("who: bob", "who: carl"),
      "rec.yaml: events[2].who",
      /"carl" is not one of the record's people/,
    ],
    [
      "an unknown source",
      edited("    source: wire\n  - id: talk", "    source: fax\n  - id: talk"),
      "rec.yaml: events[0].source",
      /"fax"/,
    ],
    [
      "a cause that comes later",
      edited("cause: quote", "cause: dispute"),
      "rec.yaml: events[3].cause",
      /not an earlier event/,
    ],
    [
      "a time placed against a missing event",
      edited("relativeTo: talk", "relativeTo: lunch"),
      "rec.yaml: events[2].when.relativeTo",
      /"lunch"/,
    ],
    ["a reused event id", edited("id: quote", "id: talk"), "rec.yaml: events[2].id", /earlier event/],
    [
      "a reported event without a source",
      edited("    cause: talk\n    source: wire", "    cause: talk"),
      "rec.yaml: events[4].source",
      /required/,
    ],
    [
      "a modelled event without a note",
      edited("    note: our reading of the quote\n", ""),
      "rec.yaml: events[3].note",
      /required/,
    ],
    [
      "another scenario",
      edited("scenario: talks", "scenario: other"),
      "rec.yaml: scenario",
      /"other" but the scenario is "talks"/,
    ],
    [
      "a point the plan lacks",
      edited("points: [territory]", "points: [borders]"),
      "rec.yaml: events[4].points[0]",
      /"borders" is not a point/,
    ],
    [
      "a party the scenario lacks",
      edited("party: B", "party: C"),
      "rec.yaml: people[1].party",
      /"C" is not a party/,
    ],
    [
      "an option the point lacks",
      edited("terms: { ceasefire: now }", "terms: { ceasefire: never }"),
      "rec.yaml: events[0].terms.ceasefire",
      /"never" is not one of its options/,
    ],
  ])("refuses %s, naming the field", (_, text, where, reason) => {
    const err = refusal(text);
    expect(err.where).toBe(where);
    expect(err.reason).toMatch(reason);
  });
});

describe("the log is append-only", () => {
  const record = readRecord(RECORD, "rec.yaml");

  it("appends an event that refers to earlier ones", () => {
    const next = appendEvent(record, {
      id: "done",
      type: "status",
      title: "Territory settled",
      points: ["territory"],
      status: "settled",
      cause: "talk",
      source: "wire",
    });
    expect(next.events.map((e) => e.id)).toEqual([...record.events.map((e) => e.id), "done"]);
    expect(record.events).toHaveLength(5);
    expect(deriveStatus(next, scenario).summary).toBe("3 of 3 points settled");
  });

  it("refuses an event that names itself or a later one as its cause", () => {
    const event = {
      id: "loop",
      type: "status" as const,
      title: "x",
      points: ["territory"],
      status: "open" as const,
      cause: "loop",
      source: "wire",
    };
    expect(() => appendEvent(record, event)).toThrow(/events\[5\]\.cause: "loop" is not an earlier event/);
  });
});

describe("deriving the status of the plan", () => {
  it("starts every point open and applies status events in order", () => {
    const status = deriveStatus(readRecord(RECORD, "rec.yaml"), scenario);
    expect(status.points).toEqual([
      {
        name: "ceasefire",
        title: "Ceasefire timing",
        status: "settled",
        changedBy: "settle",
        cause: "quote",
        basis: "modelled",
      },
      { name: "territory", status: "disputed", changedBy: "dispute", cause: "talk", basis: "reported" },
      { name: "elections", status: "settled", changedBy: "settle", cause: "quote", basis: "modelled" },
    ]);
    expect(status.settled).toEqual(["ceasefire", "elections"]);
    expect(status.open).toEqual(["territory"]);
    expect(status.summary).toBe("2 of 3 points settled, open: territory (disputed)");
  });

  it("lets a later event reopen a settled point", () => {
    const record = appendEvent(readRecord(RECORD, "rec.yaml"), {
      id: "reopen",
      type: "status",
      title: "Elections reopened",
      points: ["elections"],
      status: "open",
      cause: "quote",
      source: "wire",
    });
    expect(deriveStatus(record, scenario).summary).toBe(
      "1 of 3 points settled, open: territory (disputed), elections",
    );
  });

  it("with no status events, leaves every point open", () => {
    const record = readRecord("parley-record: 1\nscenario: talks\n", "empty.yaml");
    expect(deriveStatus(record, scenario).summary).toBe(
      "0 of 3 points settled, open: ceasefire, territory, elections",
    );
  });
});

describe("times in words", () => {
  const title = (id: string) => `«${id}»`;
  it("says no more than the record knows", () => {
    expect(
      describeWhen({ precision: "weekday", weekday: "Thursday", timeOfDay: "just after midnight" }, title),
    ).toBe("Thursday, just after midnight (weekday only, no date)");
    expect(
      describeWhen(
        { precision: "relative", relativeTo: "talk", relation: "before", gap: "only hours" },
        title,
      ),
    ).toBe("only hours before «talk»");
    expect(describeWhen({ precision: "unknown" }, title)).toBe("time not reported");
    expect(describeWhen({ precision: "datetime", date: "2026-01-22", time: "23:30" }, title)).toBe(
      "2026-01-22 23:30",
    );
  });
});
