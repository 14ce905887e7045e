import type { ChildProcess } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { openStore } from "../src/index.js";
import {
  call,
  createRoom,
  Feed,
  freshStore,
  type Json,
  OFFERS,
  STORE_KINDS,
  type TestStore,
} from "./helpers.js";
import { killHard, serve } from "./processes.js";

describe.each(STORE_KINDS)("kill -9 of parley serve on %s", (kind) => {
  let store: TestStore;
  let child: ChildProcess | undefined;

  afterEach(async () => {
    if (child && child.exitCode === null) await killHard(child);
    await store.drop();
  });

  it("loses no acknowledged move, doubles none, and the rooms play on with their deadlines re-armed", async () => {
    store = await freshStore(kind);
    let server = await serve(store.url);
    child = server.child;
    const rooms: Json[] = [];
    for (let i = 0; i < 6; i++) rooms.push(await createRoom(server.base, { deadline: { rounds: 500 } }));
    const agentRoom = await createRoom(server.base, {
      deadline: { rounds: 500 },
      seats: [{ party: 0 }, { party: 1, agent: "boulware" }],
    });
    const timed = await createRoom(server.base, { deadline: { timeMs: 6000 } });

    // Every room's two people alternate offers as fast as the server answers; kill -9 lands mid-stream.
    const acked = new Map<string, { room: string; seq: number }>();
    const inFlight = new Map<string, { room: Json; seat: number; body: Json }>();
    let stop = false;
    const play = async (room: Json, seats: number[], offers = OFFERS) => {
      for (let n = 0; !stop; n++) {
        const seat = seats[n % seats.length];
        const body = { id: `${room.id}-${n}`, type: "offer", outcome: offers[n % offers.length] };
        inFlight.set(body.id, { room, seat, body });
        try {
          const res = await call(server.base, "POST", `/api/rooms/${room.id}/moves`, {
            token: room.seats[seat].token,
            body,
          });
          if (res.status !== 200) throw new Error(`${res.status} ${res.text}`);
          acked.set(body.id, { room: room.id, seq: res.body.seq });
          inFlight.delete(body.id);
        } catch {
          return; // the server is gone: this move may or may not have been stored
        }
      }
    };
    const players = [...rooms.map((r) => play(r, [0, 1])), play(agentRoom, [0], [OFFERS[0]])]; // an offer the agent never accepts
    while (acked.size < 150) await new Promise((r) => setTimeout(r, 5));
    await killHard(server.child);
    stop = true;
    await Promise.all(players);
    expect(acked.size).toBeGreaterThanOrEqual(150);

    // Every acknowledged move is in the store once, at the seq it was acknowledged with.
    const db = openStore(store.url);
    const rows = await db.db
      .selectFrom("room_log")
      .select(["room_id", "seq", "client_id"])
      .where("kind", "=", "move")
      .execute();
    await db.db.destroy();
    const byClient = new Map<string, { room: string; seq: number }[]>();
    for (const r of rows) {
      if (!r.client_id) continue;
      // Stored as `<sender>/<id>`; the ids sent here are unique across rooms and seats.
      const id = r.client_id.slice(r.client_id.indexOf("/") + 1);
      byClient.set(id, [...(byClient.get(id) ?? []), { room: r.room_id, seq: r.seq }]);
    }
    for (const [id, ack] of acked) expect(byClient.get(id), id).toEqual([ack]);

    server = await serve(store.url);
    child = server.child;
    // The moves in flight at the kill: sent again with the same id, each is applied once.
    for (const [id, { room, seat, body }] of inFlight) {
      const res = await call(server.base, "POST", `/api/rooms/${room.id}/moves`, {
        token: room.seats[seat].token,
        body,
      });
      const stored = byClient.get(id);
      if (stored) expect(res.body).toEqual({ seq: stored[0].seq });
      else expect(res.status === 200 || res.status === 409, res.text).toBe(true);
    }
    for (const room of rooms) {
      const host = (await call(server.base, "GET", `/api/rooms/${room.id}`, { token: room.hostToken })).body;
      const seqs = host.history.map((e: Json) => e.seq);
      expect(seqs).toEqual(seqs.map((_: number, i: number) => i + 1));
      // The rooms play on: whoever's turn it is accepts.
      const turn = host.turn.party as number;
      const res = await call(server.base, "POST", `/api/rooms/${room.id}/moves`, {
        token: room.seats[turn].token,
        body: { id: "accept", type: "accept" },
      });
      expect(res.status, res.text).toBe(200);
      const end = (await call(server.base, "GET", `/api/rooms/${room.id}`, { token: room.hostToken })).body;
      expect(end.outcome.endedBy).toBe("agreement");
    }
    // The agent seat moves again after the restart.
    const agentView = async () =>
      (await call(server.base, "GET", `/api/rooms/${agentRoom.id}`, { token: agentRoom.seats[0].token }))
        .body;
    let view = await agentView();
    for (let i = 0; view.expected === null && i < 200; i++) {
      await new Promise((r) => setTimeout(r, 25));
      view = await agentView();
    }
    expect(view.state, JSON.stringify(view.outcome)).toBe("running");
    expect(view.expected?.kind).toBe("offer");
    const n = view.seq;
    await call(server.base, "POST", `/api/rooms/${agentRoom.id}/moves`, {
      token: agentRoom.seats[0].token,
      body: { id: "after", type: "offer", outcome: OFFERS[0] },
    });
    const feed = await Feed.open(server.base, agentRoom.id, agentRoom.seats[0].token, n + 1);
    await feed.next((m) => m.type === "event" && m.actor.party === 1);
    await feed.close();
    // The timed room ends on the stored deadline, though its server was killed and restarted.
    const watch = await Feed.open(server.base, timed.id, timed.hostToken);
    const state = (await watch.next((m) => m.type === "state")).room;
    const ended =
      state.state === "ended"
        ? state
        : await watch.next((m) => m.type === "event" && m.state === "ended", 0, 15_000);
    expect(ended.outcome.endedBy).toBe("deadline");
    expect(Date.now()).toBeGreaterThanOrEqual(state.deadlineAt);
    await watch.close();
  }, 90_000);
});
