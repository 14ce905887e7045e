import { randomBytes } from "node:crypto";
import { redisConnection } from "@parley/node";
import { afterEach, describe, expect, it } from "vitest";
import { createServer } from "../src/index.js";
import {
  call,
  createRoom,
  Feed,
  freshStore,
  type Json,
  OFFERS,
  REDIS,
  type Running,
  start,
  type TestStore,
} from "./helpers.js";

/** The event seqs a feed received, in the order it received them. */
const eventSeqs = (feed: Feed) => feed.messages.filter((m) => m.type === "event").map((m) => m.seq as number);

/** Asserts a feed got consecutive seqs from `first` to `last`: each once, in order, none missed. */
function expectSeqs(feed: Feed, first: number, last: number): void {
  expect(eventSeqs(feed)).toEqual(Array.from({ length: last - first + 1 }, (_, i) => first + i));
}

/** Waits until `test` holds, polling; fails with `what` after `ms`. */
async function until(what: string, test: () => boolean | Promise<boolean>, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await test())) {
    if (Date.now() > end) throw new Error(`still not ${what} after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("rooms on two servers sharing PostgreSQL and Redis", () => {
  let store: TestStore;
  const servers: Running[] = [];
  const feeds: Feed[] = [];
  let prefix: string;

  const two = async (options: Record<string, unknown> = {}) => {
    store = await freshStore("postgres");
    prefix = `parley_test_${randomBytes(6).toString("hex")}`;
    for (let i = 0; i < 2; i++)
      servers.push(await start(store.url, { redis: REDIS, redisPrefix: prefix, leaseMs: 1500, ...options }));
    return servers;
  };
  const open = async (base: string, id: string, token: string, since?: number) => {
    const feed = await Feed.open(base, id, token, since);
    feeds.push(feed);
    return feed;
  };

  afterEach(async () => {
    await Promise.all(feeds.splice(0).map((f) => f.close()));
    await Promise.all(servers.splice(0).map((s) => s.close()));
    await store?.drop();
  });

  it("shows every socket each event it may see once, in seq order, whichever server took the move", async () => {
    const [a, b] = await two();
    const room = await createRoom(a.base, { deadline: { rounds: 6 } });
    const [buyer, seller] = room.seats.map((s: Json) => s.token as string);
    const buyerFeed = await open(a.base, room.id, buyer);
    const sellerFeed = await open(b.base, room.id, seller);
    const hostOnA = await open(a.base, room.id, room.hostToken);
    const hostOnB = await open(b.base, room.id, room.hostToken);
    for (const f of [buyerFeed, sellerFeed, hostOnA, hostOnB]) await f.next((m) => m.type === "state");
    // Seqs 1 and 2 are the seats' join entries, stored before each seat's state was sent.
    const joins = 2;

    // The buyer moves over HTTP on B and on its socket on A; the seller on its socket on B and over HTTP on A.
    let acked = 0;
    for (let n = 0; n < 8; n++) {
      const party = n % 2;
      const body = { id: `m${n}`, type: "offer", outcome: OFFERS[n % OFFERS.length] };
      if (n % 4 < 2) {
        const res = await call(party === 0 ? b.base : a.base, "POST", `/api/rooms/${room.id}/moves`, {
          token: party === 0 ? buyer : seller,
          body,
        });
        expect(res.body, res.text).toEqual({ seq: joins + n + 1 });
      } else {
        const feed = party === 0 ? buyerFeed : sellerFeed;
        feed.send({ move: body });
        expect(await feed.next((m) => m.type === "ack" && m.id === body.id)).toMatchObject({
          seq: joins + n + 1,
        });
      }
      acked++;
    }
    // Chat from both servers at once: the two servers race for the same seq; each message is stored once.
    const chats = await Promise.all(
      [0, 1, 2, 3, 4, 5].map((k) =>
        call(k % 2 ? a.base : b.base, "POST", `/api/rooms/${room.id}/chat`, {
          token: k % 2 ? buyer : seller,
          body: { id: `c${k}`, text: `hello ${k}` },
        }),
      ),
    );
    for (const c of chats) expect(c.status, c.text).toBe(200);
    expect(new Set(chats.map((c) => c.body.seq)).size).toBe(6);
    const last = joins + acked + chats.length;

    // Each socket subscribed after its own seat's join, and maybe after the other's (the seats opened
    // at once, on two servers): from there on it got every entry once, in order.
    for (const feed of [buyerFeed, sellerFeed, hostOnA, hostOnB]) {
      await feed.next((m) => m.type === "event" && m.seq === last);
      const first = eventSeqs(feed)[0];
      expect(first).toBeLessThanOrEqual(joins + 1);
      expectSeqs(feed, first, last);
    }
    const history = (await call(b.base, "GET", `/api/rooms/${room.id}`, { token: room.hostToken })).body
      .history;
    expect(history.map((e: Json) => e.seq)).toEqual(Array.from({ length: last }, (_, i) => i + 1));
    expect(
      history
        .filter((e: Json) => e.kind === "chat")
        .map((e: Json) => e.chat.text)
        .sort(),
    ).toEqual([0, 1, 2, 3, 4, 5].map((k) => `hello ${k}`));
  });

  it("applies a client move id sent to both servers at once exactly once", async () => {
    const [a, b] = await two();
    const room = await createRoom(b.base, { deadline: { rounds: 50 } });
    const tokens = room.seats.map((s: Json) => s.token as string);
    for (let n = 0; n < 10; n++) {
      const body = { id: `same-${n}`, type: "offer", outcome: OFFERS[n % OFFERS.length] };
      const answers = await Promise.all(
        [a, b, a, b].map((s) =>
          call(s.base, "POST", `/api/rooms/${room.id}/moves`, { token: tokens[n % 2], body }),
        ),
      );
      for (const res of answers) expect(res.body, res.text).toEqual({ seq: n + 1 });
    }
    const history = (await call(a.base, "GET", `/api/rooms/${room.id}`, { token: room.hostToken })).body
      .history;
    expect(history).toHaveLength(10);
    expect(history.map((e: Json) => e.actor.party)).toEqual([0, 1, 0, 1, 0, 1, 0, 1, 0, 1]);
  });

  it("hands a room's agents and deadline to the other server when its owner stops", async () => {
    const [a, b] = await two();
    const agentRoom = await createRoom(a.base, {
      deadline: { rounds: 200 },
      seats: [{ party: 0 }, { party: 1, agent: "boulware" }],
    });
    const timed = await createRoom(a.base, { deadline: { timeMs: 4000 } });
    const person = agentRoom.seats[0].token;
    const feed = await open(b.base, agentRoom.id, person);
    await feed.next((m) => m.type === "state");
    const offer = (n: number) =>
      call(b.base, "POST", `/api/rooms/${agentRoom.id}/moves`, {
        token: person,
        body: { id: `p${n}`, type: "offer", outcome: OFFERS[0] },
      });
    expect((await offer(0)).status).toBe(200);
    // A (the room's creator) runs the agent: its answer reaches the socket on B.
    await feed.next((m) => m.type === "event" && m.actor.party === 1);
    servers.splice(0, 1);
    await a.close();
    expect((await offer(1)).status).toBe(200);
    await feed.next((m) => m.type === "event" && m.actor.party === 1 && m.seq > 3, 0, 20_000);
    const watch = await open(b.base, timed.id, timed.hostToken);
    const ended = await watch.next((m) => m.type === "event" && m.state === "ended", 0, 20_000);
    expect(ended.outcome.endedBy).toBe("deadline");
    expectSeqs(feed, 2, eventSeqs(feed).at(-1)!); // from after the person's join
  });

  it("counts a seat's sockets on every server in the host's view and presence messages", async () => {
    const [a, b] = await two();
    const room = await createRoom(a.base, { deadline: { rounds: 6 } });
    const host = await open(a.base, room.id, room.hostToken);
    const state = await host.next((m) => m.type === "state");
    expect(state.room.connected).toEqual([
      { party: 0, sockets: 0 },
      { party: 1, sockets: 0 },
    ]);
    const buyerSockets = (m: Json) => m.connected?.find((c: Json) => c.party === 0)?.sockets;
    const buyerOnB = await open(b.base, room.id, room.seats[0].token);
    await host.next((m) => m.type === "presence" && buyerSockets(m) === 1);
    // B says it again at every sweep (a third of the 1.5 s lease): A's sockets hear only changes.
    const presences = () => host.messages.filter((m) => m.type === "presence").length;
    const heard = presences();
    await new Promise((r) => setTimeout(r, 1200));
    expect(presences()).toBe(heard);
    const viewed = await call(a.base, "GET", `/api/rooms/${room.id}`, { token: room.hostToken });
    expect(viewed.body.connected).toEqual([
      { party: 0, sockets: 1 },
      { party: 1, sockets: 0 },
    ]);
    let from = host.messages.length;
    await buyerOnB.close();
    await host.next((m) => m.type === "presence" && buyerSockets(m) === 0, from);
    // A server that stops takes its sockets out of the count.
    await open(b.base, room.id, room.seats[0].token);
    await host.next((m) => m.type === "presence" && buyerSockets(m) === 1, from);
    from = host.messages.length;
    servers.splice(1, 1);
    await b.close();
    await host.next((m) => m.type === "presence" && buyerSockets(m) === 0, from);

    // A server killed says nothing more: what it last said is forgotten after a lease (1.5 s here).
    const sellerSockets = (m: Json) => m.connected?.find((c: Json) => c.party === 1)?.sockets;
    const redis = redisConnection(REDIS);
    try {
      const connected = [{ party: 1, sockets: 2 }];
      await redis.publish(
        `${prefix}:presence`,
        JSON.stringify({ server: "gone/1/x", rooms: { [room.id]: connected } }),
      );
    } finally {
      redis.disconnect();
    }
    await host.next((m) => m.type === "presence" && sellerSockets(m) === 2, from);
    const heardAt = Date.now();
    await host.next((m) => m.type === "presence" && sellerSockets(m) === 0, from + 1, 5000);
    expect(Date.now() - heardAt).toBeGreaterThanOrEqual(1000);
  });

  it("spreads a stopped server's rooms over the servers still running", async () => {
    await two();
    servers.push(await start(store.url, { redis: REDIS, redisPrefix: prefix, leaseMs: 1500 }));
    const [a, b, c] = servers;
    const rooms: Json[] = [];
    for (let i = 0; i < 12; i++) rooms.push(await createRoom(a.base, { deadline: { timeMs: 5000 } }));
    const hosts = new Map(rooms.map((r) => [r.id as string, r.hostToken as string]));
    const { db } = b.server.store;
    const owners = async () =>
      (await db.selectFrom("room_leases").select("owner").execute()).map((l) => l.owner);
    const [creator] = new Set(await owners());
    expect(await owners()).toEqual(Array(12).fill(creator));
    // Let every server say it is alive before the handover.
    await new Promise((r) => setTimeout(r, 600));
    servers.splice(0, 1);
    await a.close();
    await until("taken by the others", async () => {
      const now = await owners();
      return now.length === 12 && !now.includes(creator);
    });
    const count = new Map<string, number>();
    for (const o of await owners()) count.set(o, (count.get(o) ?? 0) + 1);
    expect(count.size).toBe(2);
    for (const n of count.values()) expect(n).toBeGreaterThanOrEqual(3);
    // Each runs the work of the rooms it took: their deadlines fire.
    const state = async (id: string) =>
      (await call(c.base, "GET", `/api/rooms/${id}`, { token: hosts.get(id) })).body.state;
    await until("ended by their deadlines", async () => {
      for (const room of rooms) if ((await state(room.id)) !== "ended") return false;
      return true;
    });
  });

  it("drops the lease of a room that ended as its owner died", async () => {
    const [a] = await two();
    const room = await createRoom(a.base, { deadline: { rounds: 6 } });
    const move = await call(a.base, "POST", `/api/rooms/${room.id}/moves`, {
      token: room.seats[0].token,
      body: { id: "bye", type: "end" },
    });
    expect(move.status).toBe(200);
    const { db } = a.server.store;
    const leases = () => db.selectFrom("room_leases").selectAll().where("room_id", "=", room.id).execute();
    await until("released by its owner", async () => (await leases()).length === 0);
    // What an owner killed before it released the ended room leaves behind.
    await db
      .insertInto("room_leases")
      .values({ room_id: room.id, owner: "gone/1/dead", expires_at: 0 })
      .execute();
    await until("dropped by a sweep", async () => (await leases()).length === 0);
  });

  it("pushes every entry in order from the store when a server hears none of the Redis messages", async () => {
    store = await freshStore("postgres");
    // Two channels: B never hears what A stores, and finds it by comparing seqs with the store.
    for (const side of ["a", "b"])
      servers.push(
        await start(store.url, {
          redis: REDIS,
          redisPrefix: `parley_test_${randomBytes(6).toString("hex")}_${side}`,
          leaseMs: 600,
        }),
      );
    const [a, b] = servers;
    const room = await createRoom(a.base, {
      deadline: { rounds: 4 },
      seats: [{ party: 0 }, { party: 1, agent: "boulware" }],
    });
    const feed = await open(b.base, room.id, room.seats[0].token);
    await feed.next((m) => m.type === "state");
    for (let n = 0; n < 4; n++) {
      const from = feed.messages.length;
      const res = await call(a.base, "POST", `/api/rooms/${room.id}/moves`, {
        token: room.seats[0].token,
        body: { id: `p${n}`, type: "offer", outcome: OFFERS[0] },
      });
      expect(res.status, res.text).toBe(200);
      const answer = await feed.next((m) => m.type === "event" && m.seq > res.body.seq, from);
      if (answer.state === "ended") break;
    }
    const end = await feed.next((m) => m.type === "event" && m.state === "ended");
    expectSeqs(feed, 2, end.seq); // from after the person's join
  });

  it("runs a mediated room whose built-in mediator moves on one server while its parties vote on both", async () => {
    const [a, b] = await two();
    const room = await createRoom(a.base, {
      protocol: "mediated",
      deadline: { rounds: 8 },
      mediator: { agent: "frontier" },
      seed: 3,
    });
    // Each party answers on its own server's socket whenever a push says it is expected, once its
    // previous move is acknowledged: a push stored before that move still shows the old expectation.
    const play = async (base: string, party: number) => {
      const feed = await open(base, room.id, room.seats[party].token);
      let seen = 0;
      let acted = -1;
      for (let k = 0; ; k++) {
        const m = await feed.next((x) => x.type !== "ack", seen);
        if (m.type === "error") throw new Error(`party ${party}: ${JSON.stringify(m)}`);
        seen = feed.messages.indexOf(m) + 1;
        const state = m.type === "state" ? m.room : m;
        if (state.state === "ended") return feed;
        const e = state.expected;
        const seq = m.type === "state" ? m.room.seq : m.seq;
        if (!e || seq <= acted) continue;
        const body =
          e.kind === "vote"
            ? { type: "vote", vote: e.revision.utility >= e.draft.utility ? "better" : "worse" }
            : { type: e.draft.utility >= 0.3 ? "ratify" : "reject" };
        const id = `m${k}`;
        feed.send({ move: { id, ...body } });
        const answer = await feed.next((x) => (x.type === "ack" || x.type === "error") && x.id === id, seen);
        if (answer.type === "error") throw new Error(`party ${party}: ${JSON.stringify(answer)}`);
        acted = answer.seq;
      }
    };
    const [f0, f1] = await Promise.all([play(a.base, 0), play(b.base, 1)]);
    for (const f of [f0, f1]) expect(f.messages.filter((m) => m.type === "error")).toEqual([]);
    const onA = (await call(a.base, "GET", `/api/rooms/${room.id}`, { token: room.hostToken })).body;
    const onB = (await call(b.base, "GET", `/api/rooms/${room.id}`, { token: room.hostToken })).body;
    expect(onA.outcome.endedBy).toMatch(/agreement|rejected/);
    expect(onB.outcome).toEqual(onA.outcome);
    expect(onB.history).toEqual(onA.history);
    expect(onA.history.some((e: Json) => e.actor.role === "mediator")).toBe(true);
  });

  it("refuses --redis with an SQLite store, in one line", async () => {
    const sqlite = await freshStore("sqlite");
    try {
      await expect(createServer({ db: sqlite.url, redis: REDIS })).rejects.toThrow(
        /^--redis: several servers share rooms through PostgreSQL: give --db postgres:\/\/…/,
      );
    } finally {
      await sqlite.drop();
    }
  });
});

describe.each(["sqlite", "postgres"] as const)("ended rooms leave memory on %s", (kind) => {
  let store: TestStore;
  let run: Running;
  afterEach(async () => {
    await run.close();
    await store.drop();
  });

  it("drops an ended room nobody watches and reads it again when asked", async () => {
    store = await freshStore(kind);
    run = await start(store.url, { idleRoomMs: 50 });
    const room = await createRoom(run.base, { deadline: { rounds: 5 } });
    const open = await createRoom(run.base, { deadline: { rounds: 5 } });
    const [buyer, seller] = room.seats.map((s: Json) => s.token as string);
    await call(run.base, "POST", `/api/rooms/${room.id}/moves`, {
      token: buyer,
      body: { id: "o", type: "offer", outcome: OFFERS[2] },
    });
    await call(run.base, "POST", `/api/rooms/${room.id}/moves`, {
      token: seller,
      body: { id: "a", type: "accept" },
    });
    const rooms = run.server.rooms;
    await until("evicted", () => !rooms.inMemory(room.id));
    expect(rooms.inMemory(open.id)).toBe(true); // an open room stays: its server runs it
    const view = (await call(run.base, "GET", `/api/rooms/${room.id}`, { token: room.hostToken })).body;
    expect(view.state).toBe("ended");
    expect(view.outcome).toMatchObject({ endedBy: "agreement", agreement: OFFERS[2] });
    expect(view.history).toHaveLength(2);
  });
});
