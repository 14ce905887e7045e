import { Table, Text, Title } from "@mantine/core";
import type { Scenario } from "@parley/core";
import { fmt, optionText } from "../scenarios/describe";
import type { AnalysisResult } from "./types";

/** Two-point trades: each of two parties gives way on the point it cares less about. */
export function TradesTable({ result, scenario }: { result: AnalysisResult; scenario: Scenario }) {
  const issueName = (i: number) => scenario.space.issues[i].name;
  return (
    <section aria-labelledby="trades-title">
      <Title order={2} size="h3" id="trades-title">
        Trades
      </Title>
      {result.trades.length === 0 ? (
        <Text size="sm">No trade of two open points helps both sides against the baseline.</Text>
      ) : (
        <Table.ScrollContainer minWidth={800}>
          <Table striped aria-labelledby="trades-title">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Between</Table.Th>
                <Table.Th>Change</Table.Th>
                {result.parties.map((p) => (
                  <Table.Th key={p}>{p} gain</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.trades.map((t) => (
                <Table.Tr key={`${t.issues.join()}:${t.options.join()}`}>
                  <Table.Td>{t.parties.map((p) => result.parties[p]).join(" and ")}</Table.Td>
                  <Table.Td>
                    {t.issues
                      .map((i, k) => `${issueName(i)} → ${optionText(scenario, i, t.options[k])}`)
                      .join("; ")}
                  </Table.Td>
                  {t.gains.map((g, p) => (
                    <Table.Td key={result.parties[p]}>{g >= 0 ? `+${fmt(g)}` : fmt(g)}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </section>
  );
}
