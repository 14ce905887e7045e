import { Button, Card, Group, Radio, Stack, Text, TextInput, Title } from "@mantine/core";
import type { Problem } from "./check";
import type { Draft, PointKind } from "./draft";
import {
  addOption,
  moveOption,
  movePoint,
  removeOption,
  removePoint,
  setOption,
  setPoint,
  setPointKind,
} from "./edits";
import { MoveButtons } from "./MoveButtons";
import { ProblemText } from "./ProblemText";
import { RangeFields } from "./RangeFields";

const KINDS: { value: PointKind; label: string }[] = [
  { value: "options", label: "Named options" },
  { value: "integer", label: "Whole numbers" },
  { value: "real", label: "Real numbers" },
];

interface Props {
  draft: Draft;
  index: number;
  onChange: (d: Draft) => void;
  problem?: Problem;
  warnings: Problem[];
}

/**
 * One point: its name, title and description, its kind, and its options (add, rename, describe,
 * reorder) or its number range.
 */
export function PointCard({ draft, index: i, onChange, problem, warnings }: Props) {
  const point = draft.points[i];
  const label = `point ${i + 1}`;
  const optionProblem = problem?.option;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={`point-${i}-title`}>
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5" id={`point-${i}-title`}>
          Point {i + 1}: {point.title || point.name || "(no name)"}
        </Title>
        <MoveButtons
          id={`point-${point.id}`}
          what={`point "${point.name}"`}
          index={i}
          count={draft.points.length}
          onMove={(delta) => onChange(movePoint(draft, i, delta))}
          onRemove={() => onChange(removePoint(draft, i))}
        />
      </Group>
      <Stack gap="xs">
        <Group grow align="flex-start">
          <TextInput
            label="Name"
            description="Its identity in files and packages"
            value={point.name}
            onChange={(e) => onChange(setPoint(draft, i, { name: e.currentTarget.value }))}
          />
          <TextInput
            label="Title (optional)"
            description="What people read"
            value={point.title}
            onChange={(e) => onChange(setPoint(draft, i, { title: e.currentTarget.value }))}
          />
        </Group>
        <TextInput
          label="Description (optional)"
          value={point.description}
          onChange={(e) => onChange(setPoint(draft, i, { description: e.currentTarget.value }))}
        />
        <Radio.Group
          label={`Kind of ${label}`}
          value={point.kind}
          onChange={(v) => onChange(setPointKind(draft, i, v as PointKind))}
        >
          <Group mt={4}>
            {KINDS.map((k) => (
              <Radio key={k.value} value={k.value} label={k.label} />
            ))}
          </Group>
        </Radio.Group>
        {point.kind !== "options" && (
          <>
            <RangeFields draft={draft} index={i} onChange={onChange} problem={problem} />
            <Text size="sm" className="muted">
              Its options ({point.options.map((o) => o.value).join(", ")}) and each party's values for them
              are kept: choose Named options again to use them.
            </Text>
          </>
        )}
        {problem && optionProblem === undefined && problem.bound === undefined && (
          <ProblemText problem={problem} />
        )}
        {warnings.map((w) => (
          <ProblemText key={w.field} problem={w} warning />
        ))}
        {point.kind === "options" && (
          <OptionList draft={draft} index={i} onChange={onChange} problem={problem} />
        )}
      </Stack>
    </Card>
  );
}

/** The options of a point with named options: add, rename, describe, reorder, remove. */
function OptionList({ draft, index: i, onChange, problem }: Omit<Props, "warnings">) {
  const point = draft.points[i];
  const label = `point ${i + 1}`;
  const optionProblem = problem?.option;
  return (
    <>
      <Text fw={600} size="sm" mt="xs" id={`point-${i}-options`}>
        Options
      </Text>
      <Stack gap={6} component="ul" className="plain-list" aria-labelledby={`point-${i}-options`}>
        {point.options.map((o, k) => (
          <li key={o.id}>
            <Group gap="xs" wrap="nowrap" align="flex-end">
              <TextInput
                aria-label={`Option ${k + 1} of ${label}: name`}
                placeholder="name"
                value={o.value}
                onChange={(e) => onChange(setOption(draft, i, k, { value: e.currentTarget.value }))}
                w={200}
              />
              <TextInput
                aria-label={`Option ${k + 1} of ${label}: description`}
                placeholder="what choosing it means (optional)"
                value={o.description}
                onChange={(e) => onChange(setOption(draft, i, k, { description: e.currentTarget.value }))}
                style={{ flex: 1 }}
              />
              <MoveButtons
                id={`option-${o.id}`}
                what={`option "${o.value}" of ${label}`}
                index={k}
                count={point.options.length}
                onMove={(delta) => onChange(moveOption(draft, i, k, delta))}
                onRemove={() => onChange(removeOption(draft, i, k))}
              />
            </Group>
            {problem && optionProblem === k && <ProblemText problem={problem} />}
          </li>
        ))}
      </Stack>
      <Group>
        <Button size="xs" variant="light" onClick={() => onChange(addOption(draft, i))}>
          Add an option to {label}
        </Button>
      </Group>
    </>
  );
}
