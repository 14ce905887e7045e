import * as core from "@parley/core";
import fc from "fast-check";
import { expect } from "vitest";
import { fuzzTargets, runCase } from "../../bench/fuzz-lib.mjs";
import { fuzzSeeds } from "../../bench/fuzz-seeds.mjs";
import { loadScenario } from "../../packages/cli/src/scenario-loader.js";

interface Target {
  name: string;
  arbitrary: fc.Arbitrary<unknown>;
}

/** The fuzz targets of bench/fuzz.mjs, on the sources. */
export async function targets(): Promise<Target[]> {
  return fuzzTargets(core, await fuzzSeeds(loadScenario));
}

/** Every case is read, or refused with an InputError naming the file; none crashes or hangs. */
export function expectNoFailure(target: Target, numRuns: number, seed: number): void {
  fc.assert(
    fc.property(target.arbitrary, (input) => {
      const result = runCase(target, input);
      expect(result.kind, String((result.error as Error | undefined)?.stack ?? result.error ?? "")).toMatch(
        /^(accepted|clean)$/,
      );
    }),
    { numRuns, seed },
  );
}
