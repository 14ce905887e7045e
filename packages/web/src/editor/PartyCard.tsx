import {
  Button,
  Card,
  Checkbox,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { Link } from "react-router";
import { CurveTable } from "./CurveTable";
import type { Problem } from "./check";
import type { Draft } from "./draft";
import { moveParty, removeParty, setParty, setRedLine, setValue, setWeight } from "./edits";
import { MoveButtons } from "./MoveButtons";
import { NumberField, ScoreField } from "./NumberField";
import { ProblemText } from "./ProblemText";
import { elicitPath } from "./store";

interface Props {
  draft: Draft;
  index: number;
  editKey: string;
  onChange: (d: Draft) => void;
  problem?: Problem;
  warnings: Problem[];
}

const pointName = (draft: Draft, i: number) => draft.points[i].title || draft.points[i].name;

/**
 * One party: name, reservation value, weights (summing to 1), each option's value and red lines,
 * each number range's curve; moved and removed like points.
 */
export function PartyCard({ draft, index: k, editKey, onChange, problem, warnings }: Props) {
  const party = draft.parties[k];
  const who = party.name || `party ${k + 1}`;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={`party-${k}-title`}>
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5" id={`party-${k}-title`}>
          Party {k + 1}: {party.name || "(no name)"}
        </Title>
        <Group gap="xs">
          <Button component={Link} to={elicitPath(editKey, k)} size="xs">
            Ask {who} step by step
          </Button>
          <MoveButtons
            id={`party-${party.id}`}
            what={`party "${party.name}"`}
            index={k}
            count={draft.parties.length}
            onMove={(delta) => onChange(moveParty(draft, k, delta))}
            onRemove={() => onChange(removeParty(draft, k))}
          />
        </Group>
      </Group>
      <Stack gap="sm">
        {problem && problem.point === undefined && <ProblemText problem={problem} />}
        <Group grow align="flex-start">
          <TextInput
            label="Name"
            value={party.name}
            onChange={(e) => onChange(setParty(draft, k, { name: e.currentTarget.value }))}
          />
          <NumberField
            label="Reservation value"
            description="What no deal is worth to it, 0 to 1"
            min={0}
            max={1}
            step={0.05}
            decimalScale={4}
            value={party.reservation}
            onValue={(v) => onChange(setParty(draft, k, { reservation: v }))}
          />
        </Group>
        <TextInput
          label="Description (optional)"
          value={party.description}
          onChange={(e) => onChange(setParty(draft, k, { description: e.currentTarget.value }))}
        />
        <fieldset className="plain-fieldset">
          <legend>
            <Text fw={600} size="sm" component="span">
              Weights of {who}
            </Text>
          </legend>
          <Text size="sm" className="muted" mb={4}>
            How much each point matters to {who}. They always sum to 1: changing one rescales the others in
            proportion.
          </Text>
          <SimpleGrid cols={{ base: 2, md: 4 }} spacing="xs">
            {draft.points.map((p, i) => (
              <NumberField
                key={p.id}
                label={pointName(draft, i)}
                aria-label={`Weight of ${pointName(draft, i)} for ${who}`}
                min={0}
                max={1}
                step={0.05}
                decimalScale={4}
                value={party.weights[i] ?? 0}
                onValue={(v) => onChange(setWeight(draft, k, i, v))}
              />
            ))}
          </SimpleGrid>
        </fieldset>
        <Text fw={600} size="sm">
          Value of each option to {who} (0 to 1) and red lines (options it never accepts); on a number range,
          a curve: the score of a few values, straight between them
        </Text>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          {draft.points.map((p, i) => (
            <Stack key={p.id} gap={6}>
              {p.kind === "options" ? (
                <OptionValues draft={draft} party={k} point={i} who={who} onChange={onChange} />
              ) : (
                <CurveTable draft={draft} party={k} point={i} who={who} onChange={onChange} />
              )}
              {problem && problem.point === i && <ProblemText problem={problem} />}
              {warnings
                .filter((w) => w.point === i)
                .map((w) => (
                  <ProblemText key={w.reason} problem={w} warning />
                ))}
            </Stack>
          ))}
        </SimpleGrid>
      </Stack>
    </Card>
  );
}

interface TableProps {
  draft: Draft;
  party: number;
  point: number;
  who: string;
  onChange: (d: Draft) => void;
}

/** A party's value of each option of a point, and its red lines there. */
function OptionValues({ draft, party: k, point: i, who, onChange }: TableProps) {
  const party = draft.parties[k];
  const p = draft.points[i];
  return (
    <Table withTableBorder verticalSpacing={4} aria-label={`Values of ${pointName(draft, i)} for ${who}`}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{pointName(draft, i)}</Table.Th>
          <Table.Th>Value</Table.Th>
          <Table.Th>Red line</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {p.options.map((o, j) => (
          <Table.Tr key={o.id}>
            <Table.Td>{o.value}</Table.Td>
            <Table.Td>
              <ScoreField
                aria-label={`Value of ${o.value} (${pointName(draft, i)}) for ${who}`}
                value={party.values[i]?.[j] ?? 0}
                onValue={(v) => onChange(setValue(draft, k, i, j, v))}
              />
            </Table.Td>
            <Table.Td>
              <Checkbox
                aria-label={`${who} never accepts ${o.value} (${pointName(draft, i)})`}
                checked={party.redLines[i]?.[j] ?? false}
                onChange={(e) => onChange(setRedLine(draft, k, i, j, e.currentTarget.checked))}
              />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
