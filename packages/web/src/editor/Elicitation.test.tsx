// @vitest-environment jsdom
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import ElicitPage from "../pages/Elicit";
import { ranges } from "../test/ranges";
import { renderPage } from "../test/render";
import { draftFromScenario, starterDraft } from "./draft";
import { loadDraft, storeDraft } from "./store";

const setNumber = async (name: string, value: string) => {
  const input = screen.getByRole("textbox", { name });
  await userEvent.clear(input);
  await userEvent.type(input, value);
};

const renderElicit = (party: number, step = 1) => {
  storeDraft("new", starterDraft());
  return renderPage(<ElicitPage />, {
    path: `/editor/new/elicit/${party}?step=${step}`,
    route: "/editor/:key/elicit/:party",
  });
};

describe("guided elicitation", () => {
  it("turns the 100-point split, the ratings and the no-deal score into the party's profile", async () => {
    const { router } = renderElicit(1);
    await screen.findByRole("heading", { name: "What matters to Buyer?" }, { timeout: 15_000 });
    await setNumber("price", "40");
    expect(screen.getByRole("textbox", { name: "delivery" })).toHaveValue("60");
    expect(screen.getByText("Total: 100 points.")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Next step" }));
    expect(router.state.location.search).toBe("?step=2");
    await setNumber("Rating of medium (price)", "8");
    await setNumber("Rating of standard (delivery)", "3");
    await userEvent.click(screen.getByRole("button", { name: "Next step" }));
    expect(screen.getAllByRole("row")).toHaveLength(6); // a header and five packages
    await userEvent.click(screen.getByRole("button", { name: "Next step" }));
    await setNumber("No deal is worth (score out of 100)", "45");
    await userEvent.click(screen.getByRole("button", { name: "Use these preferences for Buyer" }));
    expect(router.state.location.pathname).toBe("/editor/new");
    expect(router.state.location.search).toBe("");
    const buyer = loadDraft("new")!.parties[0];
    expect(buyer.weights).toEqual([0.4, 0.6]);
    expect(buyer.values).toEqual([
      [1, 0.8, 0],
      [1, 0.3, 0],
    ]);
    expect(buyer.reservation).toBe(0.45);
  });

  it("moves the points towards what a package moved up is better at", async () => {
    renderElicit(1, 3);
    await screen.findByRole("heading", { name: "What matters to Buyer?" }, { timeout: 15_000 });
    const rows = () => within(screen.getByRole("table")).getAllByRole<HTMLTableRowElement>("row").slice(1);
    const before = rows().map((r) => r.cells[1].textContent);
    // Buyer weighs price 70, delivery 30. The packages, best first: low·fast, medium·fast,
    // medium·standard, high·fast, high·slow. Moving high·fast above medium·standard says delivery
    // matters more than those points give it.
    expect(rows().map((r) => r.cells[1].textContent)).toEqual([
      "price: low · delivery: fast",
      "price: medium · delivery: fast",
      "price: medium · delivery: standard",
      "price: high · delivery: fast",
      "price: high · delivery: slow",
    ]);
    const fastDear = 3;
    await userEvent.click(screen.getByRole("button", { name: `Move package ${fastDear + 1} up` }));
    expect(rows()[fastDear - 1].cells[1].textContent).toBe(before[fastDear]);
    const points = screen.getByText(/^price \d+ · delivery \d+$/).textContent!;
    const [price, delivery] = points.match(/\d+/g)!.map(Number);
    expect(delivery).toBeGreaterThan(30);
    expect(price + delivery).toBe(100);
    expect(screen.getByText("The scores follow your order")).toBeInTheDocument();
    const scores = rows().map((r) => Number(r.cells[2].textContent));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it("says in words when there is nothing to ask about, with the way back", async () => {
    renderElicit(3);
    const alert = await screen.findByRole("alert", {}, { timeout: 15_000 });
    expect(alert).toHaveTextContent("The draft has 2 parties, not a party 3.");
    expect(within(alert).getByRole("link", { name: "Back to the editor" })).toHaveAttribute(
      "href",
      "/editor/new",
    );
  });

  it("rates a few values of a number range into a curve, keeping the curves whose ratings were left alone", async () => {
    const draft = draftFromScenario(ranges());
    storeDraft("ranges", draft);
    const { router } = renderPage(<ElicitPage />, {
      path: "/editor/ranges/elicit/2?step=2",
      route: "/editor/:key/elicit/:party",
    });
    await screen.findByRole("heading", { name: "What matters to Seller?" }, { timeout: 15_000 });
    // Seller's price line 0.1·(x − 10), at five values from 10 to 20, rated out of 10.
    const rating = (value: string, point: string) =>
      screen.getByRole("textbox", { name: `Rating of ${value} (${point})` });
    const ratings = (values: string[], point: string) =>
      values.map((x) => (rating(x, point) as HTMLInputElement).value);
    expect(ratings(["10", "12.5", "15", "17.5", "20"], "price")).toEqual(["0", "3", "5", "8", "10"]);
    expect(ratings(["1", "8", "16", "23", "30"], "days")).toEqual(["3", "6", "10", "10", "10"]);
    await setNumber("Rating of 15 (price)", "8");
    await userEvent.click(screen.getByRole("button", { name: "Next step" }));
    expect(screen.getAllByRole("row")).toHaveLength(6);
    expect(screen.getAllByRole("row")[1].textContent).toMatch(
      /^1price: [\d.]+ · days: \d+ · colour: (red|blue)/,
    );
    await userEvent.click(screen.getByRole("button", { name: "Next step" }));
    await userEvent.click(screen.getByRole("button", { name: "Use these preferences for Seller" }));
    expect(router.state.location.pathname).toBe("/editor/ranges");
    const seller = loadDraft("ranges")!.parties[1];
    expect(seller.curves[0]).toEqual({
      points: [
        [10, 0],
        [12.5, 0.3],
        [15, 0.8],
        [17.5, 0.8],
        [20, 1],
      ],
    });
    expect(seller.curves[1]).toEqual(draft.parties[1].curves[1]);
  });
});
