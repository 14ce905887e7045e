/** The Parley server's HTTP API (docs/server.md): plain fetch with errors in words. */

/** An answer the server refused, with its own words when it gave some. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function api<T>(path: string, init: RequestInit & { token?: string } = {}): Promise<T> {
  const headers = new Headers(init.headers);
  if (init.token) headers.set("Authorization", `Bearer ${init.token}`);
  if (init.body !== undefined && !headers.has("Content-Type"))
    headers.set("Content-Type", "application/json");
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers });
  } catch {
    throw new ApiError(0, "The Parley server cannot be reached. Is `parley serve` running?");
  }
  const text = await res.text();
  if (!res.ok) throw new ApiError(res.status, errorText(res.status, text));
  return (text ? JSON.parse(text) : undefined) as T;
}

function errorText(status: number, body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: unknown; message?: unknown };
    const said = parsed.error ?? parsed.message;
    if (typeof said === "string" && said) return said;
  } catch {
    // not JSON: fall through to the status
  }
  if (status === 404) return "Not found on the server.";
  if (status === 401 || status === 403)
    return "The server refused this token (it is missing, wrong or for something else).";
  return `The server answered ${status}.`;
}

/** One bundled scenario as GET /api/scenarios lists it. */
export interface ScenarioSummary {
  name: string;
  title?: string;
  parties: string[];
  issues: number;
  /** The outcome count as a decimal string (it can exceed 2^53). */
  outcomes: string;
  source: "anac" | "case" | "example";
}

export const listScenarios = () => api<ScenarioSummary[]>("/api/scenarios");
export const scenarioDocument = (name: string) => api<unknown>(`/api/scenarios/${encodeURIComponent(name)}`);
