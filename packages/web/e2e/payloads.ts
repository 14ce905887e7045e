import type { Page } from "playwright-core";

/** Every JSON payload a page received from the API: HTTP response bodies and WebSocket frames. */
export function recordPayloads(page: Page): unknown[] {
  const seen: unknown[] = [];
  const keep = (text: string) => {
    try {
      seen.push(JSON.parse(text));
    } catch {
      // not JSON (the app's own files): nothing of a room
    }
  };
  page.on("response", async (res) => {
    if (!new URL(res.url()).pathname.startsWith("/api/")) return;
    try {
      keep(await res.text());
    } catch {
      // a redirect or a body already gone
    }
  });
  page.on("websocket", (ws) =>
    ws.on("framereceived", (f) => typeof f.payload === "string" && keep(f.payload)),
  );
  return seen;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Whether `target` (e.g. another party's weights) occurs anywhere inside `value`. */
export function holds(value: unknown, target: unknown): boolean {
  if (same(value, target)) return true;
  if (Array.isArray(value)) return value.some((v) => holds(v, target));
  if (value && typeof value === "object") return Object.values(value).some((v) => holds(v, target));
  return false;
}
