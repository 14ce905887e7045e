import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  chromiumPath,
  chromiumSuite,
  expectAccessible,
  newPage,
  type RunningServer,
  screenshot,
} from "./harness";

// The pages a visitor reads without joining a room, in Chromium against a real `parley serve`.
describe.skipIf(chromiumPath() === null)("pages in Chromium", () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  chromiumSuite((suite) => ({ server, browser, page } = suite));

  it("opens on the peace plan: its points, the record's status, links to its analysis and record", async () => {
    await page.goto(server.url);
    await page.getByRole("heading", { level: 1, name: /20-point peace plan/ }).waitFor();
    await page.getByText("19 of 20 points settled, open: territory (disputed)").waitFor();
    expect(await page.getByRole("row").count()).toBe(21);
    await expectAccessible(page);
    await screenshot(page, "home");
  });

  it("analyses the peace plan in a worker: blocked on territory, and what unblocks it", async () => {
    await page.getByRole("link", { name: "Analyse the draft" }).click();
    await page.getByText("The draft is blocked on territory").waitFor({ timeout: 30_000 });
    const ways = page.getByRole("listitem").filter({ hasText: /^Reopen / });
    expect(await ways.count()).toBeGreaterThan(0);
    await page.getByRole("img").first().waitFor({ timeout: 30_000 }); // the chart's SVG
    await expectAccessible(page);
    await screenshot(page, "analysis-peace-plan");
  });

  it("shows what-if: opening every point makes room for a deal; the back button returns", async () => {
    await page.getByRole("button", { name: "Open every point" }).click();
    await page.getByText("There is room for a deal").waitFor({ timeout: 30_000 });
    await page.getByRole("button", { name: "Back to the draft" }).click();
    await page.getByText("The draft is blocked on territory").waitFor({ timeout: 30_000 });
    await page.goBack();
    await page.getByRole("heading", { level: 1, name: /20-point peace plan/ }).waitFor();
  });

  it("shows the record: timeline, who said what and who reported it, each point's status", async () => {
    await page.goto(`${server.url}/scenarios/peace-plan/record`);
    await page.getByRole("heading", { name: "Timeline" }).waitFor();
    await page.getByText("reported by Reuters", { exact: false }).first().waitFor();
    await page.getByText("disputed").first().waitFor();
    await expectAccessible(page);
    await screenshot(page, "record-peace-plan");
  });

  it("lists the bundled scenarios and shows a broken upload's error where it happened", async () => {
    await page.goto(`${server.url}/library`);
    await page.getByRole("heading", { name: "Bundled scenarios" }).waitFor();
    await page.getByRole("link", { name: "peace-plan", exact: true }).waitFor();
    const dir = mkdtempSync(join(tmpdir(), "parley-upload-"));
    try {
      const broken = join(dir, "broken.yaml");
      writeFileSync(
        broken,
        "parley: 1\nname: broken\nissues:\n  - name: price\n    options: []\nparties: []\n",
      );
      await page.getByTestId("upload-files").setInputFiles(broken);
      const alert = page.getByRole("alert");
      await alert.waitFor();
      expect(await alert.textContent()).toContain(
        "broken.yaml: issues[0].options: needs ≥ 1 items, found an array of 0",
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    await expectAccessible(page);
    await screenshot(page, "library");
  });

  it("shows a large ANAC plan's analysis progress in percent, and Cancel really ends the worker", async () => {
    // 10^10 outcomes of hyper-rectangle profiles: the largest bundled ANAC plan, searched, not enumerated.
    const big = await newPage(await browser.newContext({ viewport: { width: 1024, height: 800 } }));
    const closed: string[] = [];
    big.on("worker", (w) => w.on("close", () => closed.push(w.url())));
    await big.goto(`${server.url}/scenarios/anac-2014-10issues`);
    const bar = big.getByRole("progressbar", { name: "Analysis progress" });
    await bar.waitFor({ timeout: 30_000 });
    await big.getByRole("button", { name: "Cancel" }).click();
    await big.getByText("Analysis cancelled").waitFor();
    await expect.poll(() => closed.length).toBe(1);
    expect(await bar.count()).toBe(0);
    expect(await big.getByText(/^Analysed in/).count()).toBe(0);
    await expectAccessible(big);
    await screenshot(big, "analysis-cancelled");

    // Run again: the percentage climbs while the worker reports, then the result replaces the bar.
    const seen: number[] = [];
    await big.getByRole("button", { name: "Run it again" }).click();
    await bar.waitFor();
    await expectAccessible(big);
    while ((await big.getByText(/^Analysed in/).count()) === 0) {
      const now = await bar.getAttribute("aria-valuenow", { timeout: 1000 }).catch(() => null);
      if (now !== null) seen.push(Number(now));
    }
    expect(seen.length).toBeGreaterThan(0);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(Math.max(...seen)).toBeGreaterThan(2);
    await expect.poll(() => closed.length).toBe(2);
    await big.context().close();
  });

  it("analyses a bundled ANAC scenario picked in the library", async () => {
    const first = page.getByRole("row").filter({ hasText: "ANAC" }).first().getByRole("link").first();
    const name = await first.textContent();
    await first.click();
    await page.getByRole("heading", { level: 1, name: /Analysis:/ }).waitFor();
    await page.getByText(/Analysed in/).waitFor({ timeout: 60_000 });
    await expectAccessible(page);
    await screenshot(page, `analysis-${name}`);
  });
});
