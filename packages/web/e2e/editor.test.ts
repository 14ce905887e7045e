import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { chromiumPath, chromiumSuite, expectAccessible, type RunningServer, screenshot } from "./harness";

// The scenario editor and the guided elicitation, in Chromium against a real `parley serve`.
describe.skipIf(chromiumPath() === null)("scenario editor in Chromium", () => {
  let server: RunningServer;
  let page: Page;
  chromiumSuite((suite) => ({ server, page } = suite));

  const downloadOf = async (button: string) => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: button }).click(),
    ]);
    return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
  };

  it("creates a scenario from the Library by keyboard: renames it, adds a point", async () => {
    await page.goto(`${server.url}/library`);
    await page.getByRole("link", { name: "Create a new scenario" }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Scenario editor" }).waitFor();
    await page.getByText("This scenario reads without errors").waitFor();
    const name = page.getByRole("textbox", { name: /^Name/ }).first();
    await name.fill("e2e-deal");
    await page.getByRole("button", { name: "Add a point" }).focus();
    await page.keyboard.press("Enter");
    const point3 = page.getByRole("region", { name: /^Point 3:/ });
    await point3.getByRole("textbox", { name: /^Name/ }).fill("warranty");
    await page.getByRole("heading", { name: "Point 3: warranty" }).waitFor();
    await expectAccessible(page);
    await screenshot(page, "editor");
  });

  it("shows a duplicate name's error at the point, in words", async () => {
    const point3 = page.getByRole("region", { name: /^Point 3:/ });
    await point3.getByRole("textbox", { name: /^Name/ }).fill("price");
    await point3.getByText('issue name "price" is used twice (issues[2])').waitFor();
    await page.getByText("This scenario cannot be read yet").waitFor();
    await expectAccessible(page);
    await point3.getByRole("textbox", { name: /^Name/ }).fill("warranty");
    await page.getByText("This scenario reads without errors").waitFor();
  });

  it("elicits the Buyer's preferences step by step; the back button goes back a step", async () => {
    await page.getByRole("link", { name: "Ask Buyer step by step" }).click();
    await page.getByRole("heading", { level: 1, name: "What matters to Buyer?" }).waitFor();
    await page.getByRole("textbox", { name: "price", exact: true }).fill("50");
    await page.getByRole("textbox", { name: "warranty", exact: true }).fill("20");
    await page.getByRole("button", { name: "Next step" }).click();
    await page.getByRole("textbox", { name: "Rating of first (warranty)" }).fill("10");
    await page.getByRole("textbox", { name: "Rating of second (warranty)" }).fill("2");
    await page.getByRole("button", { name: "Next step" }).click();
    await page.getByRole("table", { name: "Packages in your order, best first" }).waitFor();
    // high·standard·first above medium·fast·second: the warranty matters more than 20 points say.
    await page.getByRole("button", { name: "Move package 4 up" }).focus();
    await page.keyboard.press("Enter");
    await page.getByText("The scores follow your order", { exact: true }).waitFor();
    await page.getByText(/^price \d+ · delivery \d+ · warranty (2[1-9]|[3-9]\d)$/).waitFor();
    await expectAccessible(page);
    await screenshot(page, "elicitation");
    await page.goBack();
    await page.getByText("On each point, how good is each option for Buyer?").waitFor();
    await page.goForward();
    await page.getByRole("button", { name: "Next step" }).click();
    await page.getByRole("textbox", { name: "No deal is worth (score out of 100)" }).fill("40");
    await page.getByRole("button", { name: "Use these preferences for Buyer" }).click();
    await page.getByRole("heading", { level: 1, name: "Scenario editor" }).waitFor();
    expect(await page.getByRole("textbox", { name: "Reservation value" }).first().inputValue()).toBe("0.4");
  });

  it("exports Parley YAML and a GENIUS zip, saying what GENIUS loses", async () => {
    const yaml = await downloadOf("Download Parley YAML");
    expect(yaml.name).toBe("e2e-deal.yaml");
    expect(yaml.bytes.toString("utf8")).toContain("name: warranty");
    await page.getByRole("checkbox", { name: "Buyer never accepts high (price)" }).check();
    const genius = await downloadOf("Download GENIUS XML (zip)");
    expect(genius.name).toBe("e2e-deal-genius.zip");
    expect(genius.bytes.subarray(0, 2).toString("latin1")).toBe("PK");
    await page.getByText("Downloaded e2e-deal-genius.zip").waitFor();
    await page.getByText('party "Buyer": GENIUS has no red lines; they are not written').waitFor();
    await expectAccessible(page);
  });

  it("saves the scenario and opens its analysis; back returns to the draft", async () => {
    await page.getByRole("button", { name: "Save to this tab's library" }).click();
    await page.getByRole("link", { name: "Open its analysis" }).click();
    await page.getByRole("heading", { level: 1, name: /Analysis: A new negotiation/ }).waitFor();
    await page.getByText(/Analysed in/).waitFor({ timeout: 60_000 });
    await page.goBack();
    await page.getByRole("heading", { name: "Point 3: warranty" }).waitFor();
  });

  it("turns a point into a number range, with each party's curve as a table it can flip", async () => {
    await page.goto(`${server.url}/library`);
    await page.getByRole("link", { name: "Create a new scenario" }).click();
    await page.getByRole("heading", { level: 1, name: "Scenario editor" }).waitFor();
    const point2 = page.getByRole("region", { name: /^Point 2:/ });
    await point2.getByRole("radio", { name: "Whole numbers" }).check();
    await point2.getByRole("textbox", { name: "Min of point 2" }).fill("1");
    await point2.getByRole("textbox", { name: "Max of point 2" }).fill("30");
    await page.getByText("This scenario reads without errors").waitFor();
    const flip = page.getByRole("button", { name: /^Flip: best becomes worst, the curve of .* for Seller$/ });
    await flip.click();
    const curve = page.getByRole("table", { name: /^Curve of .* for Seller$/ });
    expect(await curve.getByRole("textbox", { name: /^Score of row 1 / }).inputValue()).toBe("1");
    expect(await curve.getByRole("textbox", { name: /^Score of row 2 / }).inputValue()).toBe("0");
    await point2.getByRole("textbox", { name: "Max of point 2" }).fill("0");
    await point2.getByText(/min 1 is greater than max 0/).waitFor();
    await page.getByText("This scenario cannot be read yet").waitFor();
    await point2.getByRole("textbox", { name: "Max of point 2" }).fill("30");
    await page.getByText("This scenario reads without errors").waitFor();
    await expectAccessible(page);
    await screenshot(page, "editor-range");
    const yaml = (await downloadOf("Download Parley YAML")).bytes.toString("utf8");
    expect(yaml).toMatch(/kind: integer/);
    expect(yaml).toMatch(/min: 1/);
    expect(yaml).toMatch(/max: 30/);
  });

  it("opens a copy of a bundled scenario in the editor", async () => {
    await page.goto(`${server.url}/library`);
    const edit = page.getByRole("link", { name: /^Edit a copy of / }).first();
    const label = (await edit.getAttribute("aria-label"))!;
    await edit.click();
    await page.getByText(`Editing a copy of ${label.slice("Edit a copy of ".length)}`).waitFor();
    await page.getByRole("heading", { name: /^Point 1:/ }).waitFor();
  });
});
