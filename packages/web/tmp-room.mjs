import { chromium } from "playwright-core";

const r = JSON.parse((await import("node:fs")).readFileSync("/tmp/room.json", "utf8"));
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu"],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
page.on("pageerror", (e) => console.log("pageerror:", e.message));
page.on("console", (m) => m.type() === "error" && console.log("console:", m.text()));
await page.goto("http://127.0.0.1:4399" + r.seats[0].url);
await page.waitForTimeout(5000);
await page.screenshot({ path: "/tmp/seat.png", fullPage: true });
await browser.close();
