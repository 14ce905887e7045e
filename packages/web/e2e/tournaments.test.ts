import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { chromiumPath, chromiumSuite, expectAccessible, type RunningServer, screenshot } from "./harness";

// A tournament started, watched and read in the browser, against a real `parley serve`.
describe.skipIf(chromiumPath() === null)("tournaments in Chromium", () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  chromiumSuite((suite) => ({ server, browser, page } = suite));

  it("starts a tournament from the form, by keyboard, after the form and the server have said what is wrong", async () => {
    await page.goto(server.url);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Tournaments" }).click();
    await page.getByRole("heading", { level: 1, name: "Tournaments" }).waitFor();
    await page.getByText("No tournament yet: start one above.").waitFor();
    await page.getByRole("button", { name: "Start the tournament" }).click();
    await page.getByText("Pick at least one scenario.").waitFor();
    await expectAccessible(page);

    const scenarios = page.getByRole("combobox", { name: "Scenarios" });
    await scenarios.focus();
    await page.keyboard.type("englandzimbabwe");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Escape");
    for (const agent of ["boulware", "conceder"]) {
      await page.getByRole("checkbox", { name: new RegExp(`^${agent}`) }).focus();
      await page.keyboard.press("Space");
    }
    await page.getByRole("textbox", { name: "Rounds (deadline)" }).fill("50");
    await page.getByRole("textbox", { name: "Seed" }).fill("7");
    // Within the form's bounds but over the server's size limit: the server's refusal, in its words.
    const reps = page.getByRole("textbox", { name: "Repetitions" });
    await reps.fill("3000");
    await page.getByRole("button", { name: "Start the tournament" }).click();
    const refusal = page.getByRole("alert").filter({ hasText: "could not be started" });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain(
      "reps: the tournament would run 12,000 negotiations (4 line-ups × 3000 reps); this server runs at most 10,000",
    );
    await reps.fill("2");
    await refusal.waitFor({ state: "detached" }); // a changed form is a new request
    await page.getByText(/^8 negotiations/).waitFor();
    await screenshot(page, "tournaments");
    await page.getByRole("button", { name: "Start the tournament" }).press("Enter");
    await page.waitForURL(/\/tournaments\/[0-9a-f]+$/);
  });

  it("watches it finish, then shows the leaderboard with intervals, the plots and the CSV download", async () => {
    await page.getByRole("heading", { level: 1, name: "Tournament" }).waitFor();
    await page.getByText("8 of 8 negotiations finished.").waitFor({ timeout: 60_000 });
    await page.getByText("done", { exact: true }).waitFor();
    const table = page.getByRole("table", { name: /^All 8 negotiations/ });
    await table.waitFor();
    const rows = table.getByRole("row");
    expect(await rows.count()).toBe(3);
    expect(await rows.nth(1).textContent()).toMatch(/^1(boulware|conceder)\d\.\d{3} \(\d\.\d{3}–\d\.\d{3}\)/);
    await page.getByRole("figure").locator("svg").first().waitFor({ timeout: 30_000 });

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download the leaderboard (CSV)" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^tournament-[0-9a-f]+-leaderboard\.csv$/);
    const csv = readFileSync((await download.path())!, "utf8")
      .trim()
      .split("\n");
    expect(csv[0]).toMatch(/^rank,agent,seats,failures,utility,utility_lo,utility_hi,/);
    expect(csv).toHaveLength(3);

    await expectAccessible(page);
    await screenshot(page, "tournament");
  });

  it("lists it on the tournaments page, and the back button returns there", async () => {
    await page.getByRole("link", { name: "← All tournaments" }).click();
    const row = page.getByRole("row").filter({ hasText: "boulware, conceder on anac-2010-englandzimbabwe" });
    await row.waitFor();
    expect(await row.textContent()).toContain("8 of 8");
    await row.getByRole("link").click();
    await page.getByText("8 of 8 negotiations finished.").waitFor();
    await page.goBack();
    await page.getByRole("heading", { level: 1, name: "Tournaments" }).waitFor();
  });

  it("cancels a running tournament and keeps its partial leaderboard", async () => {
    await page.getByRole("combobox", { name: "Scenarios" }).focus();
    await page.keyboard.type("peace-plan");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Escape");
    for (const agent of ["boulware", "conceder", "tft"])
      await page.getByRole("checkbox", { name: new RegExp(`^${agent}`) }).check();
    await page.getByRole("button", { name: "Start the tournament" }).click();
    await page.waitForURL(/\/tournaments\/[0-9a-f]+$/);
    // 3 agents in 4 roles: 81 line-ups × 2 reps, about 50 ms each; cancelled once some have finished.
    await page.getByText(/^[1-9]\d* of 162 negotiations finished/).waitFor({ timeout: 60_000 });
    await page.getByRole("button", { name: "Cancel the tournament" }).click();
    await page.getByText("cancelled", { exact: true }).waitFor({ timeout: 30_000 });
    const board = page.getByRole("table", { name: /^So far: \d+ of 162 negotiations/ });
    await board.waitFor();
    expect(await board.getByRole("row").count()).toBe(4);
    await page.getByRole("button", { name: "Delete" }).waitFor();
    await expectAccessible(page);
  });

  it("offers Cancel and Delete only to the browser holding the owner token, and deletes with it", async () => {
    const url = page.url();
    // Another browser (its own storage) may read the tournament but holds no token.
    const stranger = await browser.newContext();
    try {
      const other = await stranger.newPage();
      await other.goto(url);
      await other
        .getByText("Only the browser that started this tournament can cancel or delete it.")
        .waitFor();
      expect(await other.getByRole("button", { name: "Delete" }).count()).toBe(0);
    } finally {
      await stranger.close();
    }
    page.once("dialog", (dialog) => dialog.accept());
    await page.getByRole("button", { name: "Delete" }).click();
    await page.waitForURL(/\/tournaments$/);
    const id = url.split("/").pop()!;
    expect(await page.evaluate((key) => localStorage.getItem(key), `parley.tournament.${id}`)).toBeNull();
    expect((await fetch(`${server.url}/api/tournaments/${id}`)).status).toBe(404);
  });
});
