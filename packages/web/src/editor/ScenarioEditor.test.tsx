// @vitest-environment jsdom
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import EditorPage from "../pages/Editor";
import { uploadNames, uploadText } from "../scenarios/uploads";
import { renderPage } from "../test/render";
import { loadDraft } from "./store";

const openStarter = async () => {
  renderPage(<EditorPage />, { path: "/editor/new", route: "/editor/:key" });
  await screen.findByRole("heading", { name: "Point 1: price" }, { timeout: 15_000 });
};
const pointCard = (n: number) =>
  screen.getByRole("heading", { name: new RegExp(`^Point ${n}:`) }).closest("section")!;
const weight = (point: string) => screen.getByRole("textbox", { name: `Weight of ${point} for Buyer` });

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
});
