// @vitest-environment jsdom
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderPage } from "../test/render";
import Home from "./Home";

describe("Home", () => {
  it("opens on the peace plan: its 20 points, their status in the record, and the draft", async () => {
    renderPage(<Home />);
    expect(await screen.findByRole("heading", { level: 1 }, { timeout: 15_000 })).toHaveTextContent(
      "20-point peace plan",
    );
    expect(screen.getByText("19 of 20 points settled, open: territory (disputed)")).toBeInTheDocument();
    const rows = within(screen.getByRole("table")).getAllByRole("row");
    expect(rows).toHaveLength(21);
    const territory = rows.find((r) => r.textContent?.includes("Line of contact"))!;
    expect(territory).toHaveTextContent("disputed");
    expect(territory).toHaveTextContent("open");
    expect(screen.getByRole("link", { name: "Analyse the draft" })).toHaveAttribute(
      "href",
      "/scenarios/peace-plan",
    );
  });
});
