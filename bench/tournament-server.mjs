// A tournament started over the API of a real `parley serve` (its own process, SQLite in a temporary
// folder), and how the server answers other requests meanwhile: the latency of GET /api/scenarios
// (p50, p99, max) probed every 20 ms when idle and while the tournament runs, the negotiations per
// second of the tournament, and the server process's CPU (its worker threads included).
//
//   node bench/tournament-server.mjs [--scenarios a,b] [--agents boulware,conceder,tft] [--reps 20]
//                                    [--rounds 100] [--workers N]
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const args = Object.fromEntries(
  process.argv.slice(2).flatMap((a, i, all) => (a.startsWith("--") ? [[a.slice(2), all[i + 1]]] : [])),
);
const REQUEST = {
  scenarios: (args.scenarios ?? "anac-2010-englandzimbabwe,anac-2010-itexvscypress").split(","),
  agents: (args.agents ?? "boulware,conceder,tft").split(","),
  reps: Number(args.reps ?? 20),
  rounds: Number(args.rounds ?? 100),
  seed: "bench",
};
const PARLEY = fileURLToPath(new URL("../packages/cli/bin/parley.js", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "parley-bench-tournament-"));

function serve() {
  const extra = args.workers ? ["--tournament-workers", args.workers] : [];
  const child = spawn(
    process.execPath,
    [PARLEY, "serve", "--port", "0", "--db", join(dir, "p.db"), ...extra],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).once("line", (line) => {
      const m = /^Listening on (http:\/\/\S+)$/.exec(line);
      if (m) resolve({ child, base: m[1] });
      else reject(new Error(line));
    });
    child.once("exit", (code) => reject(new Error(`parley serve exited ${code}`)));
  });
}

/** The process's user + system CPU in ms, from /proc (all its threads). */
function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

async function probe(base, until) {
  const ms = [];
  while (!(await until())) {
    const t = performance.now();
    await (await fetch(`${base}/api/scenarios`)).arrayBuffer();
    ms.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, 20));
  }
  ms.sort((a, b) => a - b);
  const at = (q) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))];
  return { n: ms.length, p50: at(0.5), p99: at(0.99), max: ms.at(-1) };
}

const { child, base } = await serve();
try {
  await (await fetch(`${base}/api/scenarios`)).arrayBuffer(); // reads every bundled scenario once
  const idleUntil = performance.now() + 3000;
  const idle = await probe(base, async () => performance.now() > idleUntil);

  const cpu0 = cpuMs(child.pid);
  const t0 = performance.now();
  const res = await fetch(`${base}/api/tournaments`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(REQUEST),
  });
  const { id } = await res.json();
  if (res.status !== 201) throw new Error(`POST /api/tournaments: ${res.status} ${id}`);
  // Polling and probing run side by side, so a stall of the server's thread shows in the probes.
  let view;
  const poll = (async () => {
    do {
      await new Promise((r) => setTimeout(r, 100));
      view = await (await fetch(`${base}/api/tournaments/${id}`)).json();
    } while (view.state === "queued" || view.state === "running");
  })();
  let finished = false;
  void poll.then(() => {
    finished = true;
  });
  const busy = await probe(base, async () => finished);
  await poll;
  const seconds = (performance.now() - t0) / 1000;
  const cpu = cpuMs(child.pid) - cpu0;
  const row = (what, p) =>
    `| ${what} | ${p.n} | ${p.p50.toFixed(1)} | ${p.p99.toFixed(1)} | ${p.max.toFixed(1)} |`;
  console.log(
    `Tournament ${REQUEST.scenarios.join(", ")} × ${REQUEST.agents.join(", ")} × ${REQUEST.reps} reps, ` +
      `${REQUEST.rounds} rounds: ${view.state}, ${view.counts.finished} negotiations (${view.counts.failed} failed) ` +
      `in ${seconds.toFixed(2)} s = ${Math.round(view.counts.finished / seconds)}/s wall; server CPU ${(cpu / 1000).toFixed(2)} s ` +
      `(${(cpu / view.counts.finished).toFixed(2)} ms per negotiation); load average ${loadavg()[0].toFixed(1)}`,
  );
  console.log(
    "\n| GET /api/scenarios | probes | p50 ms | p99 ms | max ms |\n| --- | ---: | ---: | ---: | ---: |",
  );
  console.log(row("idle", idle));
  console.log(row("while the tournament runs", busy));
} finally {
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await exited;
  rmSync(dir, { recursive: true, force: true });
}
