import { Alert, Text } from "@mantine/core";
import { TONE } from "../components/colors";
import type { Problem } from "./check";

/** A problem shown where it is: why, and the field as the file (and the `parley` command) names it. */
export function ProblemText({ problem, warning = false }: { problem: Problem; warning?: boolean }) {
  return (
    <Alert color={warning ? TONE.warn : TONE.bad} p="xs" title={warning ? "Check this" : "Fix this"}>
      <Text size="sm">
        {problem.reason} <code>({problem.field})</code>
      </Text>
    </Alert>
  );
}
