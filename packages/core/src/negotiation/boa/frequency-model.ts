import type { Outcome } from "../../model/space.js";
import type { NegotiationSetup } from "../negotiator.js";
import type { OpponentModel } from "./boa.js";

/**
 * The frequency opponent model (HardHeaded, ANAC 2011): an option a party
 * offers often is one it values; an issue it keeps unchanged between
 * consecutive offers is one it weighs heavily. One model per other seat.
 *
 * All state sits in flat typed arrays (seat-major). An update costs O(issues);
 * the per-option table utility() sums is rebuilt lazily, on the first query
 * after an update, so a seat that asks many questions per offer pays once.
 */
export class FrequencyModel implements OpponentModel {
  private issues = 0;
  /** Options over all issues (the length of one seat's block in counts/values). */
  private total = 0;
  /** offsets[i]: first option of issue i in a seat's block; offsets[issues] = total. */
  private offsets = new Int32Array(1);
  private counts = new Float64Array(0);
  private maxCounts = new Float64Array(0);
  private weights = new Float64Array(0);
  /** Per seat and option: weight × count / the issue's largest count, so utility() is a plain sum. */
  private values = new Float64Array(0);
  /** 1 when a seat's values must be rebuilt before the next query. */
  private stale = new Uint8Array(0);
  private last: (Outcome | null)[] = [];

  init(setup: NegotiationSetup): void {
    const cards = setup.space.cardinalities;
    const m = cards.length;
    const parties = setup.parties;
    this.issues = m;
    this.offsets = new Int32Array(m + 1);
    for (let i = 0; i < m; i++) this.offsets[i + 1] = this.offsets[i] + cards[i];
    const total = this.offsets[m];
    this.total = total;
    this.counts = new Float64Array(parties * total);
    this.maxCounts = new Float64Array(parties * m);
    this.weights = new Float64Array(parties * m).fill(1 / m);
    this.values = new Float64Array(parties * total);
    this.stale = new Uint8Array(parties);
    this.last = new Array<Outcome | null>(parties).fill(null);
  }

  update(seat: number, offer: Outcome): void {
    const { counts, maxCounts, weights, offsets } = this;
    const m = this.issues;
    const base = seat * this.total;
    const wBase = seat * m;
    const last = this.last[seat];
    let total = 0;
    for (let i = 0; i < m; i++) {
      const c = ++counts[base + offsets[i] + offer[i]];
      if (c > maxCounts[wBase + i]) maxCounts[wBase + i] = c;
      if (last && last[i] === offer[i]) weights[wBase + i] += 1 / m;
      total += weights[wBase + i];
    }
    for (let i = 0; i < m; i++) weights[wBase + i] /= total;
    this.stale[seat] = 1;
    // Offers are never changed once made (sessions copy them), so keeping the reference is safe.
    this.last[seat] = offer;
  }

  utility(seat: number, outcome: Outcome): number {
    if (this.stale[seat] === 1) this.refresh(seat);
    const values = this.values;
    const offsets = this.offsets;
    const base = seat * this.total;
    let u = 0;
    for (let i = 0; i < outcome.length; i++) u += values[base + offsets[i] + outcome[i]];
    return u;
  }

  utilityIn(seat: number, outcomes: Int32Array, start: number): number {
    if (this.stale[seat] === 1) this.refresh(seat);
    const values = this.values;
    const offsets = this.offsets;
    const base = seat * this.total;
    const m = this.issues;
    let u = 0;
    for (let i = 0; i < m; i++) u += values[base + offsets[i] + outcomes[start + i]];
    return u;
  }

  /** Rebuilds seat's per-option values from its counts and weights (the same arithmetic as ever). */
  private refresh(seat: number): void {
    const { counts, maxCounts, weights, values, offsets } = this;
    const m = this.issues;
    const base = seat * this.total;
    for (let i = 0; i < m; i++) {
      const scale = weights[seat * m + i] / maxCounts[seat * m + i];
      for (let k = base + offsets[i], end = base + offsets[i + 1]; k < end; k++)
        values[k] = counts[k] * scale;
    }
    this.stale[seat] = 0;
  }
}
