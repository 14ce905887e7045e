import { Alert, Group, Stack, Table, Text } from "@mantine/core";
import { TONE } from "../components/colors";
import type { Draft } from "./draft";
import { type Fit, type Package, pointsFromWeights, utilityOf } from "./elicit";
import { MoveButtons } from "./MoveButtons";
import { packageText, score } from "./package-text";

interface Props {
  draft: Draft;
  who: string;
  order: Package[];
  weights: number[];
  values: number[][];
  fit: Fit | null;
  onMove: (from: number, delta: number) => void;
}

/** Step 3: a few packages in the order the points and ratings give; the person reorders them. */
export function RankStep({ draft, who, order, weights, values, fit, onMove }: Props) {
  const points = pointsFromWeights(weights);
  return (
    <Stack gap="sm">
      <Text>
        Here are {order.length} packages, best first by the points and ratings so far. Is this the order {who}{" "}
        would pick? Move a package up or down: the points then shift, a small step at a time, towards the
        points on which the package you moved up is better, until the scores follow your order (or come as
        close as they can).
      </Text>
      <Table withTableBorder aria-label="Packages in your order, best first">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Place</Table.Th>
            <Table.Th>Package</Table.Th>
            <Table.Th>Score</Table.Th>
            <Table.Th>Move</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {order.map((pkg, n) => (
            <Table.Tr key={pkg.join(",")}>
              <Table.Td>{n + 1}</Table.Td>
              <Table.Td>{packageText(draft, pkg)}</Table.Td>
              <Table.Td>{score(utilityOf(weights, values, pkg))}</Table.Td>
              <Table.Td>
                <MoveButtons
                  id={`package-${pkg.join("-")}`}
                  what={`package ${n + 1}`}
                  index={n}
                  count={order.length}
                  onMove={(delta) => onMove(n, delta)}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <div aria-live="polite">
        {fit && (
          <Alert
            color={fit.matched === fit.pairs ? TONE.good : TONE.warn}
            title={
              fit.matched === fit.pairs
                ? "The scores follow your order"
                : "The scores follow your order only in part"
            }
          >
            <Text size="sm">
              {fit.matched} of {fit.pairs} pairs of packages agree with your order.
              {fit.matched < fit.pairs &&
                " Points alone cannot put a package above one that is rated at least as high on every point: change the ratings in step 2 for the rest."}
            </Text>
          </Alert>
        )}
      </div>
      <Group gap="md">
        <Text size="sm" fw={600}>
          Points now:
        </Text>
        <Text size="sm">{draft.points.map((p, i) => `${p.title || p.name} ${points[i]}`).join(" · ")}</Text>
      </Group>
    </Stack>
  );
}
