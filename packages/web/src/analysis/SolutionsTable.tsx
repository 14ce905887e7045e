import { Button, Table, Text, Title } from "@mantine/core";
import type { Scenario } from "@parley/core";
import { fmt, packageText } from "../scenarios/describe";
import type { AnalysisResult } from "./types";

/** Nash, Kalai–Smorodinsky, egalitarian and max-welfare packages with every party's utility. */
export function SolutionsTable({
  result,
  scenario,
  onReview,
}: {
  result: AnalysisResult;
  scenario: Scenario;
  onReview: (outcome: number[]) => void;
}) {
  const only = result.open.length < scenario.space.issues.length ? result.open : undefined;
  return (
    <div style={{ flex: "1 1 360px", minWidth: 320 }}>
      <Title order={3} size="h4" id="solutions-title">
        Solutions
      </Title>
      <Table aria-labelledby="solutions-title" verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Solution</Table.Th>
            {result.parties.map((p) => (
              <Table.Th key={p}>{p}</Table.Th>
            ))}
            <Table.Th>
              <span className="skip-link">Action</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {result.solutions.map((s) => (
            <Table.Tr key={s.name}>
              <Table.Th scope="row">
                {s.name}
                {s.point && (
                  <Text size="xs" fw={400} className="muted">
                    {packageText(scenario, s.point.outcome, only) || "every point settled"}
                  </Text>
                )}
              </Table.Th>
              {s.point ? (
                s.point.utilities.map((u, p) => <Table.Td key={result.parties[p]}>{fmt(u)}</Table.Td>)
              ) : (
                <Table.Td colSpan={result.parties.length}>{s.reason ?? "none"}</Table.Td>
              )}
              <Table.Td>
                {s.point && (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    aria-label={`Review the ${s.name} package`}
                    onClick={() => onReview(s.point!.outcome)}
                  >
                    Review
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Th scope="row">No deal (reservation)</Table.Th>
            {result.reservation.map((r, p) => (
              <Table.Td key={result.parties[p]}>{fmt(r)}</Table.Td>
            ))}
            <Table.Td />
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Text size="sm" mt="xs">
        Pareto frontier: {result.frontier.points.length} package
        {result.frontier.points.length === 1 ? "" : "s"}
        {result.frontier.exact ? "" : ` (approximate, within ${fmt(result.frontier.epsilon ?? 0)})`}.
      </Text>
    </div>
  );
}
