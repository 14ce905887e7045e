// Live rooms under load: a real `parley serve` (its own process) and this load client on the same
// machine. N rooms of two person seats over WebSockets play to the end at once (each seat moves
// when the push says it is its turn); then rooms of a person against a server-side agent.
// Prints moves/s and the latency from a move sent to its acknowledgement and to the other seat's
// push (p50, p99), on SQLite and on PostgreSQL. With --servers N (N > 1): N `parley serve --redis`
// processes on one PostgreSQL database and the local Redis; each room's seats are on different
// servers (every push crosses Redis), and an agent room's person is not on the server running the agent.
// With --think-ms T, each person takes a think time before each move (uniform in [T/2, 3T/2], seeded),
// as people do, instead of answering at once: the server then meets an offered load, not a closed loop
// that keeps every room's next move queued.
//
//   node bench/rooms.mjs [--rooms 100,1000] [--rounds 10] [--agent-rooms 50] [--stores sqlite,postgres] [--servers 1] [--think-ms 0]
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import WebSocket from "ws";
import { freshStore } from "../packages/server/test/fresh-store.mjs";

const args = Object.fromEntries(
  process.argv.slice(2).flatMap((a, i, all) => (a.startsWith("--") ? [[a.slice(2), all[i + 1]]] : [])),
);
const ROOMS = (args.rooms ?? "100,1000")
  .split(",")
  .map(Number)
  .filter((n) => n > 0);
const ROUNDS = Number(args.rounds ?? 10);
const AGENT_ROOMS = Number(args["agent-rooms"] ?? 50);
const SERVERS = Number(args.servers ?? 1);
const STORES = SERVERS > 1 ? ["postgres"] : (args.stores ?? "sqlite,postgres").split(",");
const REDIS = process.env.PARLEY_BENCH_REDIS ?? "redis://127.0.0.1:6379";
const PARLEY = fileURLToPath(new URL("../packages/cli/bin/parley.js", import.meta.url));
const SCENARIO = "anac-2010-englandzimbabwe";
const THINK_MS = Number(args["think-ms"] ?? 0);

/** mulberry32: the think times' random numbers, from seed 1, so every run offers the same load. */
function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = seeded(1);
/** Runs `fn` after a person's think time (at once without --think-ms). */
const afterThinking = (fn) => (THINK_MS > 0 ? setTimeout(fn, THINK_MS * (0.5 + random())) : fn());

function serve(db, extra = []) {
  // PARLEY_BENCH_NODE_ARGS: options for the server's node, e.g. "--cpu-prof" to profile it.
  const nodeArgs = (process.env.PARLEY_BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn(
    process.execPath,
    [...nodeArgs, PARLEY, "serve", "--port", "0", "--db", db, "--rooms-per-minute", "100000", ...extra],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).once("line", (line) => {
      const m = /^Listening on (http:\/\/[^\s]+)$/.exec(line);
      if (m) resolve({ child, base: m[1] });
      else reject(new Error(line));
    });
    child.once("exit", (code) => reject(new Error(`parley serve exited ${code}`)));
  });
}

async function post(base, path, body, token) {
  const res = await fetch(base + path, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** A seat's socket: resolves once the state has arrived; `on(fn)` sees every later message. */
function connect(base, id, token) {
  const socket = new WebSocket(`${base.replace("http", "ws")}/api/rooms/${id}/ws?token=${token}`);
  const listeners = [];
  return new Promise((resolve, reject) => {
    socket.once("error", reject);
    socket.on("message", (data) => {
      const m = JSON.parse(data.toString());
      if (m.type === "state") resolve({ socket, state: m.room, on: (fn) => listeners.push(fn) });
      for (const fn of listeners) fn(m);
    });
  });
}

/** CPU time (user + system, ms) the server processes have used so far, from /proc (Linux). */
function cpuMs(pids) {
  let ms = 0;
  for (const pid of pids) {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    ms += ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (100 Hz)
  }
  return ms;
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Offers from the scenario, each seat cycling through a few (nobody accepts: rooms run to the deadline). */
async function offersOf(base) {
  await fetch(`${base}/api/scenarios`); // the catalog is read once, before anything is measured
  const doc = await (await fetch(`${base}/api/scenarios/${SCENARIO}`)).json();
  const option = (issue, k) => {
    const o = issue.options[k % issue.options.length];
    return typeof o === "string" ? o : o.value;
  };
  return [0, 1, 2].map((k) => Object.fromEntries(doc.issues.map((issue) => [issue.name, option(issue, k)])));
}

/** `n` SAOP rooms of the bench's scenario and deadline, one after the other, room i on server i mod N. */
async function createRooms(bases, n, seats) {
  const rooms = [];
  for (let i = 0; i < n; i++)
    rooms.push(
      await post(bases[i % bases.length], "/api/rooms", {
        scenario: SCENARIO,
        protocol: "saop",
        deadline: { rounds: ROUNDS },
        seats,
      }),
    );
  return rooms;
}

/** Two people per room, every room at once, to the end. */
async function personRooms(bases, n, offers, pids) {
  const rooms = await createRooms(bases, n, [{ party: 0 }, { party: 1 }]);
  const seats = [];
  for (const [i, room] of rooms.entries())
    for (let s = 0; s < 2; s++)
      seats.push({
        room,
        s,
        ...(await connect(bases[(i + s) % bases.length], room.id, room.seats[s].token)),
      });
  const ack = [];
  const push = [];
  let moves = 0;
  const sent = new Map(); // `${room}/${seq}` pending push → send time
  const errors = [];
  const cpu0 = cpuMs(pids);
  const started = performance.now();
  await Promise.all(
    rooms.map(
      (room, r) =>
        new Promise((done) => {
          const pair = [seats[2 * r], seats[2 * r + 1]];
          let n = 0;
          const move = (seat) => {
            const id = `m${n++}`;
            const t0 = performance.now();
            seat.pendingId = id;
            seat.t0 = t0;
            seat.socket.send(
              JSON.stringify({ move: { id, type: "offer", outcome: offers[n % offers.length] } }),
            );
          };
          for (const [s, seat] of pair.entries())
            seat.on((m) => {
              if (m.type === "ack" && m.id === seat.pendingId) {
                ack.push(performance.now() - seat.t0);
                sent.set(`${room.id}/${m.seq}`, seat.t0);
              } else if (m.type === "error") {
                errors.push(m.error);
                done();
              } else if (m.type === "event") {
                if (s === 0 && m.kind === "move") moves++;
                const t0 = sent.get(`${room.id}/${m.seq}`);
                if (m.actor.party !== s && t0 !== undefined) push.push(performance.now() - t0);
                if (m.state === "ended") {
                  if (s === 0) done();
                } else if (m.expected && m.actor.party !== s) afterThinking(() => move(seat));
              }
            });
          afterThinking(() => move(pair[0]));
        }),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = (cpuMs(pids) - cpu0) / moves;
  for (const seat of seats) seat.socket.close();
  ack.sort((a, b) => a - b);
  push.sort((a, b) => a - b);
  if (errors.length) console.error(`${errors.length} rooms stopped on an error, e.g. ${errors[0]}`);
  return { moves, seconds, ack, push, cpu };
}

/** A person against a server-side agent (boulware) in each room: the agent's reply is the push latency. */
async function agentRooms(bases, n, offers, pids) {
  const rooms = await createRooms(bases, n, [{ party: 0 }, { party: 1, agent: "boulware" }]);
  const reply = [];
  const endings = {};
  let moves = 0;
  const cpu0 = cpuMs(pids);
  const started = performance.now();
  const sockets = [];
  await Promise.all(
    rooms.map(async (room, i) => {
      const seat = await connect(bases[(i + 1) % bases.length], room.id, room.seats[0].token);
      sockets.push(seat.socket);
      await new Promise((done) => {
        let t0 = 0;
        let k = 0;
        const move = () => {
          t0 = performance.now();
          seat.socket.send(JSON.stringify({ move: { id: `p${k++}`, type: "offer", outcome: offers[0] } }));
        };
        seat.on((m) => {
          if (m.type !== "event") return;
          moves++;
          if (m.actor.party === 1) reply.push(performance.now() - t0);
          if (m.state === "ended") {
            endings[m.outcome.endedBy] = (endings[m.outcome.endedBy] ?? 0) + 1;
            done();
          } else if (m.expected) move();
        });
        move();
      });
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = (cpuMs(pids) - cpu0) / moves;
  for (const s of sockets) s.close();
  reply.sort((a, b) => a - b);
  console.error(`rooms with an agent ended by: ${JSON.stringify(endings)}`);
  return { moves, seconds, reply, cpu };
}

/** SERVERS `parley serve` processes on a fresh store (with more than one: sharing it through Redis). */
async function servers(kind) {
  const store = await freshStore(kind, "parley_bench");
  const extra =
    SERVERS > 1 ? ["--redis", REDIS, "--redis-prefix", `parley_bench_${process.pid}_${Date.now()}`] : [];
  const started = [];
  for (let i = 0; i < SERVERS; i++) started.push(await serve(store.url, extra));
  return {
    bases: started.map((s) => s.base),
    pids: started.map((s) => s.child.pid),
    async stop() {
      for (const { child } of started) {
        child.kill();
        await new Promise((r) => child.once("exit", r));
      }
      await store.drop();
    },
  };
}

const fmt = (x) => (Number.isNaN(x) ? "–" : x.toFixed(1));
console.log(
  `rooms bench: ${SCENARIO}, SAOP, ${ROUNDS} rounds (${2 * ROUNDS} moves a room), ${SERVERS} server(s), think time ${THINK_MS} ms, load client and servers on this machine`,
);
console.log(
  "| store | servers | rooms | seats | moves | seconds | moves/s | ack p50 ms | ack p99 ms | push p50 ms | push p99 ms | server CPU ms/move |",
);
console.log("| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const kind of STORES) {
  for (const n of ROOMS) {
    const run = await servers(kind);
    try {
      const offers = await offersOf(run.bases[0]);
      const r = await personRooms(run.bases, n, offers, run.pids);
      console.log(
        `| ${kind} | ${SERVERS} | ${n} | 2 people | ${r.moves} | ${r.seconds.toFixed(2)} | ${Math.round(r.moves / r.seconds)} | ${fmt(percentile(r.ack, 50))} | ${fmt(percentile(r.ack, 99))} | ${fmt(percentile(r.push, 50))} | ${fmt(percentile(r.push, 99))} | ${r.cpu.toFixed(2)} |`,
      );
    } finally {
      await run.stop();
    }
  }
  if (AGENT_ROOMS > 0) {
    const run = await servers(kind);
    try {
      const offers = await offersOf(run.bases[0]);
      const r = await agentRooms(run.bases, AGENT_ROOMS, offers, run.pids);
      console.log(
        `| ${kind} | ${SERVERS} | ${AGENT_ROOMS} | person + agent | ${r.moves} | ${r.seconds.toFixed(2)} | ${Math.round(r.moves / r.seconds)} | – | – | ${fmt(percentile(r.reply, 50))} (agent reply) | ${fmt(percentile(r.reply, 99))} | ${r.cpu.toFixed(2)} |`,
      );
    } finally {
      await run.stop();
    }
  }
}
