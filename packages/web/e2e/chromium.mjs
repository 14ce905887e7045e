// Debian's chromium for the end-to-end tests and bench/web.mjs: nothing is downloaded.
import { execSync } from "node:child_process";
import { chromium } from "playwright-core";

/** Debian's chromium, or null when it is not installed (`apt-get install -y chromium`). */
export function chromiumPath() {
  try {
    return execSync("command -v chromium", { encoding: "utf8", shell: "/bin/sh" }).trim() || null;
  } catch {
    return null;
  }
}

/** Starts headless Chromium with the flags a machine without a display, GPU or network needs. */
export function launchChromium() {
  return chromium.launch({
    executablePath: chromiumPath() ?? "chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
