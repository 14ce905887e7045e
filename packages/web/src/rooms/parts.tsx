import {
  Alert,
  Badge,
  Button,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  ScrollArea,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { type ReactNode, useEffect, useState } from "react";
import { TONE } from "../components/colors";
import { fmt } from "../scenarios/describe";
import { firstValue, pointInput, valueFor } from "./own-utility";
import type { Entry, RoomView, Values } from "./types";
import type { Connection } from "./use-room";

export const partyName = (room: RoomView, party: number | undefined) =>
  party === undefined ? "the mediator" : (room.scenario.parties[party]?.name ?? `party ${party + 1}`);

export function actorName(room: RoomView, entry: Entry): string {
  const a = entry.actor;
  if (a.role === "party") return a.party === room.party ? "You" : partyName(room, a.party);
  if (a.role === "mediator") return room.role === "mediator" ? "You (mediator)" : "The mediator";
  return a.role === "host" ? "The host" : "Parley";
}

/** The room's title line: scenario, protocol, state, clock and the live connection. */
export function RoomHeader({
  room,
  connection,
  who,
}: {
  room: RoomView;
  connection: Connection;
  who: ReactNode;
}) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  const left = room.deadlineAt ? Math.max(0, room.deadlineAt - now) : null;
  // Rounds are 0-based in the API and 1-based for people; an ended room reports how many it played.
  const lastEvent = room.history.flatMap((e) => e.events).at(-1);
  const round = room.outcome?.rounds ?? (room.expected?.round ?? lastEvent?.round ?? 0) + 1;
  return (
    <Stack gap={4}>
      <Title order={1}>{who}</Title>
      <Group gap="sm">
        <Text>{room.scenario.title ?? room.scenario.name}</Text>
        <Badge color={TONE.info} variant="outline">
          {room.protocol === "saop" ? "alternating offers" : "mediated single text"}
        </Badge>
        <Badge color={room.state === "ended" ? TONE.neutral : TONE.good}>{room.state}</Badge>
        <Text size="sm" role="timer" aria-label="Clock">
          {room.deadline.rounds ? `Round ${round} of ${room.deadline.rounds}` : ""}
          {left !== null
            ? ` · ${Math.floor(left / 60000)}:${String(Math.floor(left / 1000) % 60).padStart(2, "0")} left`
            : ""}
        </Text>
        <Badge color={connection === "live" ? TONE.good : TONE.warn} variant="light" role="status">
          {connection === "live" ? "connected" : connection === "closed" ? "disconnected" : "reconnecting…"}
        </Badge>
      </Group>
    </Stack>
  );
}

/** A package, point by point. */
export function PackageTable({ room, values, caption }: { room: RoomView; values: Values; caption: string }) {
  return (
    <Table verticalSpacing={2} fz="sm" captionSide="top">
      <caption style={{ textAlign: "left", fontWeight: 600, color: "inherit" }}>{caption}</caption>
      <Table.Tbody>
        {room.scenario.issues.map((i) => (
          <Table.Tr key={i.name}>
            <Table.Th scope="row" fw={500}>
              {i.title ?? i.name}
            </Table.Th>
            <Table.Td>{String(values[i.name] ?? "—")}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** One field per point: the option chosen for each (a number typed on a long range), with locked points kept. */
export function PackageBuilder({
  room,
  values,
  onChange,
  locked = new Set(),
}: {
  room: RoomView;
  values: Values;
  onChange: (v: Values) => void;
  locked?: Set<string>;
}) {
  return (
    <Stack gap={6}>
      {room.scenario.issues.map((issue) => {
        const input = pointInput(issue);
        const label = issue.title ?? issue.name;
        const set = (value: string | number) => onChange({ ...values, [issue.name]: value });
        return input.kind === "options" ? (
          <NativeSelect
            key={issue.name}
            size="xs"
            label={label}
            disabled={locked.has(issue.name)}
            value={String(values[issue.name] ?? "")}
            data={input.options}
            onChange={(e) => set(valueFor(issue, e.currentTarget.value))}
          />
        ) : (
          <NumberInput
            key={issue.name}
            size="xs"
            label={label}
            description={`${input.min} to ${input.max}`}
            disabled={locked.has(issue.name)}
            min={input.min}
            max={input.max}
            step={input.step}
            allowDecimal={input.decimals}
            clampBehavior="strict"
            value={Number(values[issue.name] ?? input.min)}
            onChange={(v) => {
              if (typeof v === "number") set(v);
            }}
          />
        );
      })}
    </Stack>
  );
}

export function firstOptions(room: RoomView): Values {
  return Object.fromEntries(room.scenario.issues.map((i) => [i.name, firstValue(i)]));
}

function entryText(e: Entry): string {
  if (e.kind === "chat") return "";
  if (e.kind === "join") return "joined the room";
  const m = e.move;
  if (m) {
    if (m.type === "offer") return "made an offer";
    if (m.type === "accept") return "accepted";
    if (m.type === "end") return "walked away";
    if (m.type === "vote") return m.vote ? `voted ${m.vote}` : "voted";
    if (m.type === "answer") return "answered";
    if (m.type === "propose") return "put a revision to the vote";
    if (m.type === "poll") return "called a straw poll";
    return m.type;
  }
  if (e.kind === "fault") return `fault: ${e.reason ?? "unknown"}`;
  return e.events.map((v) => v.action).join(", ") || "clock tick";
}

/** The history: who did what, with the viewer's own utility of each offer when it has one. */
export function History({ room }: { room: RoomView }) {
  const moves = room.history.filter((e) => e.kind !== "chat");
  return (
    <section aria-labelledby="history-title">
      <Title order={2} size="h4" id="history-title">
        History
      </Title>
      {moves.length === 0 ? (
        <Text size="sm">No moves yet.</Text>
      ) : (
        <ScrollArea.Autosize mah={320}>
          <Table verticalSpacing={2} fz="sm" aria-labelledby="history-title">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>#</Table.Th>
                <Table.Th>Who</Table.Th>
                <Table.Th>What</Table.Th>
                <Table.Th>
                  {room.role === "host" ? "Utilities" : room.role === "party" ? "Your utility" : ""}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {moves.map((e) => {
                const offer = e.events.find((v) => v.offer && (v.utility !== undefined || v.utilities));
                return (
                  <Table.Tr key={e.seq}>
                    <Table.Td>{e.seq}</Table.Td>
                    <Table.Td>{actorName(room, e)}</Table.Td>
                    <Table.Td>
                      {entryText(e)}
                      {e.events
                        .filter((v) =>
                          ["agreement", "end", "timeout", "revise", "ratified", "rejected"].includes(
                            v.action,
                          ),
                        )
                        .map((v) => ` · ${v.action}`)
                        .join("")}
                    </Table.Td>
                    <Table.Td>
                      {offer?.utility !== undefined
                        ? fmt(offer.utility)
                        : offer?.utilities
                          ? offer.utilities.map(fmt).join(", ")
                          : ""}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      )}
    </section>
  );
}

/** Chat with everyone, or a private channel (caucus) chosen in `channels`. */
export function Chat({
  room,
  channels,
  onSend,
}: {
  room: RoomView;
  channels: { label: string; to?: number | "mediator" }[];
  onSend: (text: string, to?: number | "mediator") => Promise<unknown>;
}) {
  const [text, setText] = useState("");
  const [channel, setChannel] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const messages = room.history.filter((e) => e.kind === "chat" && e.chat);
  const toText = (to?: number | "mediator") =>
    to === undefined
      ? ""
      : to === "mediator"
        ? " → mediator (private)"
        : ` → ${partyName(room, to)} (private)`;
  return (
    <section aria-labelledby="chat-title">
      <Title order={2} size="h4" id="chat-title">
        Chat
      </Title>
      <Paper withBorder p="xs" mb="xs">
        <ScrollArea.Autosize mah={200}>
          {messages.length === 0 ? (
            <Text size="sm">No messages yet.</Text>
          ) : (
            <Stack gap={4} aria-live="polite">
              {messages.map((e) => (
                <Text key={e.seq} size="sm">
                  <b>
                    {actorName(room, e)}
                    {toText(e.chat!.to)}:
                  </b>{" "}
                  {e.chat!.text}
                </Text>
              ))}
            </Stack>
          )}
        </ScrollArea.Autosize>
      </Paper>
      <form
        onSubmit={(ev) => {
          ev.preventDefault();
          if (!text.trim()) return;
          setError(null);
          onSend(text.trim(), channels[channel].to).then(
            () => setText(""),
            (err: unknown) => setError(err instanceof Error ? err.message : String(err)),
          );
        }}
      >
        <Stack gap={6}>
          {channels.length > 1 && (
            <NativeSelect
              size="xs"
              label="To"
              value={String(channel)}
              data={channels.map((c, k) => ({ value: String(k), label: c.label }))}
              onChange={(e) => setChannel(Number(e.currentTarget.value))}
            />
          )}
          <Textarea
            label="Message"
            size="sm"
            autosize
            minRows={1}
            maxLength={2000}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
          />
          <Group>
            <Button type="submit" size="xs">
              Send message
            </Button>
            {error && (
              <Text size="sm" c={TONE.bad} role="alert">
                {error}
              </Text>
            )}
          </Group>
        </Stack>
      </form>
    </section>
  );
}

/** The end of the room: the agreement, or why there is none. */
export function OutcomePanel({ room }: { room: RoomView }) {
  const o = room.outcome;
  if (!o) return null;
  return (
    <Paper withBorder p="md" bg={o.agreement ? "#eef7ef" : "#fbeeee"} role="status">
      <Title order={2} size="h3" c={o.agreement ? TONE.good : TONE.bad}>
        {o.agreement ? "Agreement reached" : "No agreement"}
      </Title>
      <Text size="sm">
        After {o.rounds} round{o.rounds === 1 ? "" : "s"}, ended by {o.endedBy}.
        {o.utility !== undefined ? ` Your utility: ${fmt(o.utility)}.` : ""}
        {o.utilities ? ` Utilities: ${o.utilities.map(fmt).join(", ")}.` : ""}
      </Text>
      {o.agreement && <PackageTable room={room} values={o.agreement} caption="The agreement" />}
    </Paper>
  );
}

/** The mediated draft as it stands: the last text the mediator tabled or the parties adopted. */
export function latestDraft(room: RoomView): Values | null {
  const events = room.history.flatMap((e) => e.events);
  for (let k = events.length - 1; k >= 0; k--)
    if (events[k].action === "revise" && events[k].offer) return events[k].offer!;
  return null;
}

/** What every page of a room is given: the room as this token sees it, the token, the socket's state. */
export interface RoomPageProps {
  room: RoomView;
  token: string;
  connection: Connection;
}

/** Why the server refused the last move, where the move was made. */
export function RefusedMove({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <Alert color={TONE.bad} title="That move was refused" role="alert">
      {error}
    </Alert>
  );
}
