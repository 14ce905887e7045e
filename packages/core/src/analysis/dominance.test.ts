import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nonDominated } from "./dominance.js";

/** Pairwise reference: a vector survives unless another is ≥ everywhere and > somewhere; of equal ones, the first. */
function naive(vectors: number[][]): Set<string> {
  const kept = new Set<string>();
  vectors.forEach((v, i) => {
    const beaten = vectors.some(
      (w, j) =>
        (w.every((x, d) => x >= v[d]) && w.some((x, d) => x > v[d])) ||
        (j < i && w.every((x, d) => x === v[d])),
    );
    if (!beaten) kept.add(v.join(","));
  });
  return kept;
}

describe("nonDominated", () => {
  it("matches a pairwise check in 1 to 6 dimensions, with ties and duplicates", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((dim) =>
          fc.array(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: dim, maxLength: dim }), {
            maxLength: 60,
          }),
        ),
        (vectors) => {
          if (vectors.length === 0) return;
          const dim = vectors[0].length;
          const kept = nonDominated(Float64Array.from(vectors.flat()), dim, vectors.length);
          const got = Array.from(kept, (i) => vectors[i].join(","));
          expect(new Set(got).size).toBe(got.length);
          expect(new Set(got)).toEqual(naive(vectors));
        },
      ),
      { numRuns: 400, seed: 3 },
    );
  });
});
