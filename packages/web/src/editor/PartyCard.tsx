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
import { TONE } from "../components/colors";
import type { Problem } from "./check";
import type { Draft } from "./draft";
import { removeParty, setParty, setRedLine, setValue, setWeight } from "./edits";
import { NumberField } from "./NumberField";
import { ProblemText } from "./ProblemText";
import { elicitPath } from "./store";

interface Props {
  draft: Draft;
  index: number;
  editKey: string;
  onChange: (d: Draft) => void;
  problem?: Problem;
}

const pointName = (draft: Draft, i: number) => draft.points[i].title || draft.points[i].name;

/** One party: name, reservation value, weights (summing to 1), each option's value and red lines. */
export function PartyCard({ draft, index: k, editKey, onChange, problem }: Props) {
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
          <Button
            size="xs"
            variant="subtle"
            color={TONE.bad}
            aria-label={`Remove party "${party.name}"`}
            onClick={() => onChange(removeParty(draft, k))}
          >
            Remove
          </Button>
        </Group>
      </Group>
      <Stack gap="sm">
        {problem && <ProblemText problem={problem} />}
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
          Value of each option to {who} (0 to 1), and red lines (options it never accepts)
        </Text>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          {draft.points.map((p, i) => (
            <Table
              key={p.id}
              withTableBorder
              verticalSpacing={4}
              aria-label={`Values of ${pointName(draft, i)} for ${who}`}
            >
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
                      <NumberField
                        aria-label={`Value of ${o.value} (${pointName(draft, i)}) for ${who}`}
                        min={0}
                        max={1}
                        step={0.1}
                        decimalScale={4}
                        size="xs"
                        w={90}
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
          ))}
        </SimpleGrid>
      </Stack>
    </Card>
  );
}
