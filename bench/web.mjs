// The web app's speed: the built app's chunk sizes (gzip), time to first page on loopback, and the
// 20-point peace plan's analysis in the page's Web Worker. Needs `npm run build` and Debian's
// chromium (`apt-get install -y chromium`). Usage: node bench/web.mjs [--runs N]
import { execSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { launchChromium } from "../packages/web/e2e/chromium.mjs";

const root = join(import.meta.dirname, "..");
const dist = join(root, "packages/web/dist");
const runs = Number(process.argv[process.argv.indexOf("--runs") + 1]) || 5;
const kB = (n) => `${(n / 1024).toFixed(1)} kB`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

if (!existsSync(join(dist, "index.html"))) {
  console.error("bench/web: packages/web/dist is missing: run `npm run build` first");
  process.exit(2);
}

// 1. Sizes: the entry chunk index.html loads, and the largest lazily loaded ones.
const html = readFileSync(join(dist, "index.html"), "utf8");
const entry = /src="\/assets\/([^"]+\.js)"/.exec(html)[1];
const assets = readdirSync(join(dist, "assets")).filter((f) => f.endsWith(".js") || f.endsWith(".css"));
const sized = assets
  .map((f) => {
    const bytes = readFileSync(join(dist, "assets", f));
    return { f, raw: bytes.length, gzip: gzipSync(bytes).length };
  })
  .sort((a, b) => b.gzip - a.gzip);
const main = sized.find((s) => s.f === entry);
console.log(`main chunk ${entry}: ${kB(main.raw)}, gzip ${kB(main.gzip)} (target < 300 kB)`);
for (const s of sized.slice(0, 6)) if (s.f !== entry) console.log(`  lazy ${s.f}: gzip ${kB(s.gzip)}`);

// 2. A server on loopback: `parley serve` when the CLI has it, else a static server of dist.
async function serve() {
  const cli = join(root, "packages/cli/bin/parley.js");
  let hasServe = false;
  try {
    hasServe = /\bserve\b/.test(execSync(`node ${cli} --help`, { encoding: "utf8" }));
  } catch {}
  if (hasServe) {
    const dir = mkdtempSync(join(tmpdir(), "parley-bench-web-"));
    const child = spawn(process.execPath, [cli, "serve", "--port", "0", "--db", join(dir, "bench.db")], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    const url = await new Promise((resolve, reject) => {
      let out = "";
      child.stdout.on("data", (d) => {
        out += d;
        const m = /Listening on (\S+)/.exec(out);
        if (m) resolve(m[1]);
      });
      child.once("exit", (c) => reject(new Error(`parley serve exited ${c}`)));
    });
    return {
      url,
      what: "parley serve",
      stop: async () => {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill();
        await exited;
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const types = { ".js": "text/javascript", ".css": "text/css", ".html": "text/html" };
  const server = createServer((req, res) => {
    const path = join(dist, decodeURIComponent(new URL(req.url, "http://x").pathname));
    const file = existsSync(path) && extname(path) ? path : join(dist, "index.html");
    res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    what: "a static server of dist",
    stop: () => server.close(),
  };
}

const server = await serve();
const browser = await launchChromium();
try {
  const first = [];
  const worker = [];
  const wall = [];
  for (let r = 0; r < runs; r++) {
    // A fresh context each run: nothing cached, as for a new visitor.
    const context = await browser.newContext();
    const page = await context.newPage();
    let t = performance.now();
    await page.goto(server.url);
    await page.getByRole("heading", { level: 1 }).waitFor();
    first.push(performance.now() - t);
    t = performance.now();
    await page.goto(`${server.url}/scenarios/peace-plan`);
    const done = page.getByText(/^Analysed in/);
    await done.waitFor({ timeout: 60_000 });
    wall.push(performance.now() - t);
    const text = await done.textContent();
    const m = /Analysed in ([\d.]+) (ms|s)/.exec(text);
    worker.push(Number(m[1]) * (m[2] === "s" ? 1000 : 1));
    await context.close();
  }
  console.log(`served by ${server.what}, ${runs} runs, medians:`);
  console.log(`first page (navigation to the home page's heading): ${median(first).toFixed(0)} ms`);
  console.log(`peace plan analysis in the worker: ${median(worker).toFixed(0)} ms (target < 1000 ms)`);
  console.log(`analysis page, navigation to result shown: ${median(wall).toFixed(0)} ms`);
} finally {
  await browser.close();
  await server.stop();
}
