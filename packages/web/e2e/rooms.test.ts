import { readFileSync } from "node:fs";
import { join } from "node:path";
import { analyze, readParleyScenario, readRecord, selectParties, writeParleyScenario } from "@parley/core";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ranges } from "../src/test/ranges";
import {
  chromiumPath,
  expectAccessible,
  launch,
  newPage,
  type RunningServer,
  screenshot,
  startServer,
} from "./harness";
import { holds, recordPayloads } from "./payloads";

const repo = join(import.meta.dirname, "../../..");

interface Profile {
  weights?: Record<string, number>;
  values?: Record<string, unknown>;
}

// Rooms in Chromium against a real `parley serve`: people at seats, by clicks.
describe.skipIf(chromiumPath() === null)("rooms in Chromium", () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launch()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("two people in two browsers negotiate to agreement; neither receives the other's preferences", async () => {
    // A two-party ANAC scenario whose parties weigh the points differently (so a leak would show).
    const list = (await (await fetch(`${server.url}/api/scenarios`)).json()) as {
      name: string;
      parties: string[];
    }[];
    const scenario = list.find((s) => s.name === "anac-2010-travel")!;

    // The host creates the room by clicks: both seats people.
    const host = await newPage(await browser.newContext({ viewport: { width: 1280, height: 900 } }));
    await host.goto(`${server.url}/rooms/new?scenario=${scenario.name}`);
    for (const party of scenario.parties) await host.getByLabel(`${party} seated by`).selectOption("person");
    await expectAccessible(host);
    await screenshot(host, "room-new");
    await host.getByRole("button", { name: "Create the room" }).click();
    await host.getByRole("heading", { name: "Invitations" }).waitFor();
    const links = await Promise.all(
      scenario.parties.map((p) => host.getByRole("textbox", { name: `Link for ${p}` }).inputValue()),
    );
    await expectAccessible(host);
    await screenshot(host, "room-waiting");

    const seats: { page: Page; payloads: unknown[] }[] = [];
    for (const link of links) {
      const page = await newPage(await browser.newContext({ viewport: { width: 1024, height: 900 } }));
      const payloads = recordPayloads(page);
      await page.goto(link);
      await page.getByRole("heading", { name: "Your preferences (private)" }).waitFor();
      seats.push({ page, payloads });
    }
    // The host's waiting room shows, live, that both people have opened their links and are here.
    const seatsTable = host.getByRole("table", { name: "Seats" });
    for (const party of scenario.parties)
      await seatsTable
        .getByRole("row")
        .filter({ hasText: party })
        .filter({ hasText: "joined, connected now" })
        .waitFor();
    await expectAccessible(host);
    await screenshot(host, "room-waiting-joined");
    const [a, b] = seats;
    // B's connection drops while A offers: B reconnects and catches up with what it missed.
    await b.page.context().setOffline(true);
    await b.page.getByText("reconnecting…").waitFor({ timeout: 20_000 });
    await a.page.getByRole("button", { name: "Send offer" }).click();
    await b.page.context().setOffline(false);
    await b.page.getByText("connected", { exact: true }).waitFor({ timeout: 15_000 });
    await b.page.getByRole("button", { name: "Accept the standing offer" }).click();
    for (const s of seats) await s.page.getByRole("heading", { name: "Agreement reached" }).waitFor();
    // Each seat charts its own utility of the offers: A's offer is A's own, and B's to see.
    await a.page.getByRole("img", { name: /^Your utility of each offer: 1 yours, 0 their offers/ }).waitFor();
    await b.page.getByRole("img", { name: /^Your utility of each offer: 0 yours, 1 their offers/ }).waitFor();

    // The host downloads the room's record: the export as JSON, which the core's record reader reads.
    await host.getByRole("heading", { name: "Agreement reached" }).waitFor();
    const [download] = await Promise.all([
      host.waitForEvent("download"),
      host.getByRole("button", { name: "Download the room's record" }).click(),
    ]);
    const roomId = new URL(host.url()).pathname.split("/").pop();
    expect(download.suggestedFilename()).toBe(`room-${roomId}-record.json`);
    const file = readFileSync((await download.path())!, "utf8");
    const record = readRecord(file, download.suggestedFilename());
    expect(JSON.parse(file)["parley-record"]).toBe(1);
    expect(record.people.map((p) => p.party).filter(Boolean)).toEqual(scenario.parties);
    const agreement = record.events.find((e) => e.id === "agreement");
    expect(agreement).toMatchObject({ type: "proposal" });
    expect(record.events.filter((e) => e.type === "proposal")).toHaveLength(2);

    // A reload keeps the seat (the token is in the link) and shows the same end.
    await b.page.reload();
    await b.page.getByRole("heading", { name: "Agreement reached" }).waitFor();
    await expectAccessible(a.page);
    await screenshot(a.page, "room-party-seat");

    // Each seat's own profile, as the server gave it to that seat.
    const token = (link: string) => new URL(link).hash.replace("#token=", "");
    const id = new URL(links[0]).pathname.split("/").pop();
    const profiles = await Promise.all(
      links.map(async (l) => {
        const res = await fetch(`${server.url}/api/rooms/${id}`, {
          headers: { Authorization: `Bearer ${token(l)}` },
        });
        return ((await res.json()) as { profile: Profile }).profile;
      }),
    );
    for (const [me, other] of [
      [0, 1],
      [1, 0],
    ]) {
      const theirs = profiles[other];
      expect(theirs.weights).toBeDefined();
      expect(theirs.weights).not.toEqual(profiles[me].weights);
      expect(seats[me].payloads.length).toBeGreaterThan(0);
      expect(seats[me].payloads.some((p) => holds(p, profiles[me].weights))).toBe(true);
      expect(seats[me].payloads.some((p) => holds(p, theirs.weights))).toBe(false);
      expect(seats[me].payloads.some((p) => holds(p, theirs.values))).toBe(false);
      const html = await seats[me].page.content();
      expect(html).not.toContain(JSON.stringify(theirs.weights));
    }
  }, 180_000);

  it("a seat's page survives the server restarting: it reconnects and catches up with what it missed", async () => {
    const res = await fetch(`${server.url}/api/rooms`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        scenario: "anac-2010-travel",
        protocol: "saop",
        deadline: { rounds: 20 },
        seats: [{ party: 0 }, { party: 1 }],
      }),
    });
    const room = (await res.json()) as { id: string; seats: { token: string; url: string }[] };
    const page = await newPage(await browser.newContext({ viewport: { width: 1024, height: 900 } }));
    const sockets: string[] = [];
    page.on("websocket", (ws) => sockets.push(ws.url()));
    await page.goto(server.url + room.seats[0].url);
    await page.getByRole("button", { name: "Send offer" }).click();
    await page.getByText("Waiting for travel_fanny…").waitFor();

    // The server goes down (every socket dropped) and comes back on the same store.
    expect(sockets).toHaveLength(1);
    await server.restart();
    // The other party counters over HTTP after the restart: the page learns of it from the rebuilt room.
    const seller = room.seats[1].token;
    const view = (await (
      await fetch(`${server.url}/api/rooms/${room.id}`, { headers: { authorization: `Bearer ${seller}` } })
    ).json()) as { expected: { offer: { outcome: Record<string, string> } } };
    const counter = await fetch(`${server.url}/api/rooms/${room.id}/moves`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${seller}` },
      body: JSON.stringify({ id: "counter", type: "offer", outcome: view.expected.offer.outcome }),
    });
    expect(counter.status).toBe(200);
    await page.getByRole("button", { name: "Accept the standing offer" }).waitFor({ timeout: 20_000 });
    await page.getByText("connected", { exact: true }).waitFor();
    // It came back on a new socket that asked for what followed the last entry it had seen.
    expect(sockets.length).toBeGreaterThanOrEqual(2);
    expect(sockets.at(-1)).toMatch(/&since=\d+$/);
    const rows = page.getByRole("table", { name: "History" }).getByRole("row");
    await expect.poll(() => rows.filter({ hasText: "made an offer" }).count()).toBe(2);
    await page.getByRole("button", { name: "Accept the standing offer" }).click();
    await page.getByRole("heading", { name: "Agreement reached" }).waitFor();
    await expectAccessible(page);
    await page.context().close();
  }, 120_000);

  it("a person mediates the peace plan against three agent parties and reaches a deal", async () => {
    // A package every seated party prefers to no deal: the Nash package of the three parties.
    const plan = readParleyScenario(
      readFileSync(join(repo, "scenarios/peace-plan/plan.yaml"), "utf8"),
      "plan",
    );
    const seated = selectParties(plan, [0, 1, 3]);
    const nash = analyze(seated).solutions.nash!;
    const page = await newPage(await browser.newContext({ viewport: { width: 1280, height: 900 } }));
    await page.goto(server.url);
    await page.getByRole("button", { name: "Mediate it against 3 agent parties" }).click();
    await page.getByRole("heading", { name: "Mediator's console" }).waitFor();
    await page.getByRole("button", { name: "Table the first draft" }).waitFor();
    for (const [i, issue] of seated.space.issues.entries())
      await page
        .getByLabel(issue.title ?? issue.name, { exact: true })
        .selectOption(String(seated.space.valueOf(i, nash.outcome[i])));
    await page.getByRole("button", { name: "Table the first draft" }).click();
    const final = page.getByRole("button", { name: "Call the final vote" });
    await final.waitFor();
    await expect.poll(() => final.isEnabled()).toBe(true);
    await expectAccessible(page);
    await screenshot(page, "room-mediator");
    await final.click();
    await page.getByRole("heading", { name: "Agreement reached" }).waitFor({ timeout: 60_000 });
    await screenshot(page, "room-mediator-deal");
  }, 180_000);

  it("a person offers numbers on a scenario with number ranges", async () => {
    // price: a real range 10–20 (grid of 6), days: whole numbers 1–30, colour: named options.
    const res = await fetch(`${server.url}/api/rooms`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        scenario: JSON.parse(writeParleyScenario(ranges(), "json")),
        protocol: "saop",
        deadline: { rounds: 10 },
        seats: [{ party: 0 }, { party: 1 }],
      }),
    });
    const room = (await res.json()) as { id: string; hostToken: string; seats: { url: string }[] };
    const page = await newPage(await browser.newContext({ viewport: { width: 1024, height: 900 } }));
    await page.goto(`${server.url}${room.seats[0].url}`);
    await page.getByRole("heading", { name: "Your move" }).waitFor();
    await page.getByRole("textbox", { name: "price" }).fill("14");
    await page.getByLabel("days", { exact: true }).selectOption("7");
    // Buyer: 0.5 · triangular(14; 8, 12, 19) + 0.3 · piecewise(7) + 0.2 · colour(red) = 0.5 · 5/7 + 0.24 + 0.2.
    await page.getByText(`Your utility of this offer: ${(0.5 * (5 / 7) + 0.44).toFixed(3)}`).waitFor();
    await expectAccessible(page);
    await screenshot(page, "room-ranges");
    await page.getByRole("button", { name: "Send offer" }).click();
    await page.getByRole("cell", { name: "made an offer" }).waitFor();
    const host = (await (
      await fetch(`${server.url}/api/rooms/${room.id}`, {
        headers: { authorization: `Bearer ${room.hostToken}` },
      })
    ).json()) as { history: { move?: { outcome?: Record<string, unknown> } }[] };
    expect(host.history.find((e) => e.move?.outcome)?.move?.outcome).toEqual({
      price: 14,
      days: 7,
      colour: "red",
    });
  });
});
