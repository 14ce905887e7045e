import { describe, it } from "vitest";
import { expectNoFailure, targets } from "./fuzz-readers.js";

// A longer sample than fuzz.test.ts, from another seed.
describe("fuzzed readers, longer: no crash, no hang, every failure a clear error", async () => {
  for (const target of await targets()) {
    it(target.name, { timeout: 600_000 }, () => expectNoFailure(target, 400, 7));
  }
});
