// @vitest-environment jsdom
import { compileParties, type ParleyScenarioDocument, writeParleyScenario } from "@parley/core";
import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ranges } from "../test/ranges";
import { renderPage } from "../test/render";
import { ROOM } from "../test/room-view";
import { PartySeat } from "./PartySeat";
import type { RoomView } from "./types";

describe("PartySeat on a scenario with number ranges", () => {
  // price: a real range 10–20 on a grid of 6; days: whole numbers 1–400; colour: named options.
  const scenario = ranges();
  const doc = JSON.parse(writeParleyScenario(scenario, "json")) as ParleyScenarioDocument;
  doc.issues[1] = { ...doc.issues[1], max: 400 } as ParleyScenarioDocument["issues"][number];
  const room: RoomView = {
    ...ROOM,
    scenario: {
      name: doc.name,
      issues: doc.issues as RoomView["scenario"]["issues"],
      parties: [{ name: "Buyer" }, { name: "Seller" }],
    },
    profile: doc.parties[0] as unknown as Record<string, unknown>,
  };

  it("types a number on a range, within its bounds, and shows its utility at once", async () => {
    renderPage(<PartySeat room={room} token="t" connection="live" />);
    const price = await screen.findByRole("textbox", { name: "price" });
    expect(screen.getByText("10 to 20")).toBeInTheDocument();
    const days = screen.getByRole("textbox", { name: "days" });
    expect(screen.getByText("1 to 400")).toBeInTheDocument();
    fireEvent.change(price, { target: { value: "12" } });
    fireEvent.change(days, { target: { value: "7" } });
    // Buyer: 0.5 · triangular(12) + 0.3 · piecewise(7) + 0.2 · colour(red) = 0.5 · 1 + 0.3 · 0.8 + 0.2 · 1.
    expect(screen.getByText(/^Your utility of this offer:/)).toHaveTextContent(
      "Your utility of this offer: 0.94",
    );
    const [buyer] = compileParties(scenario);
    expect(buyer.utilityOfValues([12, 7, "red"])).toBeCloseTo(0.94, 12);
  });

  it("names the value each point scores best for this party", async () => {
    renderPage(<PartySeat room={room} token="t" connection="live" />);
    const prefs = await screen.findByRole("table", { name: "Your preferences (private)" });
    const best = (point: string) =>
      within(prefs)
        .getAllByRole("row")
        .find((r) => within(r).queryByText(point) !== null)!
        .querySelectorAll("td")[2].textContent;
    expect(best("price")).toBe("12");
    expect(best("days")).toBe("1");
    expect(best("colour")).toBe("red");
  });
});
