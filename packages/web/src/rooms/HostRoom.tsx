import {
  Anchor,
  Button,
  CopyButton,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { TONE } from "../components/colors";
import { History, OutcomePanel, partyName, RoomHeader, type RoomPageProps } from "./parts";
import { createdRoom } from "./rooms-api";
import type { RoomView } from "./types";

/** Whether a person's seat has opened its link yet, and whether it is connected now. */
export function presence(room: RoomView, seat: number | "mediator"): string {
  const joined = room.history.some(
    (e) =>
      e.kind === "join" &&
      (seat === "mediator"
        ? e.actor.role === "mediator"
        : e.actor.role === "party" && e.actor.party === seat),
  );
  if (!joined) return "not joined yet";
  const sockets = room.connected?.find((c) => c.party === seat)?.sockets ?? 0;
  return sockets > 0 ? "joined, connected now" : "joined, not connected now";
}

/** The waiting room: one invitation link per person seat, who sits where, and the room as it goes. */
export function HostRoom({ room, token, connection }: RoomPageProps) {
  const created = createdRoom(room.id);
  const link = (path: string) => `${location.origin}${path}`;
  const invitations = [
    ...(created?.mediator ? [{ who: "Mediator", url: created.mediator.url }] : []),
    ...(created?.seats ?? [])
      .filter((s) => room.seats.find((r) => r.party === s.party)?.kind === "person")
      .map((s) => ({ who: partyName(room, s.party), url: s.url })),
  ];
  return (
    <Stack gap="md">
      <RoomHeader room={room} connection={connection} who="Your room" />
      <OutcomePanel room={room} />
      <Paper withBorder p="sm">
        <Title order={2} size="h3">
          Invitations
        </Title>
        {invitations.length === 0 ? (
          <Text size="sm">
            {created
              ? "Every seat is an agent: nobody needs an invitation."
              : "The invitation links were shown in the tab that created the room."}
          </Text>
        ) : (
          <Stack gap="xs" mt="xs">
            <Text size="sm">Send each person their own link: it opens their seat, and only theirs.</Text>
            {invitations.map((inv) => (
              <Group key={inv.url} gap="xs" wrap="nowrap">
                <TextInput
                  readOnly
                  label={`Link for ${inv.who}`}
                  value={link(inv.url)}
                  style={{ flex: 1 }}
                  onFocus={(e) => e.currentTarget.select()}
                />
                <CopyButton value={link(inv.url)}>
                  {({ copied, copy }) => (
                    <Button
                      mt={24}
                      size="sm"
                      color={copied ? TONE.good : undefined}
                      onClick={copy}
                      aria-label={`Copy the link for ${inv.who}`}
                    >
                      {copied ? "Copied" : "Copy"}
                    </Button>
                  )}
                </CopyButton>
                <Anchor mt={24} href={inv.url} target="_blank" size="sm">
                  Open
                </Anchor>
              </Group>
            ))}
          </Stack>
        )}
      </Paper>
      <section aria-labelledby="seats-title">
        <Title order={2} size="h4" id="seats-title">
          Seats
        </Title>
        <Table verticalSpacing={2} aria-labelledby="seats-title">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Seat</Table.Th>
              <Table.Th>Seated by</Table.Th>
              <Table.Th>Here</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {room.seats.map((s) => (
              <Table.Tr key={s.party}>
                <Table.Td>{partyName(room, s.party)}</Table.Td>
                <Table.Td>{s.kind === "agent" ? `agent (${s.agent})` : "person"}</Table.Td>
                <Table.Td>{s.kind === "agent" ? "on the server" : presence(room, s.party)}</Table.Td>
              </Table.Tr>
            ))}
            {room.mediator && (
              <Table.Tr>
                <Table.Td>Mediator</Table.Td>
                <Table.Td>
                  {room.mediator.kind === "agent" ? `agent (${room.mediator.agent})` : "person"}
                </Table.Td>
                <Table.Td>
                  {room.mediator.kind === "agent" ? "on the server" : presence(room, "mediator")}
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
        <Text size="sm" mt={4}>
          {room.state === "waiting"
            ? "Waiting for the first move."
            : room.state === "running"
              ? "The negotiation is under way."
              : "The negotiation is over."}
        </Text>
      </section>
      {room.state === "ended" && (
        <Button
          variant="outline"
          w="fit-content"
          onClick={async () => {
            const res = await fetch(`/api/rooms/${room.id}/export`, {
              headers: { Authorization: `Bearer ${token}` },
            });
            const blob = new Blob([await res.text()], { type: "application/json" });
            const a = document.createElement("a");
            a.href = URL.createObjectURL(blob);
            a.download = `room-${room.id}-record.json`;
            a.click();
          }}
        >
          Download the room's record
        </Button>
      )}
      <History room={room} />
    </Stack>
  );
}
