import { Alert, Anchor, Group, Progress, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { TONE } from "../components/colors";
import { ErrorBox, Loading } from "../components/status";
import { VegaChart } from "../plots/VegaChart";
import { LeaderboardTable } from "../tournaments/LeaderboardTable";
import { PairwiseTable } from "../tournaments/PairwiseTable";
import { requestText, StateBadge } from "../tournaments/parts";
import { TournamentActions } from "../tournaments/TournamentActions";
import {
  csvHref,
  getTournament,
  isActive,
  type TournamentView,
  tournamentPlot,
} from "../tournaments/tournaments-api";

/** One tournament: its progress while it runs (polled), then the leaderboard, its plots and the CSVs. */
export default function Tournament() {
  const { id = "" } = useParams();
  const query = useQuery({
    queryKey: ["tournament", id],
    queryFn: () => getTournament(id),
    refetchInterval: (q) => (q.state.data && isActive(q.state.data.state) ? 1000 : false),
  });
  const t = query.data;
  return (
    <Stack gap="lg" maw={1000}>
      <Anchor component={Link} to="/tournaments" w="fit-content">
        ← All tournaments
      </Anchor>
      <Title order={1}>Tournament</Title>
      {query.isPending && <Loading what="Loading the tournament…" />}
      {query.isError && <ErrorBox title="The tournament could not be loaded" error={query.error} />}
      {t && <TournamentBody t={t} />}
    </Stack>
  );
}

function TournamentBody({ t }: { t: TournamentView }) {
  const active = isActive(t.state);
  const { planned, finished, failed } = t.counts;
  const board = t.leaderboard;
  return (
    <>
      <Group gap="sm">
        <StateBadge state={t.state} />
        <Text>{requestText(t.request)}</Text>
      </Group>
      <Text size="sm">
        Scenarios: {t.request.scenarios.join(", ")}. Agents: {t.request.agents.join(", ")}.
      </Text>
      <section aria-labelledby="progress-title">
        <Title order={2} size="h3" id="progress-title" mb="xs">
          Progress
        </Title>
        <Progress
          value={planned > 0 ? (100 * finished) / planned : 0}
          aria-label="Negotiations finished"
          size="lg"
          animated={t.state === "running"}
        />
        <Text mt="xs" role="status">
          {finished.toLocaleString("en")} of {planned.toLocaleString("en")} negotiations finished
          {failed > 0 ? `, ${failed} failed` : ""}
          {t.state === "queued" ? "; waiting for the tournaments before it" : ""}.
        </Text>
        {t.resumedFrom && (
          <Text size="sm">
            Resumed after a server restart: {t.resumedFrom.finished} negotiations were already stored.
          </Text>
        )}
        {t.state === "failed" && (
          <Alert color={TONE.bad} title="The tournament failed" role="alert" mt="sm">
            {t.error}
          </Alert>
        )}
        <TournamentActions t={t} />
      </section>
      <section aria-labelledby="board-title">
        <Title order={2} size="h3" id="board-title" mb="xs">
          Leaderboard
        </Title>
        {board ? (
          <>
            <LeaderboardTable
              board={board}
              caption={
                board.negotiations < board.planned
                  ? `So far: ${board.negotiations} of ${board.planned} negotiations. Utility: mean over each agent's seats; CI: Student-t 95%.`
                  : `All ${board.negotiations} negotiations. Utility: mean over each agent's seats; CI: Student-t 95%.`
              }
            />
            {t.retired.map((r) => (
              <Text key={r.agent} c={TONE.bad}>
                Retired: {r.agent}, {r.reason}; its remaining negotiations failed.
              </Text>
            ))}
            {board.agents.length > 1 && (
              <>
                <Title order={3} size="h4" mt="md" mb="xs">
                  Head to head
                </Title>
                <PairwiseTable pairwise={board.pairwise} />
              </>
            )}
            <Group mt="sm">
              <Anchor href={csvHref(t.id, "leaderboard")} download>
                Download the leaderboard (CSV)
              </Anchor>
              <Anchor href={csvHref(t.id, "results")} download>
                Download every negotiation's result (CSV)
              </Anchor>
            </Group>
          </>
        ) : (
          <Text>No negotiation has finished yet.</Text>
        )}
      </section>
      {board && !active && <Plots id={t.id} finished={finished} />}
    </>
  );
}

/** The core's leaderboard and utility-distribution charts, drawn once the tournament has stopped. */
function Plots({ id, finished }: { id: string; finished: number }) {
  const plot = useQuery({ queryKey: ["tournament-plot", id, finished], queryFn: () => tournamentPlot(id) });
  return (
    <section aria-labelledby="plots-title">
      <Title order={2} size="h3" id="plots-title" mb="xs">
        Plots
      </Title>
      {plot.isPending && <Loading what="Loading the plots…" />}
      {plot.isError && <ErrorBox title="The plots could not be loaded" error={plot.error} />}
      {plot.data && (
        <VegaChart
          spec={plot.data}
          label="Mean utility per agent with its 95% interval, and each agent's utility distribution"
        />
      )}
    </section>
  );
}
