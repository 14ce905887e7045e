import { Table } from "@mantine/core";
import type { PairwiseJson } from "./tournaments-api";

/** Each agent's mean utility against each other agent (where they met), as `parley tournament` prints it. */
export function PairwiseTable({ pairwise }: { pairwise: PairwiseJson }) {
  const { agents, utility } = pairwise;
  return (
    <Table.ScrollContainer minWidth={120 + 110 * agents.length}>
      <Table striped verticalSpacing={4}>
        <Table.Caption c="gray.7">
          Mean utility of each row agent in negotiations where the column agent held another seat.
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Agent</Table.Th>
            {agents.map((a) => (
              <Table.Th key={a} scope="col">
                against {a}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {agents.map((row, r) => (
            <Table.Tr key={row}>
              <Table.Th scope="row">{row}</Table.Th>
              {agents.map((col, c) => (
                <Table.Td key={col}>{utility[r][c] === null ? "–" : utility[r][c]!.toFixed(3)}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
