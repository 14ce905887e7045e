import { readFileSync } from "node:fs";
import { chromium } from "playwright-core";

const axe = readFileSync("../../node_modules/axe-core/axe.min.js", "utf8");
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu"],
});
const page = await browser.newPage({ viewport: { width: 1024, height: 800 } });
for (const path of process.argv.slice(2)) {
  await page.goto("http://127.0.0.1:4311" + path);
  await page.waitForTimeout(3500);
  await page.addScriptTag({ content: axe });
  const v = await page.evaluate(
    async () => (await window.axe.run(document, { resultTypes: ["violations"] })).violations,
  );
  for (const x of v)
    console.log(
      path,
      x.impact,
      x.id,
      x.help,
      x.nodes
        .slice(0, 4)
        .map((n) => n.target.join(" ") + " " + (n.failureSummary || "").slice(0, 200))
        .join(" | "),
    );
  await page.screenshot({ path: `/tmp/shot-${path.replace(/[^a-z0-9]+/gi, "_")}.png`, fullPage: true });
}
await browser.close();
