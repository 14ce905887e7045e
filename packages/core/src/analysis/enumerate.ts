/**
 * Visits every outcome built from the admissible options, in mixed-radix
 * order (last issue fastest), with its ordinal. The array passed to `visit`
 * is reused: copy it to keep it.
 */
export function forEachOutcome(
  options: readonly (readonly number[])[],
  visit: (outcome: Int32Array, ordinal: number) => void,
): void {
  const n = options.length;
  if (options.some((o) => o.length === 0)) return;
  const pos = new Int32Array(n);
  const cur = Int32Array.from(options, (o) => o[0]);
  for (let ordinal = 0; ; ordinal++) {
    visit(cur, ordinal);
    let i = n - 1;
    while (i >= 0) {
      pos[i]++;
      if (pos[i] < options[i].length) {
        cur[i] = options[i][pos[i]];
        break;
      }
      pos[i] = 0;
      cur[i] = options[i][0];
      i--;
    }
    if (i < 0) return;
  }
}

/** The outcome `forEachOutcome` visits with this ordinal. */
export function outcomeAtOrdinal(options: readonly (readonly number[])[], ordinal: number): number[] {
  const out = new Array<number>(options.length);
  let rest = ordinal;
  for (let i = options.length - 1; i >= 0; i--) {
    const n = options[i].length;
    out[i] = options[i][rest % n];
    rest = Math.floor(rest / n);
  }
  return out;
}
