import { Alert, Text } from "@mantine/core";
import { TONE } from "../components/colors";
import { countText } from "../scenarios/describe";
import type { DraftCheck } from "./check";

/** The live verdict on the draft, as the `parley` command would give it; read out when it changes. */
export function CheckSummary({ check }: { check: DraftCheck }) {
  const { scenario, error } = check;
  return (
    <div aria-live="polite">
      {scenario && (
        <Alert color={TONE.good} title="This scenario reads without errors">
          <Text size="sm">
            {scenario.parties.length} parties, {scenario.space.issues.length} points,{" "}
            {countText(scenario.space.size.toString())} packages. Save it to analyse it or to open a room with
            it.
          </Text>
        </Alert>
      )}
      {error && (
        <Alert color={TONE.bad} title="This scenario cannot be read yet">
          <Text size="sm">
            {error.reason} <code>({error.field})</code>
            {error.point !== undefined &&
              error.party === undefined &&
              ` — see point ${error.point + 1} below.`}
            {error.party !== undefined && ` — see party ${error.party + 1} below.`}
          </Text>
        </Alert>
      )}
    </div>
  );
}
