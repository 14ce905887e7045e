import { Button, Group, Table, Text, Title } from "@mantine/core";
import type { Scenario } from "@parley/core";
import { fmt, optionText, packageText } from "../scenarios/describe";
import type { AnalysisResult } from "./types";

const signed = (g: number) => (g >= 0 ? `+${fmt(g)}` : fmt(g));

/** The package under review and the changes that leave nobody worse off and someone better off. */
export function DraftPanel({
  result,
  scenario,
  settled,
  review,
  onReview,
}: {
  result: AnalysisResult;
  scenario: Scenario;
  settled: (number | null)[];
  review: number[] | undefined;
  onReview: (outcome: number[] | undefined) => void;
}) {
  const fairest = result.issues.map((v) => settled[v.issue] ?? v.fairestOption);
  return (
    <section aria-labelledby="draft-title">
      <Title order={2} size="h3" id="draft-title">
        Draft improvements
      </Title>
      {!review || !result.draft ? (
        <Group gap="sm">
          <Text size="sm">Review a complete package: choose a solution above, or</Text>
          <Button size="xs" variant="outline" onClick={() => onReview(fairest)}>
            Review the plan with each open point at its fairest option
          </Button>
        </Group>
      ) : (
        <>
          <Text size="sm">
            Reviewing{" "}
            {packageText(scenario, review, result.open.length < review.length ? result.open : undefined) ||
              "the settled plan"}
            : utilities {result.draft.utilities.map((u, p) => `${result.parties[p]} ${fmt(u)}`).join(", ")}.{" "}
            {result.draft.dominatedBy
              ? `It is not Pareto-efficient: a frontier package gains ${result.draft.dominatedBy.gains.map(signed).join(", ")}.`
              : "No frontier package is better for everyone."}
          </Text>
          {result.draft.improvements.length === 0 ? (
            <Text size="sm" mt="xs">
              No change of one or two points improves it for someone without hurting anyone.
            </Text>
          ) : (
            <Table mt="xs" aria-labelledby="draft-title">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Change</Table.Th>
                  {result.parties.map((p) => (
                    <Table.Th key={p}>{p} gain</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.draft.improvements.map((m) => (
                  <Table.Tr key={m.changes.map((c) => `${c.issue}=${c.option}`).join()}>
                    <Table.Td>
                      {m.changes
                        .map(
                          (c) =>
                            `${scenario.space.issues[c.issue].name} → ${optionText(scenario, c.issue, c.option)}`,
                        )
                        .join("; ")}
                    </Table.Td>
                    {m.gains.map((g, p) => (
                      <Table.Td key={result.parties[p]}>{signed(g)}</Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Button size="xs" variant="subtle" mt="xs" onClick={() => onReview(undefined)}>
            Stop reviewing
          </Button>
        </>
      )}
    </section>
  );
}
