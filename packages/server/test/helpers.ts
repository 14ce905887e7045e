import WebSocket from "ws";
import { createServer, type ParleyServer, type ServerOptions } from "../src/index.js";
import { freshStore as freshStoreOf } from "./fresh-store.mjs";

/** A fresh, empty store: an SQLite file in a temporary folder, or a new PostgreSQL database. */
export interface TestStore {
  url: string;
  drop(): Promise<void>;
}

/** The Redis the cluster tests share (each with its own channel prefix). */
export const REDIS = process.env.PARLEY_TEST_REDIS ?? "redis://127.0.0.1:6379";

export type StoreKind = "sqlite" | "postgres";
export const STORE_KINDS: StoreKind[] = ["sqlite", "postgres"];

export function freshStore(kind: StoreKind): Promise<TestStore> {
  return freshStoreOf(kind, "parley_test");
}

/** JSON the tests read field by field. */
// biome-ignore lint/suspicious/noExplicitAny: answers are checked by the assertions that read them
export type Json = any;

/** A server listening on a free loopback port, and a small client for it. */
export interface Running {
  server: ParleyServer;
  base: string;
  close(): Promise<void>;
}

export async function start(db: string, options: Partial<ServerOptions> = {}): Promise<Running> {
  const server = await createServer({ db, ...options });
  await server.app.listen({ port: 0, host: "127.0.0.1" });
  const address = server.app.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { server, base: `http://127.0.0.1:${port}`, close: () => server.close() };
}

export interface Answer<T = Json> {
  status: number;
  body: T;
  text: string;
}

/** One HTTP call; the body is JSON when it parses. */
export async function call<T = Json>(
  base: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; raw?: string } = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let payload: string | undefined;
  if (options.raw !== undefined || options.body !== undefined) {
    headers["content-type"] = "application/json";
    payload = options.raw ?? JSON.stringify(options.body);
  }
  const res = await fetch(base + path, { method, headers, body: payload });
  const text = await res.text();
  let body: Json = text;
  try {
    body = JSON.parse(text);
  } catch {}
  return { status: res.status, body, text };
}

/** A socket client that queues every message it receives and waits for the ones a test needs. */
export class Feed {
  readonly messages: Json[] = [];
  readonly raw: string[] = [];
  private waiters: (() => void)[] = [];
  closed = false;

  private constructor(readonly socket: WebSocket) {
    socket.on("message", (data) => {
      const text = data.toString();
      this.raw.push(text);
      this.messages.push(JSON.parse(text));
      for (const w of this.waiters.splice(0)) w();
    });
    socket.on("close", () => {
      this.closed = true;
      for (const w of this.waiters.splice(0)) w();
    });
  }

  static open(base: string, id: string, token: string, since?: number): Promise<Feed> {
    const url = `${base.replace("http", "ws")}/api/rooms/${id}/ws?token=${encodeURIComponent(token)}${since !== undefined ? `&since=${since}` : ""}`;
    const socket = new WebSocket(url);
    return new Promise((resolve, reject) => {
      socket.once("open", () => resolve(new Feed(socket)));
      socket.once("error", reject);
      socket.once("unexpected-response", (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    });
  }

  /** The first message (from `from` on) matching `test`, waiting up to `ms`. */
  async next(test: (m: Json) => boolean, from = 0, ms = 10_000): Promise<Json> {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = this.messages.slice(from).find(test);
      if (found) return found;
      if (this.closed) throw new Error("socket closed");
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(`no matching message in ${ms} ms: ${JSON.stringify(this.messages.slice(-3))}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  send(message: unknown): void {
    this.socket.send(JSON.stringify(message));
  }

  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      this.socket.once("close", () => resolve());
      this.socket.close();
    });
  }
}

/**
 * Creates a room on `base`: by default two people in SAOP on TWO_PARTY, with `body` (its deadline at
 * least) on top. Fails on a refusal, naming it.
 */
export async function createRoom(base: string, body: Json): Promise<Json> {
  const res = await call(base, "POST", "/api/rooms", {
    body: { scenario: TWO_PARTY, protocol: "saop", seats: [{ party: 0 }, { party: 1 }], ...body },
  });
  if (res.status !== 201) throw new Error(`room not created: ${res.status} ${res.text}`);
  return res.body;
}

/** A small two-party scenario in Parley's format (what a client would upload). */
export const TWO_PARTY = {
  parley: 1,
  name: "two-party",
  issues: [
    { name: "price", options: ["low", "mid", "high"] },
    { name: "delivery", options: ["fast", "slow"] },
  ],
  parties: [
    {
      name: "Buyer",
      reservation: 0.3,
      weights: { price: 0.7, delivery: 0.3 },
      values: { price: { low: 1, mid: 0.5, high: 0 }, delivery: { fast: 1, slow: 0 } },
    },
    {
      name: "Seller",
      reservation: 0.3,
      weights: { price: 0.6, delivery: 0.4 },
      values: { price: { low: 0, mid: 0.6, high: 1 }, delivery: { fast: 0, slow: 1 } },
    },
  ],
};

/** A few outcomes of TWO_PARTY, for seats that move in turn. */
export const OFFERS = [
  { price: "low", delivery: "fast" },
  { price: "high", delivery: "slow" },
  { price: "mid", delivery: "fast" },
  { price: "mid", delivery: "slow" },
];

/** Every number-valued string a viewer must never see: the other parties' weights, values, reservations. */
export function secretsOf(party: (typeof TWO_PARTY)["parties"][number]): string[] {
  return [JSON.stringify(party.weights), JSON.stringify(party.values)];
}
