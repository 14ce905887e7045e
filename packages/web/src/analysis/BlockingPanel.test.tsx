// @vitest-environment jsdom
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readParleyScenario, readPartialDraft, writeParleyScenario } from "@parley/core";
import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderPage } from "../test/render";
import { analyse } from "./analyse";
import { BlockingPanel } from "./BlockingPanel";

const folder = join(import.meta.dirname, "../../../../scenarios/peace-plan");
const scenario = readParleyScenario(readFileSync(join(folder, "plan.yaml"), "utf8"), "plan.yaml");
const draft = readPartialDraft(scenario, readFileSync(join(folder, "draft.json"), "utf8"), "draft.json");
const json = writeParleyScenario(scenario, "json");

describe("BlockingPanel on the peace plan", () => {
  it("says the draft is blocked on territory and lists the reopenings that unblock it", () => {
    const result = analyse({ json, settled: draft });
    renderPage(<BlockingPanel result={result} scenario={scenario} hasDraft />);
    expect(screen.getByText(/The draft is blocked on territory:/)).toBeInTheDocument();
    const ways = screen.getAllByRole("listitem").map((li) => li.textContent);
    expect(ways.length).toBeGreaterThan(0);
    for (const way of ways) expect(way).toMatch(/^Reopen .+ — then Nash: .*territory: /);
  });

  it("says there is room for a deal once every point is open", () => {
    const result = analyse({ json, settled: draft.map(() => null) });
    renderPage(<BlockingPanel result={result} scenario={scenario} hasDraft />);
    expect(screen.getByText("There is room for a deal")).toBeInTheDocument();
    expect(screen.getByRole("alert")).toHaveTextContent(
      /^There is room for a deal\S.* packages leave every party better off than no deal\.$/,
    );
    expect(screen.queryByText(/blocked/)).toBeNull();
  });
});
