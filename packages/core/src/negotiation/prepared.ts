import type { Scenario } from "../model/scenario.js";
import { compileParties } from "../model/scenario.js";
import type { UtilityFunction } from "../model/utility.js";
import { type BidIndex, buildBidIndex } from "./bid-index.js";

/**
 * A scenario compiled once for many negotiations: every party's utility
 * function and, built on first use, its bid index. A tournament prepares each
 * scenario once and reuses it for every pairing.
 */
export class PreparedScenario {
  readonly utilities: UtilityFunction[];
  private readonly indexes: (BidIndex | undefined)[];

  constructor(readonly scenario: Scenario) {
    this.utilities = compileParties(scenario);
    this.indexes = this.utilities.map(() => undefined);
  }

  /** Party `party`'s bid index (built on first call, then cached). */
  bids(party: number): BidIndex {
    let index = this.indexes[party];
    if (!index) {
      index = buildBidIndex(this.scenario.space, this.utilities[party]);
      this.indexes[party] = index;
    }
    return index;
  }
}
