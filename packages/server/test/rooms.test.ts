import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readParleyScenario } from "@parley/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  call,
  createRoom,
  Feed,
  freshStore,
  type Running,
  STORE_KINDS,
  start,
  type TestStore,
  TWO_PARTY,
} from "./helpers.js";

describe.each(STORE_KINDS)("rooms on %s", (kind) => {
  let store: TestStore;
  let run: Running;
  const feeds: Feed[] = [];

  beforeEach(async () => {
    store = await freshStore(kind);
    run = await start(store.url);
  });
  afterEach(async () => {
    await Promise.all(feeds.splice(0).map((f) => f.close()));
    await run.close();
    await store.drop();
  });

  const create = (body: Record<string, unknown>) => createRoom(run.base, body);
  const saop = (extra: Record<string, unknown> = {}) => create({ deadline: { rounds: 10 }, ...extra });
  const move = (id: string, token: string, body: Record<string, unknown>) =>
    call(run.base, "POST", `/api/rooms/${id}/moves`, { token, body });
  const view = async (id: string, token: string) =>
    (await call(run.base, "GET", `/api/rooms/${id}`, { token })).body;
  const open = async (id: string, token: string, since?: number) => {
    const feed = await Feed.open(run.base, id, token, since);
    feeds.push(feed);
    return feed;
  };

  it("creates a room with a token per seat and plays SAOP to agreement over HTTP", async () => {
    const room = await saop();
    expect(room.seats.map((s: { party: number }) => s.party)).toEqual([0, 1]);
    expect(room.seats[0].url).toBe(`/rooms/${room.id}#token=${room.seats[0].token}`);
    for (const t of [room.hostToken, ...room.seats.map((s: { token: string }) => s.token)])
      expect(Buffer.from(t, "base64url").length).toBeGreaterThanOrEqual(16);
    const [buyer, seller] = room.seats.map((s: { token: string }) => s.token);

    const first = await view(room.id, buyer);
    expect(first).toMatchObject({ protocol: "saop", state: "waiting", role: "party", party: 0 });
    expect(first.profile.name).toBe("Buyer");
    expect(first.expected).toMatchObject({ kind: "offer", offer: null, moves: ["offer", "end"] });
    expect((await view(room.id, seller)).expected).toBeNull();

    // Seqs 1 and 2 are the two seats' join entries (their first GET).
    expect(
      (await move(room.id, buyer, { id: "b1", type: "offer", outcome: { price: "mid", delivery: "fast" } }))
        .body,
    ).toEqual({ seq: 3 });
    const sellerView = await view(room.id, seller);
    expect(sellerView.state).toBe("running");
    // The seller sees the offer with its own utility only: 0.6 * 0.6 + 0.4 * 0 = 0.36.
    expect(sellerView.expected.offer).toEqual({
      outcome: { price: "mid", delivery: "fast" },
      utility: 0.36,
      from: 0,
    });
    expect((await move(room.id, seller, { id: "s1", type: "accept" })).body).toEqual({ seq: 4 });

    const end = await view(room.id, buyer);
    expect(end.state).toBe("ended");
    expect(end.outcome).toMatchObject({
      agreement: { price: "mid", delivery: "fast" },
      endedBy: "agreement",
    });
    expect(end.outcome.utility).toBeCloseTo(0.65, 12);
    const host = await view(room.id, room.hostToken);
    expect(host.role).toBe("host");
    expect(host.profiles.map((p: { name: string }) => p.name)).toEqual(["Buyer", "Seller"]);
    expect(host.outcome.utilities[0]).toBeCloseTo(0.65, 12);
    expect(host.outcome.utilities[1]).toBeCloseTo(0.36, 12);
    const record = await call(run.base, "GET", `/api/rooms/${room.id}/export`, { token: room.hostToken });
    expect(record.status).toBe(200);
    expect(record.body["parley-record"]).toBe(1);
    expect(record.body.events.filter((e: { type: string }) => e.type === "proposal")).toHaveLength(2);
    expect(record.body.events.at(-1)).toMatchObject({
      type: "status",
      status: "settled",
      points: ["price", "delivery"],
    });
  });

  it("applies a client move id once, and a protocol break changes nothing (409)", async () => {
    const room = await saop();
    const [buyer, seller] = room.seats.map((s: { token: string }) => s.token);
    const offer = { id: "m-1", type: "offer", outcome: { price: "low", delivery: "fast" } };
    expect((await move(room.id, buyer, offer)).body).toEqual({ seq: 1 });
    expect(await move(room.id, buyer, offer)).toMatchObject({ status: 200, body: { seq: 1 } });
    const before = await view(room.id, room.hostToken);

    const breaks = [
      [
        buyer,
        { id: "m-2", type: "offer", outcome: { price: "low", delivery: "slow" } },
        /it is seat 2's turn/,
      ],
      [seller, { id: "m-3", type: "vote", vote: "better" }, /SAOP expects an offer, accept or end/],
    ] as const;
    for (const [token, body, reason] of breaks) {
      const res = await move(room.id, token, body);
      expect(res.status).toBe(409);
      expect(res.body.error).toMatch(reason);
      expect(res.text).not.toMatch(/at .*\.(ts|js):\d+/);
    }
    expect(
      (await move(room.id, seller, { id: "m-5", type: "offer", outcome: { price: "cheap" } })).status,
    ).toBe(400);
    expect((await move(room.id, room.hostToken, { id: "m-6", type: "end" })).status).toBe(403);
    expect(await view(room.id, room.hostToken)).toEqual(before);

    // The refused ids were not used up; the log holds one entry.
    expect((await move(room.id, seller, { id: "m-3", type: "accept" })).body).toEqual({ seq: 2 });
    const rows = await run.server.store.db
      .selectFrom("room_log")
      .selectAll()
      .where("room_id", "=", room.id)
      .execute();
    // Each id is stored with its sender in front.
    expect(rows.map((r) => [r.seq, r.client_id])).toEqual([
      [1, "party:0/m-1"],
      [2, "party:1/m-3"],
    ]);
  });

  it("pushes events over WebSocket, takes moves on it, and catches a reconnecting client up with since", async () => {
    const room = await saop();
    const [buyer, seller] = room.seats.map((s: { token: string }) => s.token);
    const b = await open(room.id, buyer);
    const s = await open(room.id, seller);
    expect((await b.next((m) => m.type === "state")).room.expected.kind).toBe("offer");
    await s.next((m) => m.type === "state");

    // Seqs 1 and 2 are the two seats' join entries (their first socket).
    b.send({ move: { id: "ws-1", type: "offer", outcome: { price: "low", delivery: "fast" } } });
    expect(await b.next((m) => m.type === "ack")).toEqual({ type: "ack", id: "ws-1", seq: 3 });
    const pushed = await s.next((m) => m.type === "event" && m.seq === 3);
    expect(pushed.expected).toMatchObject({
      kind: "offer",
      offer: { outcome: { price: "low", delivery: "fast" }, utility: 0, from: 0 },
    });
    expect(pushed.events[0]).toMatchObject({ action: "offer", party: 0, utility: 0 });
    b.send({ move: { id: "ws-1", type: "offer", outcome: { price: "low", delivery: "fast" } } });
    expect((await b.next((m) => m.type === "ack", 1)).seq).toBe(3);
    b.send({ move: { id: "ws-2", type: "accept" } });
    expect(await b.next((m) => m.type === "error")).toMatchObject({ id: "ws-2", status: 409 });

    await s.close();
    expect(
      (
        await move(room.id, seller, {
          id: "h-2",
          type: "offer",
          outcome: { price: "high", delivery: "slow" },
        })
      ).body.seq,
    ).toBe(4);
    expect(
      (await move(room.id, buyer, { id: "h-3", type: "offer", outcome: { price: "mid", delivery: "slow" } }))
        .body.seq,
    ).toBe(5);
    const again = await open(room.id, seller, 3);
    await again.next((m) => m.type === "state");
    expect(again.messages.map((m) => (m.type === "event" ? m.seq : m.type))).toEqual([4, 5, "state"]);
    expect(again.messages[2].room.seq).toBe(5);

    again.send({ chat: { id: "c-1", text: "Slow delivery suits us." } });
    expect((await again.next((m) => m.type === "ack")).seq).toBe(6);
    expect((await b.next((m) => m.type === "event" && m.kind === "chat")).chat).toEqual({
      text: "Slow delivery suits us.",
    });
  });

  it("stores a person seat's first opening once as a join entry, pushes it, and counts open sockets", async () => {
    const room = await create({
      scenario: TWO_PARTY,
      protocol: "saop",
      deadline: { rounds: 10 },
      seats: [{ party: 0 }, { party: 1, agent: "boulware" }],
    });
    const buyer = room.seats[0].token;
    const host = await open(room.id, room.hostToken);
    const first = await host.next((m) => m.type === "state");
    expect(first.room.history).toEqual([]);
    // Agent seats are not people: only the person seat is counted.
    expect(first.room.connected).toEqual([{ party: 0, sockets: 0 }]);

    // The first GET joins; the host sees it live; a second GET adds nothing.
    const seen = await view(room.id, buyer);
    expect(seen.history).toEqual([
      { seq: 1, kind: "join", at: expect.any(Number), actor: { role: "party", party: 0 }, events: [] },
    ]);
    expect(await host.next((m) => m.type === "event")).toMatchObject({
      seq: 1,
      kind: "join",
      actor: { role: "party", party: 0 },
      state: "waiting",
    });
    expect((await view(room.id, buyer)).seq).toBe(1);
    expect((await view(room.id, room.hostToken)).seq).toBe(1);

    // A socket is counted while it is open, and the count is pushed to the others.
    const b = await open(room.id, buyer);
    expect((await host.next((m) => m.type === "presence")).connected).toEqual([{ party: 0, sockets: 1 }]);
    expect((await b.next((m) => m.type === "state")).room.seq).toBe(1);
    const from = host.messages.length;
    await b.close();
    expect((await host.next((m) => m.type === "presence", from)).connected).toEqual([
      { party: 0, sockets: 0 },
    ]);

    // The join survives a restart, is not joined again, and replay leaves the negotiation untouched.
    await host.close();
    await run.close();
    run = await start(store.url);
    const after = await view(room.id, buyer);
    expect(after.history.map((e: { kind: string }) => e.kind)).toEqual(["join"]);
    expect(after.expected).toMatchObject({ kind: "offer", offer: null });
    // Ending (not offering) leaves the agent nothing to answer while the test tears down.
    expect((await move(room.id, buyer, { id: "o", type: "end" })).body).toEqual({ seq: 2 });
    const rows = await run.server.store.db
      .selectFrom("room_log")
      .select(["seq", "kind", "actor"])
      .where("room_id", "=", room.id)
      .orderBy("seq")
      .execute();
    expect(rows.slice(0, 2)).toEqual([
      { seq: 1, kind: "join", actor: JSON.stringify({ role: "party", party: 0 }) },
      { seq: 2, kind: "move", actor: JSON.stringify({ role: "party", party: 0 }) },
    ]);
  });

  it("seats agents server-side: a person against an agent, and two agents alone", async () => {
    const room = await create({
      scenario: TWO_PARTY,
      protocol: "saop",
      deadline: { rounds: 6 },
      seats: [{ party: 0 }, { party: 1, agent: "boulware" }],
    });
    const buyer = room.seats[0].token;
    const feed = await open(room.id, buyer);
    await feed.next((m) => m.type === "state");
    let state = await view(room.id, buyer);
    for (let n = 0; state.state !== "ended"; n++) {
      if (state.expected) {
        const res = await move(room.id, buyer, {
          id: `p${n}`,
          type: "offer",
          outcome: { price: "low", delivery: "fast" },
        });
        expect(res.status).toBe(200);
      }
      const seq = state.seq;
      await feed.next((m) => m.type === "event" && m.seq > seq + (state.expected ? 1 : 0));
      state = await view(room.id, buyer);
    }
    expect(state.outcome.endedBy).toMatch(/agreement|deadline/);
    expect(state.history.some((e: { actor: { party: number } }) => e.actor.party === 1)).toBe(true);

    const bots = await create({
      scenario: "anac-2010-englandzimbabwe",
      protocol: "saop",
      deadline: { rounds: 30 },
      seats: [
        { party: 0, agent: "conceder" },
        { party: 1, agent: "linear" },
      ],
    });
    const watch = await open(bots.id, bots.hostToken);
    await watch.next((m) => (m.type === "state" ? m.room.state === "ended" : m.state === "ended"), 0, 20_000);
    const host = await view(bots.id, bots.hostToken);
    expect(host.outcome.endedBy).toMatch(/agreement|deadline/);
  });

  it("keeps client ids per seat: two seats may use one id, and a person cannot take an agent's", async () => {
    const people = await saop();
    const [buyer, seller] = people.seats.map((s: { token: string }) => s.token);
    const first = await move(people.id, buyer, {
      id: "same",
      type: "offer",
      outcome: { price: "low", delivery: "fast" },
    });
    const second = await move(people.id, seller, {
      id: "same",
      type: "offer",
      outcome: { price: "high", delivery: "slow" },
    });
    expect(second.body.seq).toBe(first.body.seq + 1);
    expect((await move(people.id, seller, { id: "same", type: "accept" })).body).toEqual(second.body);

    // The server stores the agent's move of turn t (moves so far) as agent:1:t; the person moves at
    // turns 0, 2, 4 and names its moves after the agent's next turns.
    const room = await create({
      scenario: TWO_PARTY,
      protocol: "saop",
      deadline: { rounds: 20 },
      seats: [{ party: 0 }, { party: 1, agent: "boulware" }],
    });
    const person = room.seats[0].token;
    const feed = await open(room.id, person);
    await feed.next((m) => m.type === "state");
    for (const turn of [3, 5, 7]) {
      const res = await move(room.id, person, {
        id: `agent:1:${turn}`,
        type: "offer",
        outcome: { price: "low", delivery: "fast" },
      });
      expect(res.status, res.text).toBe(200);
      const answer = await feed.next((m) => m.type === "event" && m.seq > res.body.seq);
      if (answer.state === "ended") break;
      expect(answer.actor).toEqual({ role: "party", party: 1 });
    }
  });

  it("ends a faulty agent's room by the protocol's rules, and the server goes on", async () => {
    const dir = mkdtempSync(join(tmpdir(), "parley-agents-"));
    const stuck = join(dir, "stuck.mjs");
    const thrower = join(dir, "thrower.mjs");
    const negotiator = (propose: string) =>
      `export default { name: "NAME", description: "test", create: () => ({ init() {}, propose() { ${propose} }, respond() { return "reject"; } }) };`;
    writeFileSync(stuck, negotiator("for (;;) {}").replace("NAME", "stuck"));
    writeFileSync(thrower, negotiator('throw new Error("no offer today");').replace("NAME", "thrower"));
    await run.close();
    run = await start(store.url, { agentModules: { stuck, thrower }, agentBudgetMs: 300 });
    try {
      for (const [agent, reason] of [
        ["stuck", /300 ms move budget/],
        ["thrower", /no offer today/],
      ] as const) {
        const room = await create({
          scenario: TWO_PARTY,
          protocol: "saop",
          deadline: { rounds: 5 },
          seats: [{ party: 0, agent }, { party: 1 }],
        });
        const feed = await open(room.id, room.hostToken);
        const ended = await feed.next(
          (m) => (m.type === "state" ? m.room.state === "ended" : m.state === "ended"),
          0,
          20_000,
        );
        const host = ended.room ?? (await view(room.id, room.hostToken));
        expect(host.outcome).toMatchObject({ agreement: null, endedBy: "fault" });
        const fault = host.history.find((e: { kind: string }) => e.kind === "fault");
        expect(fault.actor).toEqual({ role: "party", party: 0 });
        expect(fault.reason).toMatch(reason);
      }
      expect((await saop()).id).toBeTruthy();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("runs a mediated room with a person mediator to ratification", async () => {
    const room = await create({
      scenario: TWO_PARTY,
      protocol: "mediated",
      deadline: { rounds: 3 },
      seats: [{ party: 0 }, { party: 1 }],
      mediator: { person: true },
    });
    const [buyer, seller] = room.seats.map((s: { token: string }) => s.token);
    const mediator = room.mediator.token;
    expect((await view(room.id, mediator)).expected).toMatchObject({
      kind: "draft",
      moves: ["draft", "end"],
    });
    expect((await move(room.id, buyer, { id: "x", type: "vote", vote: "better" })).status).toBe(409);
    expect(
      (
        await move(room.id, mediator, {
          id: "d0",
          type: "draft",
          outcome: { price: "high", delivery: "fast" },
        })
      ).status,
    ).toBe(200);
    expect((await view(room.id, mediator)).expected).toMatchObject({
      kind: "mediate",
      draft: { price: "high", delivery: "fast" },
    });
    const revision = { price: "mid", delivery: "slow" };
    expect((await move(room.id, mediator, { id: "r1", type: "propose", outcome: revision })).status).toBe(
      200,
    );
    const ask = (await view(room.id, buyer)).expected;
    expect(ask).toMatchObject({ kind: "vote", revision: { outcome: revision } });
    expect(ask.revision.utility).toBeCloseTo(0.35, 12);
    await move(room.id, buyer, { id: "v1", type: "vote", vote: "better" });
    // The seller does not see how the buyer voted; the mediator does.
    const sellerSees = await view(room.id, seller);
    expect(JSON.stringify(sellerSees.history)).not.toContain('"better"');
    const lastMove = (h: { kind: string }[]) => h.filter((e) => e.kind === "move").at(-1);
    expect(lastMove(sellerSees.history)).toMatchObject({ move: { type: "answer" } });
    const mediatorSees = await view(room.id, mediator);
    expect(lastMove(mediatorSees.history)).toMatchObject({ move: { type: "vote", vote: "better" } });
    expect(JSON.stringify(mediatorSees)).not.toMatch(/"utility"|"utilities"|"weights"/);
    await move(room.id, seller, { id: "v2", type: "vote", vote: "worse" });
    const decide = (await view(room.id, mediator)).expected;
    expect(decide).toMatchObject({
      kind: "decide",
      votes: [
        { party: 0, value: "better" },
        { party: 1, value: "worse" },
      ],
    });
    await move(room.id, mediator, { id: "a1", type: "decide", adopt: true });
    await move(room.id, mediator, { id: "p2", type: "poll" });
    expect((await view(room.id, buyer)).expected).toMatchObject({ kind: "ratify", final: false });
    await move(room.id, buyer, { id: "q1", type: "ratify" });
    await move(room.id, seller, { id: "q2", type: "ratify" });
    // The last round opens with the final vote on the draft.
    expect((await view(room.id, buyer)).expected).toMatchObject({
      kind: "ratify",
      final: true,
      draft: { outcome: revision },
    });
    await move(room.id, buyer, { id: "f1", type: "ratify" });
    await move(room.id, seller, { id: "f2", type: "ratify" });
    const end = await view(room.id, room.hostToken);
    expect(end.outcome).toMatchObject({ agreement: revision, endedBy: "agreement" });
    // Who has arrived is public: each party sees the mediator's and the other party's join.
    const joins = (await view(room.id, seller)).history.filter((e: { kind: string }) => e.kind === "join");
    expect(joins.map((e: { actor: unknown }) => e.actor)).toEqual([
      { role: "mediator" },
      { role: "party", party: 0 },
      { role: "party", party: 1 },
    ]);
  });

  it("runs a mediated room with the frontier mediator and people voting", async () => {
    const room = await create({
      scenario: TWO_PARTY,
      protocol: "mediated",
      deadline: { rounds: 8 },
      seats: [{ party: 0 }, { party: 1 }],
      mediator: { agent: "frontier" },
    });
    expect(room.mediator).toBeUndefined();
    const tokens = room.seats.map((s: { token: string }) => s.token);
    for (let i = 0; i < 100; i++) {
      const host = await view(room.id, room.hostToken);
      if (host.state === "ended") break;
      if (host.turn.party === "mediator") {
        await new Promise((r) => setTimeout(r, 10)); // the built-in mediator moves on its own
        continue;
      }
      const party = host.turn.party as number;
      const mine = await view(room.id, tokens[party]);
      const e = mine.expected;
      const body =
        e.kind === "vote"
          ? {
              type: "vote",
              vote:
                e.revision.utility > e.draft.utility
                  ? "better"
                  : e.revision.utility < e.draft.utility
                    ? "worse"
                    : "same",
            }
          : { type: e.draft.utility >= 0.3 ? "ratify" : "reject" };
      expect((await move(room.id, tokens[party], { id: `m${i}`, ...body })).status).toBe(200);
    }
    const end = await view(room.id, room.hostToken);
    expect(end.state).toBe("ended");
    expect(end.outcome.endedBy).toMatch(/agreement|rejected/);
  });

  it("ends a timed room on the server's clock and stores the deadline", async () => {
    const room = await create({
      scenario: TWO_PARTY,
      protocol: "saop",
      deadline: { timeMs: 1000 },
      seats: [{ party: 0 }, { party: 1 }],
    });
    const feed = await open(room.id, room.hostToken);
    const ended = await feed.next((m) => m.type === "event" && m.state === "ended", 0, 5000);
    expect(ended).toMatchObject({
      kind: "deadline",
      actor: { role: "server" },
      outcome: { endedBy: "deadline" },
    });
    expect((await move(room.id, room.seats[0].token, { id: "late", type: "end" })).status).toBe(409);
  });

  it("ends a timed room when the wall clock stepped back while its timer ran", async () => {
    // The timer fires on a monotonic clock; a wall clock set back 300 ms finds the deadline not yet reached.
    let back = 0;
    await run.close();
    run = await start(store.url, { clock: () => Date.now() - back });
    const room = await create({
      scenario: TWO_PARTY,
      protocol: "saop",
      deadline: { timeMs: 1000 },
      seats: [{ party: 0 }, { party: 1 }],
    });
    back = 300;
    const feed = await open(room.id, room.hostToken);
    const ended = await feed.next((m) => m.type === "event" && m.state === "ended", 0, 3000);
    expect(ended).toMatchObject({ kind: "deadline", outcome: { endedBy: "deadline" } });
    const end = await view(room.id, room.hostToken);
    expect(end.history.at(-1).at).toBeGreaterThanOrEqual(end.deadlineAt);
  });

  it("rebuilds rooms from the store after a restart and plays on", async () => {
    const room = await saop();
    const [buyer, seller] = room.seats.map((s: { token: string }) => s.token);
    await move(room.id, buyer, { id: "a", type: "offer", outcome: { price: "low", delivery: "fast" } });
    await move(room.id, seller, { id: "b", type: "offer", outcome: { price: "high", delivery: "slow" } });
    const before = await view(room.id, room.hostToken);
    await run.close();
    run = await start(store.url);
    expect(await view(room.id, room.hostToken)).toEqual(before);
    expect(
      (await move(room.id, seller, { id: "b", type: "offer", outcome: { price: "high", delivery: "slow" } }))
        .body,
    ).toEqual({ seq: 2 });
    expect((await move(room.id, buyer, { id: "c", type: "accept" })).body).toEqual({ seq: 3 });
    expect((await view(room.id, buyer)).outcome.agreement).toEqual({ price: "high", delivery: "slow" });
  });

  it("refuses bad bodies with the field and the reason, scenarios exactly as the file reader does", async () => {
    const bad = {
      ...TWO_PARTY,
      parties: [{ ...TWO_PARTY.parties[0], weights: { colour: 1 } }, TWO_PARTY.parties[1]],
    };
    let expected = "";
    try {
      readParleyScenario(JSON.stringify(bad), "scenario");
    } catch (err) {
      expected = (err as Error).message;
    }
    expect(expected).toMatch(/^scenario: parties\[0\]/);
    const base = { protocol: "saop", deadline: { rounds: 5 }, seats: [{ party: 0 }, { party: 1 }] };
    const cases: [unknown, number, string][] = [
      [{ ...base, scenario: bad }, 400, expected],
      [
        { ...base, scenario: "no-such-scenario" },
        400,
        'scenario: "no-such-scenario" is not a bundled scenario (see GET /api/scenarios)',
      ],
      [
        { ...base, scenario: TWO_PARTY, seats: [{ party: 0 }, { party: 5 }] },
        400,
        "seats[1].party: 5 is not a party of the scenario (0 to 1)",
      ],
      [
        { ...base, scenario: TWO_PARTY, seats: [{ party: 0 }, { party: 0 }] },
        400,
        "seats[1].party: party 0 has two seats",
      ],
      [
        { ...base, scenario: TWO_PARTY, seats: [{ party: 0 }, { party: 1, agent: "x" }] },
        400,
        "seats[1].agent:",
      ],
      [
        { ...base, scenario: TWO_PARTY, protocol: "mediated" },
        400,
        "mediator: the mediated protocol needs a mediator",
      ],
      [{ ...base, scenario: TWO_PARTY, deadline: {} }, 400, "deadline: needs rounds or timeMs"],
      [{ ...base, scenario: TWO_PARTY, protocol: "auction" }, 400, "protocol:"],
    ];
    for (const [body, status, message] of cases) {
      const res = await call(run.base, "POST", "/api/rooms", { body });
      expect(res.status).toBe(status);
      expect(res.body.error.startsWith(message), `${res.body.error} vs ${message}`).toBe(true);
    }
    const notJson = await call(run.base, "POST", "/api/rooms", { raw: "{nope" });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error).toMatch(/^body: /);
    const room = await saop();
    const huge = await move(room.id, room.seats[0].token, {
      id: "h",
      type: "offer",
      outcome: { price: "x".repeat(20_000) },
    });
    expect(huge.status).toBe(413);
  });
});
