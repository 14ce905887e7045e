import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { chromiumPath, launchChromium } from "./chromium.mjs";

const repo = join(import.meta.dirname, "../../..");
export const SCREENSHOTS = join(import.meta.dirname, "screenshots");

export { chromiumPath };

export function launch(): Promise<Browser> {
  return launchChromium();
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  url: string;
  /** Stops the server (SIGTERM) and starts it again on the same port and store, as after a crash or deploy. */
  restart: () => Promise<void>;
  stop: () => Promise<void>;
}

/** `parley serve` on `port` with the SQLite file in `dir`; resolves with its URL once it listens. */
async function spawnServe(dir: string, port: number): Promise<{ child: ChildProcess; url: string }> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      join(repo, "packages/cli/bin/parley.js"),
      "serve",
      "--host",
      "127.0.0.1",
      "--port",
      String(port),
      "--db",
      join(dir, "parley.db"),
    ],
    { cwd: dir, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`parley serve did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /Listening on (http:\/\/\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`parley serve exited (${code}):\n${output}`));
    });
  });
  return { child, url };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await exited;
}

/** A real `parley serve` on a free loopback port with a fresh SQLite file, removed on stop. */
export async function startServer(): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), "parley-web-e2e-"));
  const port = await freePort();
  let { child, url } = await spawnServe(dir, port);
  return {
    url,
    restart: async () => {
      await stopChild(child);
      ({ child, url } = await spawnServe(dir, port));
    },
    stop: async () => {
      await stopChild(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** What a suite of browser tests runs against: a server, Chromium, and one 1024×800 page. */
export interface ChromiumSuite {
  server: RunningServer;
  browser: Browser;
  page: Page;
}

/** Starts a server and Chromium (and a page) before the suite's tests, hands them to `ready`, and stops them after. */
export function chromiumSuite(ready: (suite: ChromiumSuite) => void): void {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launch()]);
    const page = await newPage(await browser.newContext({ viewport: { width: 1024, height: 800 } }));
    ready({ server, browser, page });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
}

export async function newPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  page.on("pageerror", (e) => {
    throw new Error(`page error on ${page.url()}: ${e.message}`);
  });
  return page;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core in the page; fails on any serious or critical violation, listing them. */
export async function expectAccessible(page: Page): Promise<void> {
  await page.addScriptTag({ content: axeSource });
  const violations = (await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: unknown[] }> } }
    ).axe;
    return (await axe.run(document, { resultTypes: ["violations"] })).violations;
  })) as AxeViolation[];
  const bad = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const said = bad.map(
    (v) =>
      `${v.impact} ${v.id}: ${v.help} at ${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 5)
        .join(", ")}`,
  );
  expect(said, `axe on ${page.url()}`).toEqual([]);
}

/** Saves a full-page screenshot as a test artifact (packages/web/e2e/screenshots, not committed). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // The fixed header would otherwise be pasted mid-page in a full-page capture.
  await page.addStyleTag({ content: ".mantine-AppShell-header { position: absolute !important; }" });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
