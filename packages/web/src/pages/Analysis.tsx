import { Anchor, Button, Group, NativeSelect, Stack, Text, Title } from "@mantine/core";
import type { Scenario } from "@parley/core";
import { useMemo, useState } from "react";
import { Link, useParams } from "react-router";
import { AnalysisStatus } from "../analysis/AnalysisStatus";
import { BlockingPanel } from "../analysis/BlockingPanel";
import { DraftPanel } from "../analysis/DraftPanel";
import { PointsTable } from "../analysis/PointsTable";
import { SolutionsTable } from "../analysis/SolutionsTable";
import { TradesTable } from "../analysis/TradesTable";
import type { AnalysisRequest } from "../analysis/types";
import { UtilitySpace } from "../analysis/UtilitySpace";
import { useAnalysis } from "../analysis/use-analysis";
import { ErrorBox, Loading } from "../components/status";
import { type LoadedScenario, useScenario } from "../scenarios/load";

export default function AnalysisPage() {
  const key = useParams().key!;
  const query = useScenario(key);
  if (query.isPending) return <Loading what="Loading the scenario…" />;
  if (query.isError)
    return <ErrorBox title={`The scenario "${key}" could not be loaded`} error={query.error} />;
  return <Analysis loaded={query.data} key={key} />;
}

const openAll = (s: Scenario) => s.space.issues.map(() => null);

function Analysis({ loaded }: { loaded: LoadedScenario }) {
  const { scenario, json } = loaded;
  const parties = scenario.parties.map((p) => p.name);
  const start = loaded.draft ?? openAll(scenario);
  const [settled, setFixed] = useState<(number | null)[]>(start);
  const [review, setReview] = useState<number[] | undefined>(undefined);
  const [pair, setPair] = useState<[number, number]>([0, 1]);
  const [run, setRun] = useState(0);
  // A new request object per "Run again" (run) restarts the worker after a cancel.
  const request = useMemo<AnalysisRequest>(
    () => ({ json, settled, draft: review, run }),
    [json, settled, review, run],
  );
  const { state, cancel } = useAnalysis(request);
  const result =
    state.status === "done"
      ? state.result
      : state.status === "running" || state.status === "cancelled"
        ? state.previous
        : undefined;
  const setPoint = (issue: number, option: number | null) => {
    setReview(undefined);
    setFixed((f) => f.map((x, i) => (i === issue ? option : x)));
  };

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>Analysis: {scenario.title ?? scenario.name}</Title>
        <Group gap="md" mt={4}>
          <Text className="muted">
            {parties.length} parties, {scenario.space.issues.length} points
          </Text>
          {loaded.record && (
            <Anchor component={Link} to={`/scenarios/${encodeURIComponent(loaded.key)}/record`}>
              Read the record
            </Anchor>
          )}
        </Group>
      </div>
      <AnalysisStatus state={state} onCancel={cancel} onRerun={() => setRun((r) => r + 1)} />
      {result && (
        <>
          <BlockingPanel result={result} scenario={scenario} hasDraft={loaded.draft !== undefined} />
          <section aria-labelledby="space-title">
            <Title order={2} size="h3" id="space-title">
              Utility space
            </Title>
            {parties.length > 2 && (
              <Group my="xs">
                {(["Horizontal axis", "Vertical axis"] as const).map((label, axis) => (
                  <NativeSelect
                    key={label}
                    label={label}
                    value={String(pair[axis])}
                    data={parties.map((p, i) => ({ value: String(i), label: p }))}
                    onChange={(e) => {
                      const next: [number, number] = [...pair];
                      next[axis] = Number(e.currentTarget.value);
                      setPair(next);
                    }}
                  />
                ))}
              </Group>
            )}
            <Group align="flex-start" gap="xl" wrap="wrap">
              <UtilitySpace result={result} scenario={scenario} pair={pair} />
              <SolutionsTable result={result} scenario={scenario} onReview={setReview} />
            </Group>
          </section>
          <PointsTable
            result={result}
            scenario={scenario}
            settled={settled}
            onSet={setPoint}
            actions={
              <Group gap="xs">
                {loaded.draft && (
                  <Button size="xs" variant="outline" onClick={() => setFixed(loaded.draft!)}>
                    Back to the draft
                  </Button>
                )}
                <Button size="xs" variant="outline" onClick={() => setFixed(openAll(scenario))}>
                  Open every point
                </Button>
              </Group>
            }
          />
          <DraftPanel
            result={result}
            scenario={scenario}
            settled={settled}
            review={review}
            onReview={setReview}
          />
          <TradesTable result={result} scenario={scenario} />
        </>
      )}
    </Stack>
  );
}
