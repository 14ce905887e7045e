import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { LAPTOP, tempDir } from "./tournament-cli.js";

describe("parley tournament --redis/--db and parley worker, on bad input", () => {
  it("refuses --redis without --db in one line, before any work", () => {
    const run = runCli([
      "tournament",
      LAPTOP,
      "--agents",
      "boulware",
      "--redis",
      "redis://127.0.0.1:6379",
      "--out",
      tempDir(),
    ]);
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe(
      "parley: --redis: a tournament on a queue needs both --redis redis://HOST:PORT and --db postgres://…",
    );
  });

  it("names a --redis that is not a redis:// URL", () => {
    const run = runCli(["worker", "--redis", "http://127.0.0.1:6379"]);
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe("parley: --redis: http://127.0.0.1:6379 is not a redis:// URL");
  });

  it("a worker whose Redis does not answer says so and exits", () => {
    // Port 1 on this machine has no Redis.
    const run = runCli(["worker", "--redis", "redis://127.0.0.1:1"]);
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe("parley: redis://127.0.0.1:1: cannot be reached as Redis within 5000 ms");
  });
});
