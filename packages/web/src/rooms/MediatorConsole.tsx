import { Badge, Button, Grid, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useEffect, useState } from "react";
import { TONE } from "../components/colors";
import {
  Chat,
  firstOptions,
  History,
  latestDraft,
  OutcomePanel,
  PackageBuilder,
  PackageTable,
  partyName,
  RefusedMove,
  RoomHeader,
  type RoomPageProps,
} from "./parts";
import { fetchSuggestions, sendChat } from "./rooms-api";
import type { Values } from "./types";
import { useMove } from "./use-move";

/**
 * The person mediator's console: the single text (an option per point, settled points locked),
 * revisions to the vote, straw polls and the final vote, the parties' answers, caucus chats.
 */
export function MediatorConsole({ room, token, connection }: RoomPageProps) {
  const exp = room.expected;
  const draft =
    (exp?.kind === "mediate" || exp?.kind === "decide" ? (exp.draft as Values) : null) ??
    room.outcome?.agreement ??
    latestDraft(room);
  const settled = exp?.settled ?? {};
  const [text, setText] = useState<Values>(() => ({ ...firstOptions(room), ...(draft ?? {}), ...settled }));
  const { move, busy, error, setError } = useMove(room.id, token);
  const [advice, setAdvice] = useState<{ outcome: Values; belowReservation?: number[] }[] | null>(null);
  // A new draft (a revision adopted) becomes the text to work from.
  const draftKey = JSON.stringify(draft);
  useEffect(() => {
    if (draftKey !== "null") setText((t) => ({ ...t, ...JSON.parse(draftKey) }));
  }, [draftKey]);
  const locked = new Set(Object.keys(settled));
  const can = (m: string) => !busy && (exp?.moves.includes(m) ?? false);
  const waitingFor =
    room.turn && room.turn.party !== "mediator" ? partyName(room, room.turn.party) : "the parties";

  return (
    <Stack gap="md">
      <RoomHeader room={room} connection={connection} who="Mediator's console" />
      <OutcomePanel room={room} />
      <RefusedMove error={error} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <Paper withBorder p="sm">
              <Title order={2} size="h3">
                The single text
              </Title>
              <Text size="sm" mb="xs" role="status">
                {room.outcome
                  ? "The negotiation is over."
                  : exp?.kind === "draft"
                    ? "Your move: table the first draft, an option for every point."
                    : exp?.kind === "mediate"
                      ? "Your move: put a revision to the vote (the parties vote better, same or worse), poll the parties on the draft, or call the final vote."
                      : exp?.kind === "decide"
                        ? "The votes are in: adopt the revision as the new draft, or keep the draft."
                        : `Waiting for ${waitingFor} to answer…`}
              </Text>
              {exp?.kind === "decide" && (
                <Paper withBorder p="xs" mb="sm">
                  <Text fw={600}>Votes on the revision</Text>
                  <Group gap="xs" mt={4}>
                    {(exp.votes ?? []).map((v) => (
                      <Badge key={v.party} color={v.value === "worse" ? TONE.bad : TONE.good} variant="light">
                        {partyName(room, v.party)}: {v.value}
                      </Badge>
                    ))}
                  </Group>
                  <Group mt="sm">
                    <Button disabled={!can("decide")} onClick={() => move({ type: "decide", adopt: true })}>
                      Adopt the revision
                    </Button>
                    <Button
                      variant="outline"
                      disabled={!can("decide")}
                      onClick={() => move({ type: "decide", adopt: false })}
                    >
                      Keep the draft
                    </Button>
                  </Group>
                </Paper>
              )}
              <PackageBuilder room={room} values={text} onChange={setText} locked={locked} />
              <Group mt="sm">
                {exp?.kind === "draft" ? (
                  <Button disabled={!can("draft")} onClick={() => move({ type: "draft", outcome: text })}>
                    Table the first draft
                  </Button>
                ) : (
                  <>
                    <Button
                      disabled={!can("propose")}
                      onClick={() => move({ type: "propose", outcome: text })}
                    >
                      Send the revision to the vote
                    </Button>
                    <Button variant="outline" disabled={!can("poll")} onClick={() => move({ type: "poll" })}>
                      Straw poll on the draft
                    </Button>
                    <Button
                      variant="outline"
                      color={TONE.good}
                      disabled={!can("final")}
                      onClick={() => move({ type: "final" })}
                    >
                      Call the final vote
                    </Button>
                  </>
                )}
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
                    <Table.Th>Status</Table.Th>
                    <Table.Th>
                      <span className="skip-link">Action</span>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {room.scenario.issues.map((i) => (
                    <Table.Tr key={i.name}>
                      <Table.Td>{i.title ?? i.name}</Table.Td>
                      <Table.Td>{draft ? String(draft[i.name]) : "—"}</Table.Td>
                      <Table.Td>{locked.has(i.name) ? "settled" : "open"}</Table.Td>
                      <Table.Td>
                        {exp?.kind === "mediate" && (
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            disabled={busy}
                            aria-label={`${locked.has(i.name) ? "Reopen" : "Settle"} ${i.name}`}
                            onClick={() =>
                              move({ type: locked.has(i.name) ? "unlock" : "lock", issue: i.name })
                            }
                          >
                            {locked.has(i.name) ? "Reopen" : "Settle"}
                          </Button>
                        )}
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
            {draft && <PackageTable room={room} values={draft} caption="The draft as it stands" />}
            <section aria-labelledby="poll-title">
              <Title order={2} size="h4" id="poll-title">
                Last straw poll
              </Title>
              {exp?.poll ? (
                <Group gap="xs">
                  {exp.poll.answers.map((a) => (
                    <Badge key={a.party} color={a.value ? TONE.good : TONE.bad} variant="light">
                      {partyName(room, a.party)}: {a.value ? "would accept" : "would reject"}
                    </Badge>
                  ))}
                </Group>
              ) : (
                <Text size="sm">No poll this round.</Text>
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
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    onClick={() => setText({ ...s.outcome, ...settled })}
                  >
                    Use as the text
                  </Button>
                </Group>
              ))}
            </section>
            <Chat
              room={room}
              channels={[
                { label: "Everyone" },
                ...room.seats.map((s) => ({ label: `${partyName(room, s.party)} (caucus)`, to: s.party })),
              ]}
              onSend={(t, to) => sendChat(room.id, token, t, to)}
            />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
