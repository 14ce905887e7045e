import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readParleyScenario, writeParleyScenario } from "@parley/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ScenarioCatalog } from "../src/index.js";
import { call, freshStore, type Running, start, type TestStore, TWO_PARTY } from "./helpers.js";

describe("public routes, the web app and limits", () => {
  let store: TestStore;
  let run: Running;
  let web: string;

  beforeAll(async () => {
    store = await freshStore("sqlite");
    web = mkdtempSync(join(tmpdir(), "parley-web-"));
    writeFileSync(join(web, "index.html"), "<!doctype html><title>Parley</title>");
    writeFileSync(join(web, "app.js"), "console.log(1)");
    run = await start(store.url, { webDist: web, limits: { createPerMinute: 3 } });
  });
  afterAll(async () => {
    await run.close();
    await store.drop();
    rmSync(web, { recursive: true, force: true });
  });

  it("lists the bundled scenarios, the peace plan first, and serves each in Parley's JSON form", async () => {
    const list = await call(run.base, "GET", "/api/scenarios");
    expect(list.status).toBe(200);
    expect(list.body[0]).toEqual({
      name: "peace-plan",
      title: expect.any(String),
      parties: ["Invaded state", "Invading state", "Mediator", "European allies"],
      issues: 20,
      outcomes: expect.stringMatching(/^\d+$/),
      source: "case",
    });
    const sources = new Set(list.body.map((s: { source: string }) => s.source));
    expect(sources).toEqual(new Set(["case", "anac", "example"]));
    const england = list.body.find((s: { name: string }) => s.name === "anac-2010-englandzimbabwe");
    expect(england).toMatchObject({
      parties: ["England", "Zimbabwe"],
      issues: 5,
      outcomes: "576",
      source: "anac",
    });
    const doc = await call(run.base, "GET", "/api/scenarios/anac-2010-englandzimbabwe");
    const catalog = new ScenarioCatalog();
    expect(doc.text).toBe(writeParleyScenario(catalog.get("anac-2010-englandzimbabwe")!, "json"));
    expect(readParleyScenario(doc.text, "x").parties.map((p) => p.name)).toEqual(["England", "Zimbabwe"]);
    expect((await call(run.base, "GET", "/api/scenarios/nope")).status).toBe(404);
    const record = await call(run.base, "GET", "/api/records/peace-plan");
    expect(record.body).toMatchObject({ "parley-record": 1, scenario: "peace-plan" });
    expect((await call(run.base, "GET", "/api/records/anac-2010-englandzimbabwe")).status).toBe(404);
  });

  it("documents the API as OpenAPI at /api/docs", async () => {
    const spec = await call(run.base, "GET", "/api/docs/json");
    expect(spec.body.openapi).toMatch(/^3\./);
    for (const path of [
      "/api/rooms",
      "/api/rooms/{id}",
      "/api/rooms/{id}/moves",
      "/api/rooms/{id}/export",
      "/api/rooms/{id}/ws",
      "/api/scenarios",
    ])
      expect(Object.keys(spec.body.paths)).toContain(path);
    expect(spec.body.paths["/api/rooms/{id}"].get.description).toMatch(/`join` entry/);
    expect((await fetch(`${run.base}/api/docs`)).status).toBe(200);
  });

  it("serves the web app with a fallback to index.html outside /api", async () => {
    expect((await call(run.base, "GET", "/")).text).toContain("<title>Parley</title>");
    expect((await call(run.base, "GET", "/app.js")).text).toBe("console.log(1)");
    expect((await call(run.base, "GET", "/rooms/abc")).text).toContain("<title>Parley</title>");
    const api = await call(run.base, "GET", "/api/nothing");
    expect(api).toMatchObject({ status: 404, body: { error: "no route GET /api/nothing" } });
  });

  it("keeps CORS closed and rate-limits room creation", async () => {
    const res = await fetch(`${run.base}/api/scenarios`, {
      headers: { origin: "https://elsewhere.example" },
    });
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
    const body = {
      scenario: TWO_PARTY,
      protocol: "saop",
      deadline: { rounds: 3 },
      seats: [{ party: 0 }, { party: 1 }],
    };
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await call(run.base, "POST", "/api/rooms", { body })).status);
    expect(statuses).toEqual([201, 201, 201, 429, 429]);
  });
});
