import { Alert, Button, Group, Stack, Table, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { TONE } from "../components/colors";
import { PointStatusBadge } from "../components/PointStatus";
import { ErrorBox, Loading } from "../components/status";
import { MediateButton } from "../rooms/MediateButton";
import { optionText, pointTitle } from "../scenarios/describe";
import { PEACE_PLAN, useScenario } from "../scenarios/load";

/** The case that started Parley: the 20-point plan, its record, its analysis and a room to mediate it. */
export default function Home() {
  const query = useScenario(PEACE_PLAN);
  if (query.isPending) return <Loading what="Loading the peace plan…" />;
  if (query.isError) return <ErrorBox title="The peace plan could not be loaded" error={query.error} />;
  const { scenario, status, draft } = query.data;
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{scenario.title ?? scenario.name}</Title>
        <Text mt="xs" maw={820}>
          A mediator shuttles a single 20-point text between two warring parties, with the European allies at
          the table. After months of talks every point but one is close to settled. Which point blocks the
          deal, and which concessions could unblock it?
        </Text>
      </div>
      <Alert color={TONE.warn} title="Invented preferences" variant="light">
        The points and options follow a news report; the parties' weights, values, reservation values and red
        lines are invented for demonstration, not an assessment of any government's position.
      </Alert>
      <Group>
        <Button component={Link} to={`/scenarios/${PEACE_PLAN}`}>
          Analyse the draft
        </Button>
        <Button component={Link} to={`/scenarios/${PEACE_PLAN}/record`} variant="outline">
          Read the record
        </Button>
        {/* The visitor takes the mediator's seat: the plan's own mediator party is not seated. */}
        <MediateButton
          parties={scenario.parties.flatMap((p, k) => (p.role?.startsWith("mediator") ? [] : [k]))}
        />
      </Group>
      <section aria-labelledby="points-title">
        <Title order={2} id="points-title" size="h3">
          The {scenario.space.issues.length} points
        </Title>
        {status && <Text className="muted">{status.summary}</Text>}
        <Table striped mt="sm" aria-labelledby="points-title">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>#</Table.Th>
              <Table.Th>Point</Table.Th>
              <Table.Th>Status in the record</Table.Th>
              <Table.Th>In the draft</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {scenario.space.issues.map((issue, i) => (
              <Table.Tr key={issue.name}>
                <Table.Td>{i + 1}</Table.Td>
                <Table.Td>{pointTitle(scenario, i)}</Table.Td>
                <Table.Td>{status && <PointStatusBadge status={status.points[i].status} />}</Table.Td>
                <Table.Td>
                  {draft?.[i] == null ? (
                    <Text fs="italic">open</Text>
                  ) : (
                    optionText(scenario, i, draft[i] as number)
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </section>
      <Text size="sm">
        Parties: {scenario.parties.map((p) => p.name).join(", ")}. Explore other scenarios in the{" "}
        <Link to="/library">library</Link>.
      </Text>
    </Stack>
  );
}
