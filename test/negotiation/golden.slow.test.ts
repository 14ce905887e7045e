import { writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GOLDEN_FILE, goldenCases, goldenDigest, goldenKey, readGolden } from "./golden-cases.js";

// Digests recorded from the engine before the seats became asynchronous; same seed, same bytes.
// PARLEY_WRITE_GOLDEN=1 rewrites them (only ever on purpose, after a deliberate change of behaviour).
describe("same seeds, same traces and --json as recorded", () => {
  it("every built-in agent pair, three-party SAOP, both mediators", async () => {
    const got: Record<string, Awaited<ReturnType<typeof goldenDigest>>> = {};
    for (const c of goldenCases()) got[goldenKey(c)] = await goldenDigest(c);
    if (process.env.PARLEY_WRITE_GOLDEN === "1")
      writeFileSync(GOLDEN_FILE, `${JSON.stringify(got, null, 1)}\n`);
    expect(Object.keys(got).length).toBeGreaterThan(170);
    expect(got).toEqual(readGolden());
  }, 120_000);
});
