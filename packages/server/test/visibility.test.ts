import { compileParties, readParleyScenario } from "@parley/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  call,
  Feed,
  freshStore,
  type Json,
  type Running,
  STORE_KINDS,
  start,
  type TestStore,
} from "./helpers.js";

/** Three parties with odd weights, so every utility is a number no other party's could be mistaken for. */
const SCENARIO = {
  parley: 1,
  name: "three-party",
  issues: [
    { name: "border", options: ["north", "middle", "south"] },
    { name: "aid", options: ["none", "some", "much"] },
  ],
  parties: [
    {
      name: "A",
      reservation: 0.3137,
      weights: { border: 0.6131, aid: 0.3869 },
      values: { border: { north: 1, middle: 0.4523, south: 0 }, aid: { none: 0, some: 0.5711, much: 1 } },
    },
    {
      name: "B",
      reservation: 0.2719,
      weights: { border: 0.7243, aid: 0.2757 },
      values: { border: { north: 0, middle: 0.6617, south: 1 }, aid: { none: 1, some: 0.3391, much: 0 } },
    },
    {
      name: "C",
      reservation: 0.1877,
      weights: { border: 0.2293, aid: 0.7707 },
      values: { border: { north: 0.3359, middle: 1, south: 0 }, aid: { none: 0, some: 1, much: 0.6173 } },
    },
  ],
};

/** Every number of party `p`'s preferences and utilities, as JSON prints it (0 and 1 are everyone's). */
function secretsOf(p: number): Set<string> {
  const out = new Set<string>();
  const party = SCENARIO.parties[p];
  out.add(JSON.stringify(party.reservation));
  for (const w of Object.values(party.weights)) out.add(JSON.stringify(w));
  for (const v of Object.values(party.values)) for (const x of Object.values(v)) out.add(JSON.stringify(x));
  const scenario = readParleyScenario(JSON.stringify(SCENARIO), "s");
  const u = compileParties(scenario)[p];
  for (let a = 0; a < 3; a++) for (let b = 0; b < 3; b++) out.add(JSON.stringify(u.utility([a, b])));
  out.delete("0");
  out.delete("1");
  return out;
}

/** The numbers in a text, as written (so 0.6131 is found in "0.6131" but not in "10.61312"). */
function numbersIn(text: string): Set<string> {
  return new Set(text.match(/-?\d+(\.\d+)?(e-?\d+)?/g) ?? []);
}

describe.each(STORE_KINDS)("what each role sees, on %s", (kind) => {
  let store: TestStore;
  let run: Running;
  let room: Json;
  /** Every answer and message, by who received it. */
  const seen: Record<string, string[]> = {
    party0: [],
    party1: [],
    mediator: [],
    host: [],
    wrong: [],
    none: [],
  };
  const feeds: Feed[] = [];
  let tokens: Record<string, string | undefined>;

  beforeAll(async () => {
    store = await freshStore(kind);
    run = await start(store.url);
    const created = await call(run.base, "POST", "/api/rooms", {
      body: {
        scenario: SCENARIO,
        protocol: "mediated",
        deadline: { rounds: 4 },
        seats: [{ party: 0 }, { party: 1 }, { party: 2, agent: "boulware" }],
        mediator: { person: true },
      },
    });
    expect(created.status).toBe(201);
    room = created.body;
    tokens = {
      party0: room.seats[0].token,
      party1: room.seats[1].token,
      mediator: room.mediator.token,
      host: room.hostToken,
      wrong: "x".repeat(43),
      none: undefined,
    };
    for (const who of ["party0", "party1", "mediator", "host"]) {
      const feed = await Feed.open(run.base, room.id, tokens[who]!);
      feeds.push(feed);
      feed.socket.on("message", (d) => seen[who].push(d.toString()));
    }
    await playToTheEnd();
  }, 60_000);

  afterAll(async () => {
    await Promise.all(feeds.map((f) => f.close()));
    await run.close();
    await store.drop();
  });

  const as = async (who: string, method: string, path: string, body?: unknown) => {
    const res = await call(run.base, method, path, { token: tokens[who], body });
    seen[who].push(res.text);
    return res;
  };
  const everyone = ["party0", "party1", "mediator", "host", "wrong", "none"];

  async function everyRoute(step: number) {
    for (const who of everyone) {
      await as(who, "GET", `/api/rooms/${room.id}`);
      await as(who, "POST", `/api/rooms/${room.id}/suggestions`, { count: 3 });
      await as(who, "GET", `/api/rooms/${room.id}/analysis`);
      await as(who, "POST", `/api/rooms/${room.id}/chat`, {
        id: `${who}-${step}`,
        text: `hello from ${who}`,
      });
    }
    await as("party0", "POST", `/api/rooms/${room.id}/chat`, {
      id: `c0-${step}`,
      text: "caucus from A",
      to: "mediator",
    });
    await as("mediator", "POST", `/api/rooms/${room.id}/chat`, {
      id: `c1-${step}`,
      text: "caucus to B",
      to: 1,
    });
  }

  async function playToTheEnd() {
    for (let i = 0; i < 60; i++) {
      await everyRoute(i);
      const host = (await as("host", "GET", `/api/rooms/${room.id}`)).body;
      if (host.state === "ended") break;
      const turn = host.turn;
      if (turn.party === 2) {
        await new Promise((r) => setTimeout(r, 20));
        continue;
      }
      const who = turn.party === "mediator" ? "mediator" : `party${turn.party}`;
      const e = (await as(who, "GET", `/api/rooms/${room.id}`)).body.expected;
      const move =
        e.kind === "draft"
          ? { type: "draft", outcome: { border: "north", aid: "none" } }
          : e.kind === "mediate"
            ? e.round === 0
              ? { type: "propose", outcome: { border: "middle", aid: "much" } }
              : e.round === 1
                ? { type: "poll" }
                : { type: "final" }
            : e.kind === "decide"
              ? { type: "decide", adopt: false }
              : e.kind === "vote"
                ? { type: "vote", vote: e.revision.utility >= e.draft.utility ? "better" : "worse" }
                : { type: "ratify" };
      const res = await as(who, "POST", `/api/rooms/${room.id}/moves`, { id: `m${i}`, ...move });
      expect(res.status, res.text).toBe(200);
    }
    for (const who of everyone) await as(who, "GET", `/api/rooms/${room.id}/export`);
    // A late socket, with since, sees the same history again.
    for (const who of ["party0", "party1", "mediator"]) {
      const late = await Feed.open(run.base, room.id, tokens[who]!, 0);
      await late.next((m) => m.type === "state");
      seen[who].push(...late.raw);
      await late.close();
    }
  }

  it("played to the end through every route", async () => {
    const host = (await call(run.base, "GET", `/api/rooms/${room.id}`, { token: room.hostToken })).body;
    expect(host.state).toBe("ended");
    expect(host.history.some((e: Json) => e.actor.party === 2 && e.kind === "move")).toBe(true);
    expect(seen.party0.length).toBeGreaterThan(50);
  });

  it("gives a party only its own preferences and utilities", () => {
    for (const p of [0, 1]) {
      const text = seen[`party${p}`].join("\n");
      const own = secretsOf(p);
      const numbers = numbersIn(text);
      for (const other of [0, 1, 2].filter((q) => q !== p))
        for (const secret of secretsOf(other))
          if (!own.has(secret))
            expect(numbers.has(secret), `party ${p} saw ${secret} of party ${other}`).toBe(false);
      expect(text).not.toMatch(/"utilities"|"profiles"/);
      expect(text).toContain('"name":"' + SCENARIO.parties[p].name + '","reservation"');
      for (const other of [0, 1, 2].filter((q) => q !== p))
        expect(text).not.toContain('"name":"' + SCENARIO.parties[other].name + '","reservation"');
    }
  });

  it("hides private votes, poll answers and caucuses from the other parties", () => {
    const b = seen.party1.map((t) => JSON.parse(t));
    const a = seen.party0.map((t) => JSON.parse(t));
    const text1 = JSON.stringify(b);
    expect(text1).not.toContain("caucus from A");
    expect(JSON.stringify(a)).not.toContain("caucus to B");
    expect(text1).toContain("caucus to B");
    // B sees its own votes, never A's or C's.
    const votes = (entries: Json[]) =>
      entries
        .flatMap((m) => [...(m.room?.history ?? []), ...(m.history ?? []), m])
        .filter((e: Json) => e?.move?.vote !== undefined);
    for (const e of votes(b)) expect(e.actor.party).toBe(1);
    for (const e of votes(a)) expect(e.actor.party).toBe(0);
    expect(text1).toMatch(/"type":"answer"/);
    expect(seen.mediator.join("\n")).toContain("caucus from A");
  });

  it("gives the mediator votes and who is below reservation, never preferences or utilities", () => {
    const text = seen.mediator.join("\n");
    const numbers = numbersIn(text);
    for (const p of [0, 1, 2])
      for (const secret of secretsOf(p)) expect(numbers.has(secret), `mediator saw ${secret}`).toBe(false);
    expect(text).not.toMatch(/"utility"|"utilities"|"profile"|"weights"|"reservation"/);
    expect(text).toMatch(/"vote":"(better|worse)"/);
    expect(text).toContain('"belowReservation"');
  });

  it("shows the host everything, and refuses host-only routes to everyone else", async () => {
    const host = seen.host.join("\n");
    expect(host).toContain('"profiles"');
    expect(host).toContain('"utilities"');
    expect(host).toContain('"parley-record":1');
    for (const who of ["party0", "party1", "mediator"]) {
      expect(
        (await call(run.base, "GET", `/api/rooms/${room.id}/analysis`, { token: tokens[who] })).status,
      ).toBe(403);
      expect(
        (await call(run.base, "GET", `/api/rooms/${room.id}/export`, { token: tokens[who] })).status,
      ).toBe(403);
    }
    expect(
      (await call(run.base, "POST", `/api/rooms/${room.id}/suggestions`, { token: room.hostToken, body: {} }))
        .status,
    ).toBe(403);
  });

  it("answers a wrong token or none with 401 and nothing else, on every route and the socket", async () => {
    for (const who of ["wrong", "none"]) {
      for (const text of seen[who])
        expect(JSON.parse(text)).toEqual({
          error: "a valid token is required (Authorization: Bearer <token>)",
        });
      await expect(Feed.open(run.base, room.id, tokens[who] ?? "")).rejects.toThrow(/401/);
    }
    expect((await call(run.base, "GET", "/api/rooms/no-such-room", { token: room.hostToken })).status).toBe(
      404,
    );
  });

  it("never sends a stack trace", () => {
    for (const list of Object.values(seen))
      for (const text of list) expect(text).not.toMatch(/\bat .+\.(ts|js):\d+:\d+/);
  });
});
