import { Table } from "@mantine/core";
import type { Estimate, LeaderboardJson } from "./tournaments-api";

const fixed = (x: number) => x.toFixed(3);

/** A mean and its 95% interval, or a dash without data. */
export function estimateText(e: Estimate): string {
  if (e.mean === null) return "–";
  return e.ci ? `${fixed(e.mean)} (${fixed(e.ci[0])}–${fixed(e.ci[1])})` : fixed(e.mean);
}

/** The agents best first: mean utility and the other scores, each with its 95% confidence interval. */
export function LeaderboardTable({ board, caption }: { board: LeaderboardJson; caption: string }) {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped verticalSpacing={4}>
        <Table.Caption c="gray.7">{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Rank</Table.Th>
            <Table.Th scope="col">Agent</Table.Th>
            <Table.Th scope="col">Utility (95% CI)</Table.Th>
            <Table.Th scope="col">Agreement rate (95% CI)</Table.Th>
            <Table.Th scope="col">Advantage (95% CI)</Table.Th>
            <Table.Th scope="col">Welfare</Table.Th>
            <Table.Th scope="col">Nash distance</Table.Th>
            <Table.Th scope="col">Seats</Table.Th>
            <Table.Th scope="col">Failures</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {board.agents.map((a, rank) => (
            <Table.Tr key={a.name}>
              <Table.Td>{rank + 1}</Table.Td>
              <Table.Th scope="row">{a.name}</Table.Th>
              <Table.Td>{estimateText(a.utility)}</Table.Td>
              <Table.Td>{estimateText(a.agreementRate)}</Table.Td>
              <Table.Td>{estimateText(a.advantage)}</Table.Td>
              <Table.Td>{a.welfare.mean === null ? "–" : fixed(a.welfare.mean)}</Table.Td>
              <Table.Td>{a.nashDistance.mean === null ? "–" : fixed(a.nashDistance.mean)}</Table.Td>
              <Table.Td>{a.seats}</Table.Td>
              <Table.Td>{a.failures}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
