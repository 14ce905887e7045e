import { chromium } from "playwright-core";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless","--no-sandbox","--disable-gpu","--disable-background-networking","--disable-component-update","--disable-sync"] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
page.on("console", (m) => console.log("console:", m.type(), m.text()));
page.on("pageerror", (e) => console.log("pageerror:", e.message));
const base = process.argv[2];
for (const path of process.argv.slice(3)) {
  const t = Date.now();
  await page.goto(base + path);
  await page.waitForTimeout(Number(process.env.WAIT ?? 3000));
  const name = path.replace(/[^a-z0-9]+/gi, "_") || "home";
  await page.screenshot({ path: `/tmp/shot-${name}.png`, fullPage: true });
  console.log(path, "ok", Date.now() - t, "ms");
}
await browser.close();
