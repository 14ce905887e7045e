import { Button, Group, Stack, Table, Text, TextInput, VisuallyHidden } from "@mantine/core";
import { TONE } from "../components/colors";
import { curveTable, type KeptFunction } from "./curve";
import type { Draft } from "./draft";
import { addCurvePoint, flipCurve, removeCurvePoint, setCurvePoint, setRedValues } from "./edits";
import { NumberField, ScoreField } from "./NumberField";

interface Props {
  draft: Draft;
  party: number;
  point: number;
  who: string;
  onChange: (d: Draft) => void;
}

const keptText = (fn: KeptFunction) =>
  fn.type === "linear"
    ? `a straight line (slope ${fn.slope}, offset ${fn.offset}, origin ${fn.origin})`
    : `a peak (0 at ${fn.low}, 1 at ${fn.top}, 0 at ${fn.high})`;

/**
 * A party's curve on a number range: (value, score) rows, straight between them, 0 outside them;
 * add or remove rows, flip it, and the values the party never accepts.
 */
export function CurveTable({ draft, party: k, point: i, who, onChange }: Props) {
  const point = draft.points[i];
  const party = draft.parties[k];
  const curve = party.curves[i];
  const table = curveTable(curve, point.range);
  const name = point.title || point.name;
  const of = `the curve of ${name} for ${who}`;
  return (
    <Stack gap={6}>
      <Table withTableBorder verticalSpacing={4} aria-label={`Curve of ${name} for ${who}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{name}: value</Table.Th>
            <Table.Th>Score (0 to 1)</Table.Th>
            <Table.Th>
              <VisuallyHidden>Remove</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {table.map(([x, y], r) => (
            // Rows are positions in a table that is rebuilt on each edit: the position is their identity.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <Table.Tr key={r}>
              <Table.Td>
                <NumberField
                  aria-label={`Value of row ${r + 1} of ${of}`}
                  size="xs"
                  w={110}
                  value={x}
                  onValue={(v) => onChange(setCurvePoint(draft, k, i, r, { x: v }))}
                />
              </Table.Td>
              <Table.Td>
                <ScoreField
                  aria-label={`Score of row ${r + 1} of ${of}`}
                  value={y}
                  onValue={(v) => onChange(setCurvePoint(draft, k, i, r, { y: v }))}
                />
              </Table.Td>
              <Table.Td>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color={TONE.bad}
                  aria-label={`Remove row ${r + 1} of ${of}`}
                  onClick={() => onChange(removeCurvePoint(draft, k, i, r))}
                >
                  Remove
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {"kept" in curve && (
        <Text size="xs" className="muted">
          From the file: {keptText(curve.kept)}, kept exactly until you edit this table.
        </Text>
      )}
      <Group gap="xs">
        <Button
          size="compact-xs"
          variant="light"
          aria-label={`Add a row to ${of}`}
          onClick={() => onChange(addCurvePoint(draft, k, i))}
        >
          Add a row
        </Button>
        <Button
          size="compact-xs"
          variant="light"
          aria-label={`Flip: best becomes worst, ${of}`}
          onClick={() => onChange(flipCurve(draft, k, i))}
        >
          Flip: best becomes worst
        </Button>
      </Group>
      <TextInput
        size="xs"
        label="Values it never accepts (red lines)"
        aria-label={`Values of ${name} ${who} never accepts`}
        placeholder="e.g. 0, 1"
        description={point.kind === "real" ? "Each counts as the nearest grid value" : undefined}
        value={party.redValues[i]}
        onChange={(e) => onChange(setRedValues(draft, k, i, e.currentTarget.value))}
      />
    </Stack>
  );
}
