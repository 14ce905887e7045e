/**
 * Weights that keep their total: setting one rescales the others in proportion, so their ratios
 * stay as they were (when the others are all 0, they share what is left evenly).
 */
export function rescale(weights: readonly number[], index: number, value: number, total = 1): number[] {
  if (weights.length === 1) return [total];
  const v = Math.min(total, Math.max(0, Number.isFinite(value) ? value : 0));
  const others = weights.reduce((s, w, i) => (i === index ? s : s + w), 0);
  const rest = total - v;
  return weights.map((w, i) => {
    if (i === index) return v;
    return others > 0 ? (w / others) * rest : rest / (weights.length - 1);
  });
}

/** Scales weights to sum to `total`; all 0 (or none positive) shares it evenly. */
export function normalise(weights: readonly number[], total = 1): number[] {
  const sum = weights.reduce((s, w) => s + Math.max(0, w), 0);
  if (sum <= 0) return weights.map(() => total / weights.length);
  return weights.map((w) => (Math.max(0, w) / sum) * total);
}

/**
 * Whole numbers summing exactly to `total`, each as close to its share as can be (largest
 * remainder): 100 points split over the points, or weights kept to 4 decimals.
 */
export function roundToTotal(values: readonly number[], total: number): number[] {
  const scaled = normalise(values, total);
  const floors = scaled.map(Math.floor);
  let left = total - floors.reduce((s, x) => s + x, 0);
  const byRemainder = scaled.map((x, i) => ({ i, r: x - floors[i] })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    floors[i]++;
    left--;
  }
  return floors;
}

/** Weights summing to 1, kept to 4 decimals so files read well (0.35, not 0.35000000000000003). */
export function tidyWeights(weights: readonly number[]): number[] {
  return roundToTotal(weights, 10_000).map((x) => x / 10_000);
}
