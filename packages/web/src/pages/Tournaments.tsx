import { Alert, Anchor, Stack, Table, Text, Title } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "react-router";
import { listScenarios } from "../api";
import { TONE } from "../components/colors";
import { ErrorBox, Loading } from "../components/status";
import { requestText, StateBadge } from "../tournaments/parts";
import { TournamentForm } from "../tournaments/TournamentForm";
import { createTournament, isActive, listAgents, listTournaments } from "../tournaments/tournaments-api";

/** Start a tournament of agents on bundled scenarios; the tournaments this server ran or runs. */
export default function Tournaments() {
  const scenarios = useQuery({ queryKey: ["scenarios"], queryFn: listScenarios, staleTime: 60_000 });
  const agents = useQuery({ queryKey: ["agents"], queryFn: listAgents, staleTime: 60_000 });
  const list = useQuery({
    queryKey: ["tournaments"],
    queryFn: listTournaments,
    refetchInterval: (q) => (q.state.data?.some((t) => isActive(t.state)) ? 2000 : false),
  });
  const navigate = useNavigate();
  const create = useMutation({
    mutationFn: createTournament,
    onSuccess: ({ id }) => navigate(`/tournaments/${id}`),
  });
  return (
    <Stack gap="xl" maw={1000}>
      <Title order={1}>Tournaments</Title>
      <Text>
        Every agent negotiates against every other, in every role, on each scenario you pick, as many times as
        you ask: the leaderboard ranks them by mean utility with 95% confidence intervals. Tournaments run on
        the server, one after another.
      </Text>
      <section aria-labelledby="new-title">
        <Title order={2} size="h3" id="new-title" mb="sm">
          New tournament
        </Title>
        {(scenarios.isPending || agents.isPending) && <Loading what="Loading the scenarios and agents…" />}
        {scenarios.isError && <ErrorBox title="The scenarios could not be loaded" error={scenarios.error} />}
        {agents.isError && <ErrorBox title="The agents could not be loaded" error={agents.error} />}
        {scenarios.data && agents.data && (
          <TournamentForm
            scenarios={scenarios.data}
            agents={agents.data}
            pending={create.isPending}
            onSubmit={(request) => create.mutate(request)}
            onChange={() => create.isError && create.reset()}
          />
        )}
        {create.isError && (
          <Alert color={TONE.bad} title="The tournament could not be started" role="alert" mt="md">
            {create.error.message}
          </Alert>
        )}
      </section>
      <section aria-labelledby="list-title">
        <Title order={2} size="h3" id="list-title" mb="sm">
          On this server
        </Title>
        {list.isPending && <Loading what="Loading the tournaments…" />}
        {list.isError && <ErrorBox title="The tournaments could not be loaded" error={list.error} />}
        {list.data?.length === 0 && <Text>No tournament yet: start one above.</Text>}
        {list.data && list.data.length > 0 && (
          <Table.ScrollContainer minWidth={640}>
            <Table striped verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Created</Table.Th>
                  <Table.Th scope="col">What</Table.Th>
                  <Table.Th scope="col">State</Table.Th>
                  <Table.Th scope="col">Negotiations</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.map((t) => (
                  <Table.Tr key={t.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/tournaments/${t.id}`}>
                        {new Date(t.createdAt).toLocaleString()}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      {t.request.agents.join(", ")} on {t.request.scenarios.join(", ")}
                      <Text size="xs">{requestText(t.request)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <StateBadge state={t.state} />
                    </Table.Td>
                    <Table.Td>
                      {t.counts.finished} of {t.counts.planned}
                      {t.counts.failed > 0 ? ` (${t.counts.failed} failed)` : ""}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </section>
    </Stack>
  );
}
