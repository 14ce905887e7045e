import { describe, expect, it } from "vitest";
import type { ValueFunction } from "../model/profile.js";
import { Rng } from "../model/rng.js";
import type { Scenario } from "../model/scenario.js";
import { OutcomeSpace } from "../model/space.js";
import { readGeniusWebScenario } from "./geniusweb.js";
import { writeGeniusWebScenario } from "./geniusweb-write.js";

/** 10^8 outcomes: too many to search, so the writer samples and then improves one issue at a time. */
function largeScenario(reservation: number): Scenario {
  const rng = new Rng(42);
  const space = new OutcomeSpace(
    Array.from({ length: 8 }, (_, i) => ({
      kind: "discrete" as const,
      name: `issue${i}`,
      options: Array.from({ length: 10 }, (_, k) => ({ value: `o${k}` })),
    })),
  );
  const values: ValueFunction[] = space.issues.map(() => ({
    type: "table",
    values: Array.from({ length: 10 }, () => rng.next()),
  }));
  return {
    name: "large",
    space,
    parties: [
      {
        name: "p",
        profile: {
          utility: { type: "additive", weights: new Array(8).fill(1 / 8), values },
          reservation,
          discount: 1,
          redLines: [],
        },
      },
    ],
  };
}

describe("writeGeniusWebScenario", () => {
  it("finds a reservation bid within 1e-3 of the reservation value in a space too large to search", () => {
    for (const r of [0.1234, 0.4137, 0.8765]) {
      const back = readGeniusWebScenario(writeGeniusWebScenario(largeScenario(r)).files).scenario;
      expect(Math.abs(back.parties[0].profile.reservation - r)).toBeLessThan(1e-3);
    }
  });

  it("writes no reservation bid for a reservation of 0, and says what it drops", () => {
    const s = largeScenario(0);
    s.parties[0].profile.discount = 0.9;
    s.parties[0].profile.redLines = [{ issue: 0, option: 1 }];
    const { files, warnings } = writeGeniusWebScenario(s);
    expect(JSON.parse(files[1].text).LinearAdditiveUtilitySpace.reservationBid).toBeNull();
    expect(warnings).toEqual([
      'party "p": GeniusWeb profiles carry no discount factor; 0.9 is dropped',
      'party "p": GeniusWeb has no red lines; they are dropped',
    ]);
  });
});
