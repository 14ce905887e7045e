import { Anchor, Badge, Card, Group, Stack, Table, Text, Title } from "@mantine/core";
import { describeWhen, type NegotiationRecord, type RecordEvent, type Scenario } from "@parley/core";
import { Link, useParams } from "react-router";
import { TONE } from "../components/colors";
import { PointStatusBadge } from "../components/PointStatus";
import { ErrorBox, Loading } from "../components/status";
import { useScenario } from "../scenarios/load";

export default function RecordPage() {
  const key = useParams().key!;
  const query = useScenario(key);
  if (query.isPending) return <Loading what="Loading the record…" />;
  if (query.isError)
    return <ErrorBox title={`The record of "${key}" could not be loaded`} error={query.error} />;
  const { scenario, record, status } = query.data;
  if (!record || !status)
    return (
      <Stack>
        <Title order={1}>Record</Title>
        <Text>The scenario "{scenario.name}" has no record.</Text>
      </Stack>
    );
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>Record: {record.title ?? scenario.title ?? scenario.name}</Title>
        <Group gap="md" mt={4}>
          <Text className="muted">{status.summary}</Text>
          <Anchor component={Link} to={`/scenarios/${encodeURIComponent(key)}`}>
            Open the analysis
          </Anchor>
        </Group>
        {record.description && (
          <Text mt="sm" maw={860}>
            {record.description}
          </Text>
        )}
      </div>
      <Group align="flex-start" gap="xl" wrap="wrap">
        <section aria-labelledby="timeline-title" style={{ flex: "2 1 560px" }}>
          <Title order={2} size="h3" id="timeline-title" mb="sm">
            Timeline
          </Title>
          <Stack gap="sm" component="ol" style={{ listStyle: "none", padding: 0, margin: 0 }}>
            {record.events.map((e, n) => (
              <li key={e.id} id={`event-${e.id}`}>
                <EventCard event={e} number={n + 1} record={record} scenario={scenario} />
              </li>
            ))}
          </Stack>
        </section>
        <section aria-labelledby="status-title" style={{ flex: "1 1 300px" }}>
          <Title order={2} size="h3" id="status-title" mb="sm">
            Each point's status
          </Title>
          <Table aria-labelledby="status-title" verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Point</Table.Th>
                <Table.Th>Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {status.points.map((p) => (
                <Table.Tr key={p.name}>
                  <Table.Td>{p.title ?? p.name}</Table.Td>
                  <Table.Td>
                    <PointStatusBadge status={p.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Title order={2} size="h3" mt="lg" mb="sm">
            People
          </Title>
          <Stack gap={6}>
            {record.people.map((p) => (
              <Text key={p.id} size="sm">
                <b>{p.name}</b>
                {p.role ? `, ${p.role}` : ""}
                {p.party ? ` (${p.party})` : ""}
              </Text>
            ))}
          </Stack>
        </section>
      </Group>
    </Stack>
  );
}

const TYPE_COLOR: Record<RecordEvent["type"], string> = {
  meeting: TONE.info,
  statement: TONE.accent,
  proposal: TONE.teal,
  status: TONE.orange,
};

function EventCard({
  event,
  number,
  record,
  scenario,
}: {
  event: RecordEvent;
  number: number;
  record: NegotiationRecord;
  scenario: Scenario;
}) {
  const person = (id: string) => record.people.find((p) => p.id === id)?.name ?? id;
  const titleOf = (id: string) => {
    const k = record.events.findIndex((e) => e.id === id);
    return k < 0 ? id : `#${k + 1} (${record.events[k].title})`;
  };
  const source = event.source && record.sources.find((s) => s.id === event.source);
  return (
    <Card withBorder padding="sm">
      <Group gap="xs" mb={4}>
        <Text fw={700}>#{number}</Text>
        <Badge color={TYPE_COLOR[event.type]} variant="filled" radius="sm">
          {event.type}
        </Badge>
        {event.basis === "modelled" && (
          <Badge color={TONE.neutral} variant="outline" radius="sm">
            modelled
          </Badge>
        )}
        <Text size="sm" className="muted">
          {describeWhen(event.when, titleOf)}
        </Text>
      </Group>
      <Title order={3} size="h5">
        {event.title}
      </Title>
      {event.type === "meeting" && (
        <Stack gap={2} mt={4}>
          <Text size="sm">
            {event.where ? `${event.where}. ` : ""}Present: {event.participants.map(person).join(", ")}
            {event.duration ? `. Duration: ${event.duration.reported}` : ""}
          </Text>
          {event.summary && <Text size="sm">{event.summary}</Text>}
        </Stack>
      )}
      {event.type === "statement" && (
        <Stack gap={2} mt={4}>
          <Text size="sm" component="blockquote" m={0} pl="sm" style={{ borderLeft: "3px solid #ccc" }}>
            {event.quoted && !/^["“]/.test(event.words) ? `“${event.words}”` : event.words}
          </Text>
          <Text size="sm">
            Said by <b>{person(event.who)}</b>
            {event.quoted ? " (quoted)" : " (paraphrased)"}
            {event.reportedBy ? `; reported by ${event.reportedBy}` : ""}
            {event.where ? `; ${event.where}` : ""}
            {event.about.length > 0 ? `. About: ${event.about.join(", ")}` : ""}
          </Text>
        </Stack>
      )}
      {event.type === "proposal" && (
        <Text size="sm" mt={4}>
          Tabled by <b>{event.party}</b>: {Object.keys(event.terms).length} of {scenario.space.issues.length}{" "}
          points drafted
          {scenario.space.issues.some((i) => !(i.name in event.terms))
            ? `; open: ${scenario.space.issues
                .filter((i) => !(i.name in event.terms))
                .map((i) => i.name)
                .join(", ")}`
            : ""}
          .
        </Text>
      )}
      {event.type === "status" && (
        <Group gap="xs" mt={4}>
          <PointStatusBadge status={event.status} />
          <Text size="sm">
            {event.points.length > 3 ? `${event.points.length} points` : event.points.join(", ")}, because of{" "}
            <Anchor href={`#event-${event.cause}`}>{titleOf(event.cause)}</Anchor>
          </Text>
        </Group>
      )}
      {(source || event.note) && (
        <Text size="xs" mt={6} className="muted">
          {source ? `Source: ${source.title}. ` : ""}
          {event.note}
        </Text>
      )}
    </Card>
  );
}
