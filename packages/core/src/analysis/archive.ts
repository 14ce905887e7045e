import { nonDominated, quantize } from "./dominance.js";

const BATCH = 1 << 14;

/**
 * A Pareto archive of outcomes: offers are buffered and filtered in batches
 * together with the current front, so adding is cheap and memory stays
 * proportional to the front.
 */
export class ParetoArchive {
  private front: { coords: Float64Array; outcomes: Int32Array[] } = {
    coords: new Float64Array(0),
    outcomes: [],
  };
  private readonly buffer: Float64Array;
  private pending: Int32Array[] = [];

  constructor(private readonly dim: number) {
    this.buffer = new Float64Array(BATCH * dim);
  }

  /** Offers an outcome with its utilities (the outcome is copied). */
  offer(outcome: ArrayLike<number>, utilities: ArrayLike<number>): void {
    const at = this.pending.length * this.dim;
    for (let p = 0; p < this.dim; p++) this.buffer[at + p] = quantize(utilities[p]);
    this.pending.push(Int32Array.from(outcome));
    if (this.pending.length === BATCH) this.flush();
  }

  /** The non-dominated outcomes offered so far. */
  outcomes(): number[][] {
    this.flush();
    return this.front.outcomes.map((o) => Array.from(o));
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const { dim } = this;
    const total = this.front.outcomes.length + this.pending.length;
    const all = new Float64Array(total * dim);
    all.set(this.front.coords);
    all.set(this.buffer.subarray(0, this.pending.length * dim), this.front.coords.length);
    const allOutcomes = this.front.outcomes.concat(this.pending);
    const kept = nonDominated(all, dim, total);
    const coords = new Float64Array(kept.length * dim);
    kept.forEach((i, r) => {
      coords.set(all.subarray(i * dim, i * dim + dim), r * dim);
    });
    this.front = { coords, outcomes: Array.from(kept, (i) => allOutcomes[i]) };
    this.pending = [];
  }
}
