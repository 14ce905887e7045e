import type { Outcome } from "../../model/space.js";
import type { NegotiationSetup } from "../negotiator.js";
import type { OpponentModel } from "./boa.js";

/**
 * The frequency opponent model (HardHeaded, ANAC 2011): an option a party
 * offers often is one it values; an issue it keeps unchanged between
 * consecutive offers is one it weighs heavily. One model per other seat.
 */
export class FrequencyModel implements OpponentModel {
  private offsets: number[] = [];
  private counts: Float64Array[] = [];
  private maxCounts: Float64Array[] = [];
  private weights: Float64Array[] = [];
  /** Per seat and option: weight × count / the largest count, so utility() is a plain sum. */
  private values: Float64Array[] = [];
  private last: (Outcome | null)[] = [];

  init(setup: NegotiationSetup): void {
    const cards = setup.space.cardinalities;
    let total = 0;
    this.offsets = cards.map((n) => {
      const at = total;
      total += n;
      return at;
    });
    const m = cards.length;
    this.counts = Array.from({ length: setup.parties }, () => new Float64Array(total));
    this.maxCounts = Array.from({ length: setup.parties }, () => new Float64Array(m));
    this.weights = Array.from({ length: setup.parties }, () => new Float64Array(m).fill(1 / m));
    this.values = Array.from({ length: setup.parties }, () => new Float64Array(total));
    this.last = Array.from({ length: setup.parties }, () => null);
  }

  update(seat: number, offer: Outcome): void {
    const counts = this.counts[seat];
    const maxCounts = this.maxCounts[seat];
    const weights = this.weights[seat];
    const last = this.last[seat];
    const m = offer.length;
    let total = 0;
    for (let i = 0; i < m; i++) {
      const c = ++counts[this.offsets[i] + offer[i]];
      if (c > maxCounts[i]) maxCounts[i] = c;
      if (last && last[i] === offer[i]) weights[i] += 1 / m;
      total += weights[i];
    }
    for (let i = 0; i < m; i++) weights[i] /= total;
    const values = this.values[seat];
    for (let i = 0; i < m; i++) {
      const end = i + 1 < m ? this.offsets[i + 1] : values.length;
      const scale = weights[i] / maxCounts[i];
      for (let k = this.offsets[i]; k < end; k++) values[k] = counts[k] * scale;
    }
    // Offers are never changed once made (sessions copy them), so keeping the reference is safe.
    this.last[seat] = offer;
  }

  utility(seat: number, outcome: Outcome): number {
    const values = this.values[seat];
    let u = 0;
    for (let i = 0; i < outcome.length; i++) u += values[this.offsets[i] + outcome[i]];
    return u;
  }
}
