import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { openStore } from "../src/index.js";
import { call, createRoom, Feed, freshStore, OFFERS, REDIS, type TestStore } from "./helpers.js";
import { killHard, serve } from "./processes.js";

describe("kill -9 of the server that runs a room, with another server on the same PostgreSQL and Redis", () => {
  let store: TestStore;
  const children: ChildProcess[] = [];
  const feeds: Feed[] = [];

  afterEach(async () => {
    await Promise.all(feeds.splice(0).map((f) => f.close()));
    await Promise.all(children.splice(0).map(killHard));
    await store.drop();
  });

  it("the other server takes the lease: agents move, the deadline fires, sockets reconnect with since and miss nothing", async () => {
    store = await freshStore("postgres");
    const args = ["--redis", REDIS, "--redis-prefix", `parley_test_${randomBytes(6).toString("hex")}`];
    const a = await serve(store.url, [...args, "--lease-ms", "1500"]);
    const b = await serve(store.url, [...args, "--lease-ms", "1500"]);
    children.push(a.child, b.child);
    // Created on A, so A runs their work: the agent seat and the deadline.
    const agentRoom = await createRoom(a.base, {
      deadline: { rounds: 500 },
      seats: [{ party: 0 }, { party: 1, agent: "boulware" }],
    });
    const timed = await createRoom(a.base, { deadline: { timeMs: 10_000 } });
    const person = agentRoom.seats[0].token as string;
    const db = openStore(store.url);
    try {
      const leases = await db.db.selectFrom("room_leases").selectAll().execute();
      expect(leases.map((l) => l.owner.split("/")[1])).toEqual([String(a.child.pid), String(a.child.pid)]);
    } finally {
      await db.db.destroy();
    }

    // The person watches on B and moves through A, then (A gone) through B; the host watches on A.
    const onB = await Feed.open(b.base, agentRoom.id, person);
    const hostOnA = await Feed.open(a.base, agentRoom.id, agentRoom.hostToken);
    const timedOnB = await Feed.open(b.base, timed.id, timed.hostToken);
    feeds.push(onB, hostOnA, timedOnB);
    const acked = new Map<string, number>();
    let n = 0;
    /** The person offers (an outcome boulware does not accept early) and waits for the agent's answer. */
    const round = async (base: string) => {
      const from = onB.messages.length;
      const id = `p${n++}`;
      const res = await call(base, "POST", `/api/rooms/${agentRoom.id}/moves`, {
        token: person,
        body: { id, type: "offer", outcome: OFFERS[0] },
      });
      expect(res.status, res.text).toBe(200);
      acked.set(`party:0/${id}`, res.body.seq);
      await onB.next((m) => m.type === "event" && m.actor.party === 1, from, 20_000);
    };
    for (let i = 0; i < 3; i++) await round(a.base);
    // Chat through A as fast as it answers, until A is killed mid-stream.
    let stop = false;
    const chatter = (async () => {
      for (let k = 0; !stop; k++) {
        const res = await call(a.base, "POST", `/api/rooms/${agentRoom.id}/chat`, {
          token: agentRoom.hostToken,
          body: { id: `c${k}`, text: `note ${k}` },
        }).catch(() => null);
        if (res?.status !== 200) return;
        acked.set(`host/c${k}`, res.body.seq);
      }
    })();
    while ([...acked.keys()].filter((k) => k.startsWith("host/")).length < 20)
      await new Promise((r) => setTimeout(r, 5));
    await killHard(a.child);
    stop = true;
    // A died before the timed room's deadline: B is the one to end it.
    const timedState = (await timedOnB.next((m) => m.type === "state")).room;
    expect(Date.now()).toBeLessThan(timedState.deadlineAt);
    await chatter;
    const seenOnA = hostOnA.messages.filter((m) => m.type === "event").map((m) => m.seq as number);

    // B takes the lease: the agent answers again, and the room finishes on B.
    for (let i = 0; i < 2; i++) await round(b.base);
    const accept = await call(b.base, "POST", `/api/rooms/${agentRoom.id}/moves`, {
      token: person,
      body: { id: "accept", type: "accept" },
    });
    expect(accept.status, accept.text).toBe(200);
    acked.set("party:0/accept", accept.body.seq);
    const end = await onB.next((m) => m.type === "event" && m.state === "ended");
    expect(end.outcome.endedBy).toBe("agreement");

    // The host's socket on A died with A: it reconnects to B with since and misses nothing, gets nothing twice.
    const last = seenOnA.at(-1) ?? 0;
    const again = await Feed.open(b.base, agentRoom.id, agentRoom.hostToken, last);
    feeds.push(again);
    const state = (await again.next((m) => m.type === "state")).room;
    const replayed = again.messages.filter((m) => m.type === "event").map((m) => m.seq as number);
    const all = [...seenOnA, ...replayed];
    // From 1 or 2: the host's socket on A may have subscribed before or after the person's join (seq 1).
    expect(all[0]).toBeLessThanOrEqual(2);
    expect(all).toEqual(Array.from({ length: state.seq - all[0] + 1 }, (_, i) => all[0] + i));
    expect(state.state).toBe("ended");

    // The timed room's deadline, armed on A, fires on B.
    const ended = await timedOnB.next((m) => m.type === "event" && m.state === "ended", 0, 20_000);
    expect(ended.outcome.endedBy).toBe("deadline");

    // Every acknowledged move and message is in the log once, at the seq it was acknowledged with
    // (client ids are stored with their sender in front).
    const check = openStore(store.url);
    try {
      const rows = await check.db
        .selectFrom("room_log")
        .select(["seq", "client_id"])
        .where("room_id", "=", agentRoom.id)
        .orderBy("seq")
        .execute();
      expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
      const byClient = new Map<string, number[]>();
      for (const r of rows)
        if (r.client_id) byClient.set(r.client_id, [...(byClient.get(r.client_id) ?? []), r.seq]);
      for (const [id, seq] of acked) expect(byClient.get(id), id).toEqual([seq]);
      // The agent's moves: one per turn it was asked on, whichever server asked.
      const agentIds = rows.map((r) => r.client_id).filter((id) => id?.startsWith("party:1/agent:"));
      expect(new Set(agentIds).size).toBe(agentIds.length);
      expect(agentIds.length).toBeGreaterThanOrEqual(5);
    } finally {
      await check.db.destroy();
    }
  }, 120_000);
});
