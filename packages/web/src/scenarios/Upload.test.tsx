// @vitest-environment jsdom
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { renderPage } from "../test/render";
import { Upload } from "./Upload";
import { uploadNames } from "./uploads";

const file = (name: string, text: string) => new File([text], name, { type: "text/plain" });

describe("Upload", () => {
  it("shows a broken file's error where the upload happened, naming the file and the field", async () => {
    renderPage(<Upload onSaved={() => {}} />);
    const broken = "parley: 1\nname: broken\nissues:\n  - name: price\n    options: []\nparties: []\n";
    await userEvent.upload(screen.getByTestId("upload-files"), file("broken.yaml", broken));
    const alert = await screen.findByRole("alert", {}, { timeout: 15_000 });
    expect(alert).toHaveTextContent("This scenario cannot be read");
    expect(alert).toHaveTextContent("broken.yaml: issues[0].options: needs ≥ 1 items, found an array of 0");
    expect(uploadNames()).toEqual([]);
  });

  it("keeps a good scenario in the tab and opens its analysis", async () => {
    const { router } = renderPage(<Upload onSaved={() => {}} />, { route: "/" });
    const yaml = [
      "parley: 1",
      "name: tiny",
      "issues:",
      "  - name: price",
      "    options: [low, high]",
      "parties:",
      "  - name: buyer",
      "    weights: { price: 1 }",
      "    values: { price: { low: 1, high: 0 } }",
      "  - name: seller",
      "    weights: { price: 1 }",
      "    values: { price: { low: 0, high: 1 } }",
    ].join("\n");
    await userEvent.upload(screen.getByTestId("upload-files"), file("tiny.yaml", yaml));
    await screen.findByText("elsewhere", {}, { timeout: 15_000 });
    expect(router.state.location.pathname).toBe("/scenarios/upload%3Atiny");
    expect(uploadNames()).toEqual(["upload:tiny"]);
  });
});
