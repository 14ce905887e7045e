import { Alert, Button, Checkbox, Grid, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { TONE } from "../components/colors";
import { Chat, firstOptions, History, OutcomePanel, PackageBuilder, partyName, RoomHeader } from "./parts";
import { fetchSuggestions, type MoveBody, sendChat, sendMove } from "./rooms-api";
import type { RoomView, Values } from "./types";
import type { Connection } from "./use-room";

/** The person mediator's console: the single text, revisions to the vote, polls, answers, caucuses. */
export function MediatorConsole({
  room,
  token,
  connection,
}: {
  room: RoomView;
  token: string;
  connection: Connection;
}) {
  const exp = room.expected;
  const draft = (exp?.kind === "propose" ? (exp.draft as Values | null) : null) ?? null;
  const [text, setText] = useState<Values>(() => draft ?? firstOptions(room));
  const [locked, setLocked] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [advice, setAdvice] = useState<{ outcome: Values; belowReservation?: number[] }[] | null>(null);
  const move = async (body: MoveBody) => {
    setBusy(true);
    setError(null);
    try {
      await sendMove(room.id, token, body);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const lastDraft = latestDraft(room);
  const answers = room.history.filter((e) => e.actor.role === "party" && e.move);
  const toggle = (name: string) =>
    setLocked((s) => {
      const n = new Set(s);
      n.has(name) ? n.delete(name) : n.add(name);
      return n;
    });

  return (
    <Stack gap="md">
      <RoomHeader room={room} connection={connection} who="Mediator's console" />
      <OutcomePanel room={room} />
      {error && (
        <Alert color={TONE.bad} title="That move was refused" role="alert">
          {error}
        </Alert>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <Paper withBorder p="sm">
              <Title order={2} size="h3">
                The single text
              </Title>
              <Text size="sm" mb="xs">
                {exp?.kind === "propose"
                  ? "Your move: put a revision to the vote (a revision replaces the draft when no party votes it worse), or poll the parties on the draft."
                  : room.outcome
                    ? "The negotiation is over."
                    : `Waiting for ${room.turn && room.turn.party !== "mediator" ? partyName(room, room.turn.party) : "the parties"} to answer…`}
              </Text>
              <Group gap="xs" mb="xs">
                <Button
                  size="xs"
                  variant="subtle"
                  onClick={() => setText(lastDraft ?? text)}
                  disabled={!lastDraft}
                >
                  Start from the current draft
                </Button>
              </Group>
              <PackageBuilder room={room} values={text} onChange={setText} locked={locked} />
              <Group mt="sm">
                <Button
                  disabled={busy || exp?.kind !== "propose"}
                  onClick={() => move({ type: "propose", outcome: text })}
                >
                  Send the revision to the vote
                </Button>
                <Button
                  variant="outline"
                  disabled={busy || exp?.kind !== "propose" || !lastDraft}
                  onClick={() => move({ type: "poll" })}
                >
                  Poll the parties on the draft
                </Button>
              </Group>
            </Paper>
            <section aria-labelledby="status-title">
              <Title order={2} size="h4" id="status-title">
                Status of every point
              </Title>
              <Table verticalSpacing={2} fz="sm" aria-labelledby="status-title">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Point</Table.Th>
                    <Table.Th>In the draft</Table.Th>
                    <Table.Th>Settled (locked)</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {room.scenario.issues.map((i) => (
                    <Table.Tr key={i.name}>
                      <Table.Td>{i.title ?? i.name}</Table.Td>
                      <Table.Td>{lastDraft ? String(lastDraft[i.name]) : "—"}</Table.Td>
                      <Table.Td>
                        <Checkbox
                          aria-label={`Lock ${i.name} as settled`}
                          checked={locked.has(i.name)}
                          onChange={() => toggle(i.name)}
                        />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </section>
            <History room={room} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <section aria-labelledby="answers-title">
              <Title order={2} size="h4" id="answers-title">
                The parties' answers
              </Title>
              {answers.length === 0 ? (
                <Text size="sm">No answers yet.</Text>
              ) : (
                <Table verticalSpacing={2} fz="sm" aria-labelledby="answers-title">
                  <Table.Tbody>
                    {answers.slice(-12).map((e) => (
                      <Table.Tr key={e.seq}>
                        <Table.Td>
                          {partyName(room, e.actor.role === "party" ? e.actor.party : undefined)}
                        </Table.Td>
                        <Table.Td>{e.move!.vote ?? e.move!.type}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </section>
            <section aria-labelledby="advice-title">
              <Title order={2} size="h4" id="advice-title">
                Suggestions
              </Title>
              <Button
                size="xs"
                variant="outline"
                onClick={() =>
                  fetchSuggestions(room.id, token).then(
                    (r) =>
                      setAdvice(
                        (r as { packages: { outcome: Values; belowReservation?: number[] }[] }).packages,
                      ),
                    (err: unknown) => setError(err instanceof Error ? err.message : String(err)),
                  )
                }
              >
                Ask for packages that improve the draft
              </Button>
              {advice?.length === 0 && <Text size="sm">No package improves the draft for everyone.</Text>}
              {advice?.map((s, k) => (
                <Group key={JSON.stringify(s.outcome)} gap="xs" mt={4}>
                  <Text size="sm">
                    Package {k + 1}:{" "}
                    {s.belowReservation?.length
                      ? `leaves ${s.belowReservation.map((p) => partyName(room, p)).join(", ")} below reservation`
                      : "every party above reservation"}
                  </Text>
                  <Button size="compact-xs" variant="subtle" onClick={() => setText(s.outcome)}>
                    Use as the text
                  </Button>
                </Group>
              ))}
            </section>
            <Chat
              room={room}
              channels={[
                { label: "Everyone" },
                ...room.scenario.parties.map((p, k) => ({ label: `${p.name} (caucus)`, to: k })),
              ]}
              onSend={(t, to) => sendChat(room.id, token, t, to)}
            />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** The draft as it stands: the last revision the parties accepted, from the public events. */
function latestDraft(room: RoomView): Values | null {
  const events = [...room.opening, ...room.history.flatMap((e) => e.events)];
  for (let k = events.length - 1; k >= 0; k--)
    if (events[k].action === "revise" && events[k].offer) return events[k].offer!;
  return null;
}
