import { OutcomeSpace, type Profile, Rng, type Scenario } from "@parley/core";

/** A random hyper-rectangle profile over integer issues 0..n-1 (sum aggregation, like ANAC 2014). */
function rectangles(rng: Rng, issues: number, size: number, reservation: number): Profile {
  const rects = Array.from({ length: 2 + rng.int(5) }, () => {
    const bounds = Array.from({ length: 1 + rng.int(2) }, () => {
      const issue = rng.int(issues);
      const a = rng.int(size);
      const b = a + rng.int(size - a);
      return { issue, min: a, max: b, exclude: rng.next() < 0.2 };
    });
    return { utility: 1 + rng.int(50), bounds };
  });
  const maxUtility = rects.reduce((s, r) => s + r.utility, 0);
  return {
    utility: {
      type: "constraint",
      maxUtility,
      functions: [{ weight: 1, aggregation: "sum", rectangles: rects }],
    },
    reservation,
    discount: 1,
    redLines: [],
  };
}

/** A random plan of integer issues 0..size-1 whose parties all have hyper-rectangle utilities. */
export function constraintScenario(
  parties: number,
  issues: number,
  size: number,
  seed: number,
  reservation: number,
): Scenario {
  const rng = new Rng(seed);
  const space = new OutcomeSpace(
    Array.from({ length: issues }, (_, i) => ({
      name: `x${i}`,
      kind: "integer" as const,
      min: 0,
      max: size - 1,
    })),
  );
  return {
    name: "rectangles",
    space,
    parties: Array.from({ length: parties }, (_, p) => ({
      name: `P${p + 1}`,
      profile: rectangles(rng, issues, size, reservation),
    })),
  };
}
