import { Button, Grid, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useMemo, useState } from "react";
import { TONE } from "../components/colors";
import { fmt } from "../scenarios/describe";
import { bestValues, ownUtility } from "./own-utility";
import {
  Chat,
  firstOptions,
  History,
  OutcomePanel,
  PackageBuilder,
  PackageTable,
  partyName,
  RefusedMove,
  RoomHeader,
  type RoomPageProps,
} from "./parts";
import { fetchSuggestions, sendChat } from "./rooms-api";
import type { Held, RoomView, Values } from "./types";
import { UtilityOverTime } from "./UtilityOverTime";
import { useMove } from "./use-move";

/** A party's seat: its private preferences, the offer builder, the table, history, chat, suggestions. */
export function PartySeat({ room, token, connection }: RoomPageProps) {
  const { profile, scenario } = room;
  // Compiled once per profile, not on every pushed event.
  const own = useMemo(() => ownUtility({ profile, scenario }), [profile, scenario]);
  const me = partyName(room, room.party);
  const exp = room.expected;
  const onTable = (exp?.offer ?? exp?.revision ?? (exp?.draft as Held | undefined)) as Held | undefined;
  const [values, setValues] = useState<Values>(() => onTable?.outcome ?? firstOptions(room));
  const { move, busy, error, setError } = useMove(room.id, token);
  const [suggested, setSuggested] = useState<{ outcome: Values; utility?: number }[] | null>(null);
  const utility = own ? own.utility(values) : undefined;
  const reservation = Number((room.profile as { reservation?: number } | undefined)?.reservation ?? 0);

  return (
    <Stack gap="md">
      <RoomHeader room={room} connection={connection} who={`Your seat: ${me}`} />
      <OutcomePanel room={room} />
      <RefusedMove error={error} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            {!room.outcome && !exp && (
              <Paper withBorder p="sm" role="status">
                <Text>
                  Waiting for{" "}
                  {room.turn
                    ? room.turn.party === "mediator"
                      ? "the mediator"
                      : partyName(room, room.turn.party)
                    : "the room to start"}
                  …
                </Text>
              </Paper>
            )}
            {exp && (
              <Paper withBorder p="sm">
                <Title order={2} size="h3">
                  Your move
                </Title>
                {exp.kind === "offer" && exp.offer && (
                  <Group align="flex-start" mt="xs">
                    <div style={{ flex: 1 }}>
                      <PackageTable
                        room={room}
                        values={exp.offer.outcome}
                        caption={`Standing offer from ${partyName(room, exp.offer.from)}: your utility ${fmt(exp.offer.utility ?? 0)}`}
                      />
                    </div>
                  </Group>
                )}
                {exp.kind === "vote" && exp.revision && "outcome" in exp.revision && (
                  <>
                    <PackageTable
                      room={room}
                      values={exp.revision.outcome as Values}
                      caption={`The mediator's revision: your utility ${fmt(Number(exp.revision.utility ?? 0))} (the draft: ${fmt((exp.draft as Held)?.utility ?? 0)})`}
                    />
                    <Group mt="sm">
                      <Text>Is the revision better for you than the draft?</Text>
                      {(["better", "same", "worse"] as const).map((v) => (
                        <Button
                          key={v}
                          size="sm"
                          disabled={busy}
                          onClick={() => move({ type: "vote", vote: v })}
                        >
                          {v[0].toUpperCase() + v.slice(1)}
                        </Button>
                      ))}
                    </Group>
                  </>
                )}
                {exp.kind === "ratify" && (
                  <>
                    <PackageTable
                      room={room}
                      values={(exp.draft as Held).outcome}
                      caption={`${exp.final ? "Final vote" : "Straw poll"} on the draft: your utility ${fmt((exp.draft as Held).utility ?? 0)}`}
                    />
                    <Group mt="sm">
                      <Button disabled={busy} color={TONE.good} onClick={() => move({ type: "ratify" })}>
                        Ratify
                      </Button>
                      <Button disabled={busy} color={TONE.bad} onClick={() => move({ type: "reject" })}>
                        Reject
                      </Button>
                    </Group>
                  </>
                )}
                {exp.kind === "offer" && (
                  <Stack gap="xs" mt="sm">
                    <Title order={3} size="h4">
                      {exp.offer ? "Counter-offer" : "Your offer"}
                    </Title>
                    <PackageBuilder room={room} values={values} onChange={setValues} />
                    <Text fw={600} aria-live="polite">
                      Your utility of this offer: {utility !== undefined ? fmt(utility) : "—"}
                      {utility !== undefined && utility < reservation
                        ? " (below your reservation value)"
                        : ""}
                    </Text>
                    <Group>
                      <Button disabled={busy} onClick={() => move({ type: "offer", outcome: values })}>
                        {exp.offer ? "Send counter-offer" : "Send offer"}
                      </Button>
                      {exp.moves.includes("accept") && (
                        <Button disabled={busy} color={TONE.good} onClick={() => move({ type: "accept" })}>
                          Accept the standing offer
                        </Button>
                      )}
                    </Group>
                  </Stack>
                )}
                {exp.moves.includes("end") && (
                  <Button
                    mt="sm"
                    variant="outline"
                    color={TONE.bad}
                    disabled={busy}
                    onClick={() => move({ type: "end" })}
                  >
                    End the negotiation (no deal)
                  </Button>
                )}
              </Paper>
            )}
            <UtilityOverTime room={room} reservation={reservation} />
            <History room={room} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <Preferences room={room} best={own ? bestValues(own.fn) : new Map()} />
            <section aria-labelledby="suggest-title">
              <Title order={2} size="h4" id="suggest-title">
                Confidential suggestions
              </Title>
              <Text size="sm">
                Packages that leave nobody worse off than what is on the table; you see only your own utility.
              </Text>
              <Button
                size="xs"
                mt={4}
                variant="outline"
                onClick={() =>
                  fetchSuggestions(room.id, token).then(
                    (r) =>
                      setSuggested((r as { packages: { outcome: Values; utility?: number }[] }).packages),
                    (err: unknown) => setError(err instanceof Error ? err.message : String(err)),
                  )
                }
              >
                Ask for suggestions
              </Button>
              {suggested?.length === 0 && <Text size="sm">No package improves on it for everyone.</Text>}
              {suggested?.map((s, k) => (
                <Group key={JSON.stringify(s.outcome)} gap="xs" mt={4}>
                  <Text size="sm">
                    Package {k + 1}: your utility {fmt(s.utility ?? 0)}
                  </Text>
                  <Button size="compact-xs" variant="subtle" onClick={() => setValues(s.outcome)}>
                    Put in the builder
                  </Button>
                </Group>
              ))}
            </section>
            <Chat
              room={room}
              channels={[
                { label: "Everyone" },
                ...(room.mediator ? [{ label: "The mediator (private)", to: "mediator" as const }] : []),
              ]}
              onSend={(text, to) => sendChat(room.id, token, text, to)}
            />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** The party's own profile: only this seat receives it. `best`: per point, the value it scores best. */
function Preferences({ room, best }: { room: RoomView; best: Map<string, string | number> }) {
  const p = room.profile as { reservation?: number; weights?: Record<string, number> } | undefined;
  if (!p) return null;
  return (
    <section aria-labelledby="prefs-title">
      <Title order={2} size="h4" id="prefs-title">
        Your preferences (private)
      </Title>
      <Text size="sm">
        Reservation value (what no deal is worth to you): {fmt(Number(p.reservation ?? 0))}
      </Text>
      {p.weights && (
        <Table verticalSpacing={2} fz="sm" aria-labelledby="prefs-title">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Point</Table.Th>
              <Table.Th>Weight</Table.Th>
              <Table.Th>Best option</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {Object.entries(p.weights)
              .sort((a, b) => b[1] - a[1])
              .map(([issue, w]) => (
                <Table.Tr key={issue}>
                  <Table.Td>{issue}</Table.Td>
                  <Table.Td>{w.toFixed(2)}</Table.Td>
                  <Table.Td>{String(best.get(issue) ?? "")}</Table.Td>
                </Table.Tr>
              ))}
          </Table.Tbody>
        </Table>
      )}
    </section>
  );
}
