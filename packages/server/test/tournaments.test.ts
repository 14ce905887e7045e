import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runTournament, type TournamentOutcome } from "@parley/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ScenarioCatalog, tournamentsDirFor } from "../src/index.js";
import { call, freshStore, type Json, type Running, start, type TestStore } from "./helpers.js";

const SCENARIO = "anac-2010-englandzimbabwe";
const REQUEST = { scenarios: [SCENARIO], agents: ["boulware", "conceder"], reps: 2, rounds: 50, seed: "7" };
/** Small limits so the size check is reachable; one worker on a shared machine. */
const OPTIONS = { tournaments: { workers: 1, maxNegotiations: 100 } };

/** The same tournament run directly with runTournament: what the server must answer. */
async function direct(out: string): Promise<TournamentOutcome> {
  const catalog = new ScenarioCatalog();
  return runTournament({
    ...REQUEST,
    scenarios: REQUEST.scenarios.map((s) => catalog.get(s)!),
    agents: REQUEST.agents.map((builtin) => ({ builtin })),
    out,
    workers: 1,
    budgetMs: 10_000,
    workerMemoryMb: 512,
  });
}

/** Polls a tournament until it leaves the queue and stops running. */
async function settled(base: string, id: string): Promise<Json> {
  for (;;) {
    const view = await call(base, "GET", `/api/tournaments/${id}`);
    expect(view.status).toBe(200);
    if (view.body.state !== "queued" && view.body.state !== "running") return view.body;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe("tournaments over the API", () => {
  let store: TestStore;
  let run: Running;
  let scratch: string;
  let expected: TournamentOutcome;

  beforeAll(async () => {
    store = await freshStore("sqlite");
    run = await start(store.url, OPTIONS);
    scratch = mkdtempSync(join(tmpdir(), "parley-direct-"));
    expected = await direct(scratch);
  });
  afterAll(async () => {
    await run.close();
    await store.drop();
    rmSync(scratch, { recursive: true, force: true });
  });

  it("makes no tournaments folder for a server that runs none", async () => {
    const pg = await freshStore("postgres");
    try {
      const quiet = await start(pg.url, OPTIONS);
      expect((await call(quiet.base, "GET", "/api/tournaments")).body).toEqual([]);
      await quiet.close();
      expect(existsSync(tournamentsDirFor(pg.url))).toBe(false);
    } finally {
      await pg.drop();
    }
  });

  it("lists the agents a tournament may enter, and documents the routes in OpenAPI", async () => {
    const agents = await call(run.base, "GET", "/api/agents");
    expect(agents.status).toBe(200);
    expect(agents.body.map((a: { name: string }) => a.name)).toEqual(
      expect.arrayContaining(["boulware", "conceder", "tft"]),
    );
    expect(agents.body[0]).toEqual({ name: "boulware", description: expect.any(String), source: "builtin" });
    const docs = await call(run.base, "GET", "/api/docs/json");
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining([
        "/api/agents",
        "/api/tournaments",
        "/api/tournaments/{id}",
        "/api/tournaments/{id}/cancel",
        "/api/tournaments/{id}/plot",
        "/api/tournaments/{id}/{file}",
      ]),
    );
    const paths = docs.body.paths;
    const created = paths["/api/tournaments"].post.responses["201"].content["application/json"].schema;
    expect(Object.keys(created.properties)).toEqual(["id", "token"]);
    expect(paths["/api/tournaments/{id}/cancel"].post.security).toEqual([{ token: [] }]);
    expect(paths["/api/tournaments/{id}"].delete.security).toEqual([{ token: [] }]);
    expect(paths["/api/tournaments/{id}"].get.security).toBeUndefined();
  });

  it("runs a tournament to the leaderboard runTournament gives for the same request, with its CSVs and plot", async () => {
    const created = await call(run.base, "POST", "/api/tournaments", { body: REQUEST });
    expect(created.status).toBe(201);
    const { id } = created.body;
    const done = await settled(run.base, id);
    expect(done).toMatchObject({
      id,
      state: "done",
      request: REQUEST,
      counts: { planned: 8, finished: 8, failed: 0 },
      resumedFrom: null,
      retired: [],
    });
    expect(done.leaderboard).toEqual(JSON.parse(JSON.stringify(expected.board)));
    expect(done.leaderboard.agents[0].utility.ci).toHaveLength(2);

    const list = await call(run.base, "GET", "/api/tournaments");
    expect(list.body.find((t: { id: string }) => t.id === id)).toMatchObject({
      state: "done",
      counts: done.counts,
    });

    for (const file of ["leaderboard.csv", "results.csv"]) {
      const csv = await fetch(`${run.base}/api/tournaments/${id}/${file}`);
      expect(csv.status).toBe(200);
      expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
      expect(csv.headers.get("content-disposition")).toBe(`attachment; filename="tournament-${id}-${file}"`);
      expect(await csv.text()).toBe(readFileSync(join(expected.out, file), "utf8"));
    }
    const plot = await call(run.base, "GET", `/api/tournaments/${id}/plot`);
    expect(plot.body.vconcat).toHaveLength(2);
    expect(plot.body.vconcat[0].data.values.map((v: { agent: string }) => v.agent)).toEqual(
      expected.board.agents.map((a) => a.name),
    );
    // The store and exports live in the tournaments folder beside the SQLite file.
    expect(existsSync(join(tournamentsDirFor(store.url), id, "leaderboard.csv"))).toBe(true);
  });

  it("refuses bad requests naming the field, and unknown tournaments", async () => {
    const refusals: [Json, RegExp][] = [
      [{ ...REQUEST, scenarios: ["nope"] }, /^scenarios\[0\]: no bundled scenario "nope"/],
      [{ ...REQUEST, scenarios: [] }, /^scenarios: /],
      [
        { ...REQUEST, agents: ["boulware", "nobody"] },
        /^agents\[1\]: "nobody" is not an agent of this server/,
      ],
      [{ ...REQUEST, agents: ["tft", "tft"] }, /^agents\[1\]: "tft" is given twice/],
      [{ ...REQUEST, reps: 0 }, /^reps: /],
      [{ ...REQUEST, rounds: 1.5 }, /^rounds: /],
      [{ ...REQUEST, seed: 0.5 }, /^seed: must be a whole number or a string/],
      [{ ...REQUEST, workers: 64 }, /^body: Unrecognized key: "workers"/],
      // 4 line-ups × 30 reps; then 4 parties: 4^4 line-ups at one rep.
      [{ ...REQUEST, reps: 30 }, /^reps: the tournament would run 120 negotiations .* at most 100$/],
      [
        { ...REQUEST, scenarios: ["peace-plan"], agents: ["boulware", "conceder", "tft", "micro"], reps: 1 },
        /^agents: the tournament would run 256 negotiations/,
      ],
    ];
    for (const [body, error] of refusals) {
      const res = await call(run.base, "POST", "/api/tournaments", { body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error).toMatch(error);
    }
    for (const path of ["", "/leaderboard.csv", "/plot"])
      expect(await call(run.base, "GET", `/api/tournaments/nope${path}`)).toMatchObject({
        status: 404,
        body: { error: 'no tournament "nope"' },
      });
  });

  it("queues a tournament behind a running one; cancels and deletes with its owner token", async () => {
    const big = { ...REQUEST, reps: 25, rounds: 1000 };
    const first = (await call(run.base, "POST", "/api/tournaments", { body: big })).body;
    const second = (await call(run.base, "POST", "/api/tournaments", { body: REQUEST })).body;
    expect(second.token).toMatch(/^[\w-]{43}$/);
    expect((await call(run.base, "GET", `/api/tournaments/${second.id}`)).body.state).toBe("queued");
    expect((await call(run.base, "GET", `/api/tournaments/${second.id}/results.csv`)).status).toBe(409);
    const cancel = (id: string, token?: string) =>
      call(run.base, "POST", `/api/tournaments/${id}/cancel`, { token });
    expect((await cancel(second.id, second.token)).body.state).toBe("cancelled");
    expect((await cancel(second.id, second.token)).status).toBe(409);

    expect((await cancel(first.id, first.token)).status).toBe(200);
    const cancelled = await settled(run.base, first.id);
    expect(cancelled.state).toBe("cancelled");
    expect(cancelled.counts.planned).toBe(100);

    expect(
      (await call(run.base, "DELETE", `/api/tournaments/${first.id}`, { token: first.token })).status,
    ).toBe(204);
    expect((await call(run.base, "GET", `/api/tournaments/${first.id}`)).status).toBe(404);
    expect(existsSync(join(tournamentsDirFor(store.url), first.id))).toBe(false);
  });

  it("refuses cancelling and deleting without the owner token (401) or with another (403), also after a restart", async () => {
    const other = await freshStore("sqlite");
    try {
      const before = await start(other.url, OPTIONS);
      const big = { ...REQUEST, reps: 25, rounds: 1000 };
      const { id, token } = (await call(before.base, "POST", "/api/tournaments", { body: big })).body;
      const { id: unowned, token: another } = (
        await call(before.base, "POST", "/api/tournaments", { body: REQUEST })
      ).body;
      const refusals = async (base: string) => {
        for (const [method, path] of [
          ["POST", `/api/tournaments/${id}/cancel`],
          ["DELETE", `/api/tournaments/${id}`],
        ]) {
          expect(await call(base, method, path)).toMatchObject({
            status: 401,
            body: { error: "a valid token is required (Authorization: Bearer <token>)" },
          });
          expect(await call(base, method, path, { token: another })).toMatchObject({
            status: 403,
            body: { error: "this token does not own the tournament" },
          });
          expect((await call(base, method, path.replace(id, "nope"), { token })).status).toBe(404);
        }
        // Reading stays public, and never shows the token or its hash.
        const view = await call(base, "GET", `/api/tournaments/${id}`);
        expect(view.status).toBe(200);
        expect(view.text).not.toContain(token);
        expect(view.body).not.toHaveProperty("tokenHash");
      };
      await refusals(before.base);
      await before.close();
      // Only the hash is stored, in the tournament's own server.json.
      const stored = readFileSync(join(tournamentsDirFor(other.url), id, "server.json"), "utf8");
      expect(stored).not.toContain(token);
      expect(JSON.parse(stored).tokenHash).toMatch(/^[0-9a-f]{64}$/);
      // A tournament stored before owner tokens existed has no hash: nobody may cancel it over the API.
      const legacy = join(tournamentsDirFor(other.url), unowned, "server.json");
      const { tokenHash: _hash, ...meta } = JSON.parse(readFileSync(legacy, "utf8"));
      writeFileSync(legacy, JSON.stringify(meta));

      const after = await start(other.url, OPTIONS);
      try {
        await refusals(after.base);
        expect(
          await call(after.base, "POST", `/api/tournaments/${unowned}/cancel`, { token: another }),
        ).toMatchObject({
          status: 403,
          body: { error: "the tournament has no owner token; its folder on the server can be deleted" },
        });
        expect((await call(after.base, "POST", `/api/tournaments/${id}/cancel`, { token })).status).toBe(200);
        expect((await settled(after.base, id)).state).toBe("cancelled");
        expect((await call(after.base, "DELETE", `/api/tournaments/${id}`, { token })).status).toBe(204);
        expect((await call(after.base, "GET", `/api/tournaments/${id}`)).status).toBe(404);
      } finally {
        await after.close();
      }
    } finally {
      await other.drop();
    }
  });

  it("resumes an unfinished tournament when the server starts again", async () => {
    const other = await freshStore("sqlite");
    try {
      const first = await start(other.url, OPTIONS);
      const { id } = (await call(first.base, "POST", "/api/tournaments", { body: REQUEST })).body;
      await first.close(); // stops the run: what it stored stays, and it is still marked running
      const meta = JSON.parse(readFileSync(join(tournamentsDirFor(other.url), id, "server.json"), "utf8"));
      expect(meta.state).toBe("running");

      const second = await start(other.url, OPTIONS);
      try {
        const done = await settled(second.base, id);
        expect(done.state).toBe("done");
        expect(done.leaderboard).toEqual(JSON.parse(JSON.stringify(expected.board)));
        const csv = await call(second.base, "GET", `/api/tournaments/${id}/results.csv`);
        expect(csv.text).toBe(readFileSync(join(expected.out, "results.csv"), "utf8"));
      } finally {
        await second.close();
      }
      // Stopped part-way (some results stored), it resumes from its store and runs only the rest.
      const bigger = { ...REQUEST, reps: 25, rounds: 1000 };
      const restarted = await start(other.url, OPTIONS);
      const long = (await call(restarted.base, "POST", "/api/tournaments", { body: bigger })).body.id;
      let partial: Json;
      do {
        await new Promise((resolve) => setTimeout(resolve, 10));
        partial = (await call(restarted.base, "GET", `/api/tournaments/${long}`)).body;
      } while (partial.counts.finished === 0);
      await restarted.close();
      expect(partial.counts.finished).toBeLessThan(100);
      const resumed = await start(other.url, OPTIONS);
      try {
        const done = await settled(resumed.base, long);
        expect(done).toMatchObject({ state: "done", counts: { planned: 100, finished: 100, failed: 0 } });
        expect(done.resumedFrom.finished).toBeGreaterThanOrEqual(partial.counts.finished);
        expect(done.resumedFrom.finished).toBeLessThan(100);
        const rows = (await call(resumed.base, "GET", `/api/tournaments/${long}/results.csv`)).text.trim();
        expect(rows.split("\n")).toHaveLength(101);
      } finally {
        await resumed.close();
      }
      // A finished tournament is read back from its store by a server started later.
      const third = await start(other.url, OPTIONS);
      try {
        const view = (await call(third.base, "GET", `/api/tournaments/${id}`)).body;
        expect(view).toMatchObject({ state: "done", counts: { planned: 8, finished: 8, failed: 0 } });
        expect(view.leaderboard).toEqual(JSON.parse(JSON.stringify(expected.board)));
      } finally {
        await third.close();
      }
    } finally {
      await other.drop();
    }
  });
});
