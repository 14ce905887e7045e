// @vitest-environment jsdom

import { parleyDocument } from "@parley/core";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import EditorPage from "../pages/Editor";
import { saveUpload, uploadNames, uploadText } from "../scenarios/uploads";
import { ranges } from "../test/ranges";
import { renderPage } from "../test/render";
import { toDocument } from "./draft";
import { loadDraft } from "./store";

const openStarter = async () => {
  renderPage(<EditorPage />, { path: "/editor/new", route: "/editor/:key" });
  await screen.findByRole("heading", { name: "Point 1: price" }, { timeout: 15_000 });
};
const pointCard = (n: number) =>
  screen.getByRole("heading", { name: new RegExp(`^Point ${n}:`) }).closest("section")!;
const weight = (point: string, party = "Buyer") =>
  screen.getByRole("textbox", { name: `Weight of ${point} for ${party}` });
const setNumber = async (input: HTMLElement, value: string) => {
  await userEvent.clear(input);
  await userEvent.type(input, value);
};
const curveCell = (what: "Value" | "Score", row: number, party: string, point = "price") =>
  screen.getByRole("textbox", { name: `${what} of row ${row} of the curve of ${point} for ${party}` });

describe("scenario editor", () => {
  it("keeps a party's weights summing to 1: setting one rescales the others in proportion", async () => {
    await openStarter();
    await userEvent.click(screen.getByRole("button", { name: "Add a point" }));
    expect(weight("point 3")).toHaveValue("0");
    await userEvent.clear(weight("price"));
    await userEvent.type(weight("price"), "0.4");
    // delivery had all the rest (0.3 of 0.3) and the new point none, so delivery takes all 0.6 left.
    expect(weight("delivery")).toHaveValue("0.6");
    expect(weight("point 3")).toHaveValue("0");
    await userEvent.clear(weight("point 3"));
    await userEvent.type(weight("point 3"), "0.5");
    await userEvent.tab();
    expect(weight("price")).toHaveValue("0.2");
    expect(weight("delivery")).toHaveValue("0.3");
    expect(loadDraft("new")!.parties[0].weights).toEqual([0.2, 0.3, 0.5]);
  });

  it("renames and reorders points by keyboard, the focus following the moved point", async () => {
    await openStarter();
    const name = within(pointCard(1)).getByRole("textbox", { name: /^Name/ });
    await userEvent.clear(name);
    await userEvent.type(name, "cost");
    expect(screen.getByRole("heading", { name: "Point 1: cost" })).toBeInTheDocument();
    screen.getByRole("button", { name: 'Move point "delivery" up' }).focus();
    await userEvent.keyboard("{Enter}");
    expect(screen.getByRole("heading", { name: "Point 1: delivery" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Point 2: cost" })).toBeInTheDocument();
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole("button", { name: 'Move point "delivery" down' })),
    );
    // Each party's tables moved with the point: Buyer's delivery weight is still 0.3.
    expect(weight("delivery")).toHaveValue("0.3");
    expect(loadDraft("new")!.points.map((p) => p.name)).toEqual(["delivery", "cost"]);
    await userEvent.click(screen.getByRole("button", { name: "Undo" }));
    expect(screen.getByRole("heading", { name: "Point 1: cost" })).toBeInTheDocument();
    expect(loadDraft("new")!.points.map((p) => p.name)).toEqual(["cost", "delivery"]);
  });

  it("shows the core's error at the point at fault, naming the field, and blocks saving until fixed", async () => {
    await openStarter();
    const name = within(pointCard(2)).getByRole("textbox", { name: /^Name/ });
    await userEvent.clear(name);
    await userEvent.type(name, "price");
    expect(within(pointCard(2)).getByText(/issue name "price" is used twice/)).toHaveTextContent(
      'issue name "price" is used twice (issues[1])',
    );
    expect(screen.getByText("This scenario cannot be read yet")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Save to this tab's library" })).toBeDisabled();
    await userEvent.type(name, "-2");
    expect(screen.getByText("This scenario reads without errors")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Save to this tab's library" }));
    expect(uploadNames()).toEqual(["upload:my-negotiation"]);
    expect(JSON.parse(uploadText("upload:my-negotiation")!).issues[1].name).toBe("price-2");
    expect(screen.getByRole("link", { name: "Open its analysis" })).toHaveAttribute(
      "href",
      "/scenarios/upload%3Amy-negotiation",
    );
    expect(screen.getByRole("link", { name: "Open a room with it" })).toHaveAttribute(
      "href",
      "/rooms/new?scenario=upload%3Amy-negotiation",
    );
  });

  it("adds and removes options and parties, keeping the values tables in step", async () => {
    await openStarter();
    await userEvent.click(screen.getByRole("button", { name: "Add an option to point 1" }));
    expect(screen.getByRole("textbox", { name: "Value of option 4 (price) for Seller" })).toHaveValue("0");
    await userEvent.click(screen.getByRole("button", { name: 'Remove option "low" of point 1' }));
    expect(loadDraft("new")!.parties[1].values[0]).toEqual([0.5, 1, 0]);
    await userEvent.click(screen.getByRole("button", { name: "Add a party" }));
    expect(screen.getByRole("heading", { name: "Party 3: Party 3" })).toBeInTheDocument();
    expect(loadDraft("new")!.parties[2].weights).toEqual([0.5, 0.5]);
    await userEvent.click(screen.getByRole("button", { name: 'Remove party "Buyer"' }));
    expect(screen.getByRole("heading", { name: "Party 1: Seller" })).toBeInTheDocument();
  });

  it("reorders parties by keyboard, the focus following the moved party, each keeping its own tables", async () => {
    await openStarter();
    screen.getByRole("button", { name: 'Move party "Seller" up' }).focus();
    await userEvent.keyboard("{Enter}");
    expect(screen.getByRole("heading", { name: "Party 1: Seller" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Party 2: Buyer" })).toBeInTheDocument();
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole("button", { name: 'Move party "Seller" down' })),
    );
    expect(screen.getByRole("button", { name: 'Move party "Seller" up' })).toBeDisabled();
    expect(weight("price", "Seller")).toHaveValue("0.6");
    expect(weight("price", "Buyer")).toHaveValue("0.7");
    expect(screen.getByRole("textbox", { name: "Value of low (price) for Seller" })).toHaveValue("0");
    expect(screen.getByRole("textbox", { name: "Value of low (price) for Buyer" })).toHaveValue("1");
    const draft = loadDraft("new")!;
    expect(draft.parties.map((p) => [p.name, p.weights])).toEqual([
      ["Seller", [0.6, 0.4]],
      ["Buyer", [0.7, 0.3]],
    ]);
    await userEvent.keyboard("{Enter}");
    expect(screen.getByRole("heading", { name: "Party 2: Seller" })).toBeInTheDocument();
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole("button", { name: 'Move party "Seller" up' })),
    );
  });

  it("turns a point into a number range with a curve per party, flips one, and shows range errors at their field", async () => {
    await openStarter();
    const card = pointCard(1);
    await userEvent.click(within(card).getByRole("radio", { name: "Whole numbers" }));
    expect(within(card).getByRole("textbox", { name: "Min of point 1" })).toHaveValue("0");
    expect(
      within(card).getByText(/Its options \(low, medium, high\) and each party's values/),
    ).toBeInTheDocument();
    expect(screen.queryByRole("textbox", { name: "Option 1 of point 1: name" })).toBeNull();
    // Every party starts with a rising line over the range; the line's end follows the max.
    await setNumber(within(card).getByRole("textbox", { name: "Max of point 1" }), "100");
    expect(curveCell("Value", 2, "Buyer")).toHaveValue("100");
    expect(curveCell("Score", 2, "Buyer")).toHaveValue("1");
    await userEvent.click(
      screen.getByRole("button", { name: "Flip: best becomes worst, the curve of price for Buyer" }),
    );
    expect(curveCell("Score", 1, "Buyer")).toHaveValue("1");
    expect(curveCell("Score", 2, "Buyer")).toHaveValue("0");
    await userEvent.click(screen.getByRole("button", { name: "Add a row to the curve of price for Buyer" }));
    expect(curveCell("Value", 2, "Buyer")).toHaveValue("50");
    await setNumber(curveCell("Score", 2, "Buyer"), "0.8");
    expect(screen.getByText("This scenario reads without errors")).toBeInTheDocument();
    expect(toDocument(loadDraft("new")!).parties[0].values?.price).toEqual({
      piecewise: [
        [0, 1],
        [50, 0.8],
        [100, 0],
      ],
    });
    // The core's message, at the point: min above max.
    await setNumber(within(card).getByRole("textbox", { name: "Min of point 1" }), "200");
    expect(within(card).getByText(/min 200 is greater than max 100/)).toHaveTextContent(
      "min 200 is greater than max 100 (issues[0])",
    );
    expect(screen.getByText("This scenario cannot be read yet")).toBeInTheDocument();
    await setNumber(within(card).getByRole("textbox", { name: "Min of point 1" }), "0");
    // A real range: its steps, with the core's message at the field.
    await userEvent.click(within(card).getByRole("radio", { name: "Real numbers" }));
    const steps = within(card).getByRole("textbox", { name: "Steps of point 1" });
    await setNumber(steps, "1");
    expect(steps).toHaveAttribute("aria-invalid", "true");
    expect(within(card).getByText("must be ≥ 2, found number 1")).toBeInTheDocument();
    await setNumber(steps, "21");
    expect(screen.getByText("This scenario reads without errors")).toBeInTheDocument();
    // Back to named options: the options and each party's values for them are as they were.
    await userEvent.click(within(card).getByRole("radio", { name: "Named options" }));
    expect(screen.getByRole("textbox", { name: "Option 1 of point 1: name" })).toHaveValue("low");
    expect(screen.getByRole("textbox", { name: "Value of low (price) for Buyer" })).toHaveValue("1");
  });

  it("opens a scenario with number ranges and saves it unchanged when nothing was edited", async () => {
    const scenario = ranges();
    const key = saveUpload(scenario);
    renderPage(<EditorPage />, { path: `/editor/${encodeURIComponent(key)}`, route: "/editor/:key" });
    await screen.findByRole("heading", { name: "Point 1: price" }, { timeout: 15_000 });
    expect(within(pointCard(1)).getByRole("radio", { name: "Real numbers" })).toBeChecked();
    expect(within(pointCard(2)).getByRole("radio", { name: "Whole numbers" })).toBeChecked();
    expect(
      screen.getByText(
        "From the file: a peak (0 at 8, 1 at 12, 0 at 19), kept exactly until you edit this table.",
      ),
    ).toBeInTheDocument();
    expect(curveCell("Value", 2, "Buyer")).toHaveValue("12");
    expect(screen.getByRole("textbox", { name: "Values of days Buyer never accepts" })).toHaveValue("29, 30");
    await userEvent.click(screen.getByRole("button", { name: "Save to this tab's library" }));
    expect(JSON.parse(uploadText(key)!)).toEqual(parleyDocument(scenario));
  });
});
