import { SimpleGrid, Text } from "@mantine/core";
import type { Draft } from "./draft";
import { POINTS_TOTAL, pointsFromWeights } from "./elicit";
import { NumberField } from "./NumberField";
import { rescale } from "./weights";

interface Props {
  draft: Draft;
  who: string;
  weights: number[];
  onWeights: (w: number[]) => void;
}

/** Step 1: 100 points over the points; giving one more takes from the others in proportion. */
export function SplitStep({ draft, who, weights, onWeights }: Props) {
  const points = pointsFromWeights(weights);
  return (
    <>
      <Text mb="sm">
        {who} has {POINTS_TOTAL} points to split over what is being negotiated: give more to what matters
        more. The total stays {POINTS_TOTAL}: when you give a point more, the others give up theirs in
        proportion.
      </Text>
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        {draft.points.map((p, i) => (
          <NumberField
            key={p.id}
            label={p.title || p.name}
            description={p.description || undefined}
            min={0}
            max={POINTS_TOTAL}
            step={5}
            allowDecimal={false}
            value={points[i]}
            onValue={(v) => onWeights(rescale(weights, i, v / POINTS_TOTAL))}
          />
        ))}
      </SimpleGrid>
      <Text mt="sm" size="sm" className="muted">
        Total: {points.reduce((s, x) => s + x, 0)} points.
      </Text>
    </>
  );
}
