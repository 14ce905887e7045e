import { nonDominated, quantize } from "./dominance.js";

const BATCH = 1 << 14;

/**
 * A Pareto archive: items offered with their utilities are buffered and
 * filtered in batches together with the current front, so offering is cheap
 * and memory stays proportional to the front, not to what was offered.
 */
export class ParetoArchive<T> {
  private front: { coords: Float64Array; items: T[] } = { coords: new Float64Array(0), items: [] };
  private readonly buffer: Float64Array;
  private pending: T[] = [];

  constructor(private readonly dim: number) {
    this.buffer = new Float64Array(BATCH * dim);
  }

  /** Offers an item (kept as given: copy reused arrays first) with its utilities. */
  offer(item: T, utilities: ArrayLike<number>): void {
    const at = this.pending.length * this.dim;
    for (let p = 0; p < this.dim; p++) this.buffer[at + p] = quantize(utilities[p]);
    this.pending.push(item);
    if (this.pending.length === BATCH) this.flush();
  }

  /** The non-dominated items offered so far (12-decimal rule; of equal vectors, one). */
  items(): T[] {
    this.flush();
    return this.front.items;
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const { dim } = this;
    const total = this.front.items.length + this.pending.length;
    const all = new Float64Array(total * dim);
    all.set(this.front.coords);
    all.set(this.buffer.subarray(0, this.pending.length * dim), this.front.coords.length);
    const allItems = this.front.items.concat(this.pending);
    const kept = nonDominated(all, dim, total);
    const coords = new Float64Array(kept.length * dim);
    kept.forEach((i, r) => {
      coords.set(all.subarray(i * dim, i * dim + dim), r * dim);
    });
    this.front = { coords, items: Array.from(kept, (i) => allItems[i]) };
    this.pending = [];
  }
}
