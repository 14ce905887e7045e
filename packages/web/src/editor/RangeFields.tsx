import { Group, Text } from "@mantine/core";
import type { Problem } from "./check";
import type { Draft } from "./draft";
import { setRange } from "./edits";
import { NumberField } from "./NumberField";

interface Props {
  draft: Draft;
  index: number;
  onChange: (d: Draft) => void;
  problem?: Problem;
}

/**
 * A number range's min and max (and a real range's grid steps), each with the core's message at
 * it. Decimals are let through on an integer range too, so a bound kept from a real range shows
 * as it is, with the core's "expected an integer" beside it.
 */
export function RangeFields({ draft, index: i, onChange, problem }: Props) {
  const point = draft.points[i];
  const label = `point ${i + 1}`;
  const integer = point.kind === "integer";
  const at = (bound: Problem["bound"]) => (problem && problem.bound === bound ? problem.reason : undefined);
  return (
    <>
      <Group grow align="flex-start">
        <NumberField
          label="Min"
          aria-label={`Min of ${label}`}
          value={point.range.min}
          error={at("min")}
          onValue={(v) => onChange(setRange(draft, i, { min: v }))}
        />
        <NumberField
          label="Max"
          aria-label={`Max of ${label}`}
          value={point.range.max}
          error={at("max")}
          onValue={(v) => onChange(setRange(draft, i, { max: v }))}
        />
        {!integer && (
          <NumberField
            label="Steps"
            aria-label={`Steps of ${label}`}
            description="Grid values the analysis tries, ends included"
            allowDecimal={false}
            value={point.range.steps}
            error={at("steps")}
            onValue={(v) => onChange(setRange(draft, i, { steps: v }))}
          />
        )}
      </Group>
      <Text size="sm" className="muted">
        {integer
          ? `An offer gives any whole number from ${point.range.min} to ${point.range.max}.`
          : `An offer gives any number from ${point.range.min} to ${point.range.max}; the analysis tries ${point.range.steps} evenly spaced values.`}{" "}
        Each party scores the range with a curve, below.
      </Text>
    </>
  );
}
