import { Group, NativeSelect, NumberInput, Table, Text, Title } from "@mantine/core";
import type { Scenario } from "@parley/core";
import type { ReactNode } from "react";
import { TONE } from "../components/colors";
import { optionCount, optionText, pointTitle } from "../scenarios/describe";
import type { AnalysisResult } from "./types";

const OPEN = "";

/** Each point: settled or open (what-if), each party's weight and favourite, the conflict and the fairest option. */
export function PointsTable({
  result,
  scenario,
  settled,
  onSet,
  actions,
}: {
  result: AnalysisResult;
  scenario: Scenario;
  settled: (number | null)[];
  onSet: (issue: number, option: number | null) => void;
  actions: ReactNode;
}) {
  const blocked = new Set(result.blocking?.blockedOn ?? []);
  return (
    <section aria-labelledby="points-title">
      <Group justify="space-between">
        <Title order={2} size="h3" id="points-title">
          Points
        </Title>
        {actions}
      </Group>
      <Text size="sm" mb="xs">
        Settle a point or open it to see the analysis change. Weights are each party's share of importance.
      </Text>
      <Table.ScrollContainer minWidth={900}>
        <Table striped aria-labelledby="points-title" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Point</Table.Th>
              <Table.Th>Settled at</Table.Th>
              {result.parties.map((p) => (
                <Table.Th key={p}>{p} weight</Table.Th>
              ))}
              <Table.Th>Conflict</Table.Th>
              <Table.Th>Fairest option</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.issues.map((v) => {
              const name = scenario.space.issues[v.issue].name;
              return (
                <Table.Tr key={name} bg={blocked.has(v.issue) ? "red.0" : undefined}>
                  <Table.Td>
                    <Text fw={600} size="sm">
                      {pointTitle(scenario, v.issue)}
                    </Text>
                    {blocked.has(v.issue) && (
                      <Text size="xs" c={TONE.bad} fw={600}>
                        blocks the deal
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <SettledAt
                      scenario={scenario}
                      issue={v.issue}
                      option={settled[v.issue]}
                      onSet={(option) => onSet(v.issue, option)}
                    />
                  </Table.Td>
                  {v.weights.map((w, p) => (
                    <Table.Td key={result.parties[p]}>{w.toFixed(2)}</Table.Td>
                  ))}
                  <Table.Td>{v.conflict.toFixed(2)}</Table.Td>
                  <Table.Td>{optionText(scenario, v.issue, v.fairestOption)}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </section>
  );
}

/** Longer whole-number ranges are typed (empty: open) rather than listed. */
const MAX_LISTED = 200;

/** A point settled at one of its options (or a value typed on a long range), or open. */
function SettledAt({
  scenario,
  issue,
  option,
  onSet,
}: {
  scenario: Scenario;
  issue: number;
  option: number | null;
  onSet: (option: number | null) => void;
}) {
  const point = scenario.space.issues[issue];
  const label = `${point.name}: settled at`;
  const count = optionCount(scenario, issue);
  if (point.kind === "integer" && count > MAX_LISTED)
    return (
      <NumberInput
        size="xs"
        aria-label={label}
        placeholder="open"
        min={point.min}
        max={point.max}
        allowDecimal={false}
        clampBehavior="strict"
        value={option === null ? "" : point.min + option}
        onChange={(v) => onSet(typeof v === "number" ? v - point.min : null)}
      />
    );
  return (
    <NativeSelect
      size="xs"
      aria-label={label}
      value={option === null ? OPEN : String(option)}
      onChange={(e) => onSet(e.currentTarget.value === OPEN ? null : Number(e.currentTarget.value))}
      data={[
        { value: OPEN, label: "open" },
        ...Array.from({ length: count }, (_, k) => ({
          value: String(k),
          label: optionText(scenario, issue, k),
        })),
      ]}
    />
  );
}
