import { type NegotiationRecord, type RecordEventInput, readRecord } from "@parley/core";
import { conflict } from "../errors.js";
import type { Room } from "./room.js";

/** A log time as a record's `when`: the server's clock, to the minute, UTC. */
function when(at: number) {
  const iso = new Date(at).toISOString();
  return { precision: "datetime" as const, date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/**
 * The finished room as a Parley record (the peace plan's format): each offer or revision as a
 * proposal, chat as statements, and each point's status at the end (settled where the agreement, or
 * every party's last proposal, agrees; disputed elsewhere).
 */
export function exportRecord(room: Room): NegotiationRecord {
  if (!room.ended) throw conflict("the negotiation has not ended yet");
  const doc = room.document;
  const partyName = (p: number) => String(doc.parties[p].name);
  const personOf = (actor: { role: string; party?: number }) =>
    actor.role === "party" ? `party-${actor.party}` : actor.role;
  const events: RecordEventInput[] = [];
  const lastProposal = new Map<number, { id: string; terms: Record<string, string | number> }>();
  const mediatorName = "Mediator";
  for (const entry of room.entries) {
    for (const [k, e] of entry.events.entries()) {
      if (!e.offer || (e.action !== "offer" && e.action !== "revise")) continue;
      const id = `proposal-${entry.seq}-${k}`;
      const terms = room.values(e.offer);
      const party = e.seat >= 0 ? partyName(room.partyOfSeat[e.seat]) : mediatorName;
      events.push({
        id,
        type: "proposal",
        title: `${party} proposes`,
        party,
        terms,
        when: when(entry.at),
        source: "room",
      });
      lastProposal.set(e.seat, { id, terms });
    }
    if (entry.chat)
      events.push({
        id: `chat-${entry.seq}`,
        type: "statement",
        title: entry.chat.to === undefined ? "Said in the room" : "Said in caucus",
        who: personOf(entry.actor),
        words: entry.chat.text,
        quoted: true,
        when: when(entry.at),
        source: "room",
        ...(entry.chat.to !== undefined
          ? {
              note: `private, to ${entry.chat.to === "mediator" ? "the mediator" : partyName(entry.chat.to)}`,
            }
          : {}),
      });
  }
  const outcome = room.negotiation.outcome()!;
  const last = room.entries[room.entries.length - 1];
  const endAt = last?.at ?? room.startedAt;
  const issues = room.scenario.space.issues.map((i) => i.name);
  if (outcome.agreement) {
    events.push({
      id: "agreement",
      type: "proposal",
      title: "The agreement",
      party: mediatorName,
      terms: room.values(outcome.agreement),
      basis: "modelled",
      note: "the package every party accepted",
      when: when(endAt),
      source: "room",
    });
    events.push({
      id: "status-end",
      type: "status",
      title: "Every point settled",
      points: issues,
      status: "settled",
      cause: "agreement",
      when: when(endAt),
      source: "room",
    });
  } else {
    const finals = [...lastProposal.values()];
    const cause = finals.at(-1)?.id;
    if (cause) {
      const settled = issues.filter(
        (name) => finals.every((f) => f.terms[name] === finals[0].terms[name]) && finals.length > 1,
      );
      const disputed = issues.filter((name) => !settled.includes(name));
      if (settled.length)
        events.push({
          id: "status-settled",
          type: "status",
          title: "Points every last proposal agrees on",
          note: "derived from the room's log: every party's last proposal has the same option here",
          points: settled,
          status: "settled",
          cause,
          when: when(endAt),
          source: "room",
          basis: "modelled",
        });
      if (disputed.length)
        events.push({
          id: "status-disputed",
          type: "status",
          title: `No agreement (${outcome.endedBy})`,
          note: "derived from the room's log: the last proposals differ here",
          points: disputed,
          status: "disputed",
          cause,
          when: when(endAt),
          source: "room",
          basis: "modelled",
        });
    }
  }
  const people = [
    ...room.spec.seats.map((s) => ({
      id: `party-${s.party}`,
      name: s.agent ? `${partyName(s.party)} (agent ${s.agent})` : partyName(s.party),
      party: partyName(s.party),
    })),
    ...(room.spec.mediator ? [{ id: "mediator", name: "Mediator", role: "mediator" }] : []),
    { id: "host", name: "Host", role: "room host" },
  ];
  const record = {
    "parley-record": 1,
    scenario: String(doc.name ?? room.spec.scenarioName ?? "scenario"),
    title: `Parley room ${room.id}`,
    description: `A live ${room.spec.protocol} negotiation; ended by ${outcome.endedBy}.`,
    sources: [{ id: "room", title: `The log of Parley room ${room.id}` }],
    people,
    events,
  };
  return readRecord(JSON.stringify(record), `room ${room.id}`);
}
