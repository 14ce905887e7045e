/** Largest of the values (−∞ for none); safe for arrays too long to spread into Math.max. */
export function maxOf(values: ArrayLike<number>): number {
  let best = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) if (values[i] > best) best = values[i];
  return best;
}

/** Smallest of the values (+∞ for none). */
export function minOf(values: ArrayLike<number>): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < values.length; i++) if (values[i] < best) best = values[i];
  return best;
}
