import { Alert, Button, Group, Loader, Progress, Stack, Text } from "@mantine/core";
import { useEffect, useState } from "react";
import { TONE } from "../components/colors";
import type { AnalysisState } from "./use-analysis";

/** Progress of the worker's analysis with a Cancel button; what a cancel or failure left. */
export function AnalysisStatus({
  state,
  onCancel,
  onRerun,
}: {
  state: AnalysisState;
  onCancel: () => void;
  onRerun: () => void;
}) {
  const [now, setNow] = useState(performance.now());
  const running = state.status === "running";
  useEffect(() => {
    if (!running) return;
    const t = setInterval(() => setNow(performance.now()), 200);
    return () => clearInterval(t);
  }, [running]);
  if (state.status === "running") {
    const percent = Math.round(state.fraction * 100);
    return (
      <Stack gap={4} maw={560}>
        <Group gap="sm" role="status" aria-live="polite">
          <Loader size="sm" aria-hidden />
          <Text>
            Analysing: {state.stage}… {percent}% · {((now - state.startedAt) / 1000).toFixed(1)} s
          </Text>
          <Button size="xs" color={TONE.bad} variant="outline" onClick={onCancel}>
            Cancel
          </Button>
        </Group>
        <Progress.Root size="md">
          <Progress.Section value={percent} color={TONE.info} aria-label="Analysis progress" />
        </Progress.Root>
      </Stack>
    );
  }
  if (state.status === "cancelled")
    return (
      <Alert color={TONE.warn} title="Analysis cancelled">
        {state.previous ? "Showing the previous result. " : ""}
        <Button size="xs" ml="sm" onClick={onRerun}>
          Run it again
        </Button>
      </Alert>
    );
  if (state.status === "error")
    return (
      <Alert color={TONE.bad} title="The analysis failed" role="alert">
        {state.message}
      </Alert>
    );
  if (state.status === "done")
    return (
      <Text size="sm" className="muted" role="status">
        Analysed in{" "}
        {state.result.millis < 1000
          ? `${Math.round(state.result.millis)} ms`
          : `${(state.result.millis / 1000).toFixed(1)} s`}
        , in a background worker.
      </Text>
    );
  return null;
}
