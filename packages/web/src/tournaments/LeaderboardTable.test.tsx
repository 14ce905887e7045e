// @vitest-environment jsdom
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderPage } from "../test/render";
import { LeaderboardTable } from "./LeaderboardTable";
import { PairwiseTable } from "./PairwiseTable";
import type { AgentScore, LeaderboardJson } from "./tournaments-api";

const none = { n: 0, mean: null, ci: null };
const agent = (name: string, utility: AgentScore["utility"], failures = 0): AgentScore => ({
  name,
  seats: utility.n,
  failures,
  utility,
  advantage: utility,
  agreementRate: { n: utility.n, mean: 0.75, ci: [0.3, 0.95] },
  welfare: { n: utility.n, mean: 1.5, ci: [1.4, 1.6] },
  paretoDistance: none,
  nashDistance: { n: utility.n, mean: 0.25, ci: null },
});

const board: LeaderboardJson = {
  negotiations: 9,
  failed: 1,
  planned: 12,
  agents: [
    agent("boulware", { n: 8, mean: 0.9022, ci: [0.8141, 0.9903] }),
    agent("single", { n: 1, mean: 0.5, ci: null }),
    { ...agent("crashy", none, 1), agreementRate: none, welfare: none, nashDistance: none },
  ],
  pairwise: {
    agents: ["boulware", "single"],
    utility: [
      [0.9, 0.81234],
      [0.5, null],
    ],
    seats: [
      [4, 4],
      [1, 0],
    ],
  },
};

describe("LeaderboardTable", () => {
  it("ranks the agents with each mean and its 95% interval, and a dash where there is no data", async () => {
    renderPage(<LeaderboardTable board={board} caption="So far: 9 of 12 negotiations." />);
    const table = await screen.findByRole("table", { name: "So far: 9 of 12 negotiations." });
    const rows = within(table).getAllByRole("row");
    expect(rows.map((r) => within(r).queryAllByRole("columnheader").length)).toEqual([9, 0, 0, 0]);
    const cells = (k: number) =>
      within(rows[k])
        .getAllByRole("cell")
        .map((c) => c.textContent);
    expect(within(rows[1]).getByRole("rowheader")).toHaveTextContent("boulware");
    expect(cells(1)).toEqual([
      "1",
      "0.902 (0.814–0.990)",
      "0.750 (0.300–0.950)",
      "0.902 (0.814–0.990)",
      "1.500",
      "0.250",
      "8",
      "0",
    ]);
    expect(cells(2).slice(0, 2)).toEqual(["2", "0.500"]);
    expect(within(rows[3]).getByRole("rowheader")).toHaveTextContent("crashy");
    expect(cells(3)).toEqual(["3", "–", "–", "–", "–", "–", "0", "1"]);
  });

  it("shows each agent's mean utility against each other agent, a dash where they never met", async () => {
    renderPage(<PairwiseTable pairwise={board.pairwise} />);
    const table = await screen.findByRole("table", { name: /Mean utility of each row agent/ });
    const rows = within(table).getAllByRole("row");
    expect(
      within(rows[0])
        .getAllByRole("columnheader")
        .map((h) => h.textContent),
    ).toEqual(["Agent", "against boulware", "against single"]);
    expect(
      within(rows[1])
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual(["0.900", "0.812"]);
    expect(within(rows[2]).getByRole("rowheader")).toHaveTextContent("single");
    expect(
      within(rows[2])
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual(["0.500", "–"]);
  });
});
