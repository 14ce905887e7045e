import { describe, it } from "vitest";
import { expectNoFailure, targets } from "./fuzz-readers.js";

// A sample of bench/fuzz.mjs (which runs 10^5 cases per reader): mutated bundled scenarios,
// records, outcome lists and drafts are read or refused with an InputError naming the file.
describe("fuzzed readers: no crash, no hang, every failure a clear error", async () => {
  for (const target of await targets()) {
    it(target.name, () => expectNoFailure(target, 25, 20261130));
  }
});
