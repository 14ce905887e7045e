import type { Scenario } from "@parley/core/engine";
import { describeWhen, type NegotiationRecord, type PlanStatus, type RecordEvent } from "@parley/core/record";
import { columns, PLAIN, type Style, wrap } from "../text.js";

/** "#7": events are numbered in log order, from 1. */
function numberer(record: NegotiationRecord): (id: string) => string {
  const at = new Map(record.events.map((e, i) => [e.id, `#${i + 1}`]));
  return (id) => at.get(id) ?? id;
}

/**
 * The timeline: per event its number, kind, when (as precisely as recorded)
 * and title; with `detail`, who, where, what and on what basis.
 */
export function timelineLines(
  record: NegotiationRecord,
  scenario: Scenario,
  width: number,
  options: { detail: boolean; style?: Style },
): string[] {
  const style = options.style ?? PLAIN;
  const num = numberer(record);
  const out: string[] = [];
  record.events.forEach((event, i) => {
    const head = `#${i + 1}`.padStart(3);
    out.push(`${head} ${event.type.padEnd(9)} ${style.dim(describeWhen(event.when, num))}`);
    out.push(
      ...wrap(event.title + (event.basis === "modelled" ? " [modelled]" : ""), width, "              "),
    );
    if (options.detail) {
      for (const line of details(record, scenario, event, num))
        out.push(...wrap(line, width, "                ").map((l) => style.dim(l)));
    }
  });
  return out;
}

function details(
  record: NegotiationRecord,
  scenario: Scenario,
  event: RecordEvent,
  num: (id: string) => string,
): string[] {
  const person = (id: string) => record.people.find((p) => p.id === id)?.name ?? id;
  const lines: string[] = [];
  switch (event.type) {
    case "meeting": {
      const sides = new Map<string, string[]>();
      for (const id of event.participants) {
        const party = record.people.find((p) => p.id === id)?.party ?? "unaffiliated";
        sides.set(party, [...(sides.get(party) ?? []), person(id)]);
      }
      lines.push(`Who: ${[...sides].map(([party, names]) => `${names.join(", ")} (${party})`).join("; ")}.`);
      if (event.where) lines.push(`Where: ${event.where}.`);
      lines.push(`How long: ${event.duration?.reported ?? "not reported"}.`);
      if (event.summary) lines.push(event.summary);
      break;
    }
    case "statement": {
      const how = [event.quoted ? "quoted" : "paraphrased"];
      if (event.where) how.push(event.where);
      if (event.reportedBy) how.push(`according to ${event.reportedBy}`);
      lines.push(`${person(event.who)} (${how.join("; ")}): ${event.words}`);
      break;
    }
    case "proposal": {
      const named = Object.keys(event.terms);
      const open = scenario.space.issues.map((x) => x.name).filter((n) => !named.includes(n));
      lines.push(
        `Tabled by the ${event.party}: ${named.length} points${open.length ? `; open: ${open.join(", ")}` : ""}.`,
      );
      break;
    }
    case "status":
      lines.push(`${event.points.join(", ")} → ${event.status}, because of ${num(event.cause)}.`);
      break;
  }
  if (event.note) lines.push(`${event.basis === "modelled" ? "Modelled: " : "Note: "}${event.note}`);
  if (event.when.note) lines.push(`When: ${event.when.note}`);
  if (event.source) lines.push(`Source: ${event.source}.`);
  return lines;
}

/** Each point's status and the event behind it, then the one-line summary. */
export function statusLines(status: PlanStatus, record: NegotiationRecord, style: Style = PLAIN): string[] {
  const num = numberer(record);
  const rows = status.points.map((p) => [
    p.status,
    p.name,
    p.title ?? "",
    p.changedBy ? `${num(p.changedBy)}${p.basis === "modelled" ? " (modelled)" : ""}` : "never changed",
  ]);
  return [...columns(rows), "", `  ${style.bold(status.summary)}`];
}

/** `parley record --json`: the record as read (with each `when` in words) and the derived status. */
export function recordJson(record: NegotiationRecord, status: PlanStatus): Record<string, unknown> {
  const num = numberer(record);
  return {
    scenario: record.scenario,
    title: record.title,
    sources: record.sources,
    people: record.people,
    events: record.events.map((e) => ({ ...e, whenText: describeWhen(e.when, num) })),
    status,
  };
}
