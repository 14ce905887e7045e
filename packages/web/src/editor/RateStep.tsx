import { SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { choiceLabels } from "./choices";
import type { Draft } from "./draft";
import { TOP_RATING } from "./elicit";
import { NumberField } from "./NumberField";

interface Props {
  draft: Draft;
  who: string;
  ratings: number[][];
  onRatings: (r: number[][]) => void;
}

/** Step 2: each option rated 0–10 on its own point; a number range at a few of its values. */
export function RateStep({ draft, who, ratings, onRatings }: Props) {
  const rate = (i: number, k: number, r: number) =>
    onRatings(ratings.map((row, j) => (j === i ? row.map((x, o) => (o === k ? r : x)) : row)));
  return (
    <>
      <Text mb="sm">
        On each point, how good is each option for {who}? {TOP_RATING} is the best {who} could hope for on
        that point, 0 the worst.
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        {draft.points.map((p, i) => (
          <Stack key={p.id} gap={4}>
            <Title order={2} size="h5">
              {p.title || p.name}
            </Title>
            {p.kind !== "options" && (
              <Text size="sm" className="muted">
                A range from {p.range.min} to {p.range.max}: rate a few of its values, the curve runs straight
                between them (or shape it row by row in the editor).
              </Text>
            )}
            {choiceLabels(p).map((label, k) => (
              <NumberField
                key={`${p.id}-${label}`}
                label={label}
                description={(p.kind === "options" && p.options[k].description) || undefined}
                aria-label={`Rating of ${label} (${p.title || p.name})`}
                min={0}
                max={TOP_RATING}
                allowDecimal={false}
                value={ratings[i][k]}
                onValue={(v) => rate(i, k, v)}
              />
            ))}
          </Stack>
        ))}
      </SimpleGrid>
    </>
  );
}
