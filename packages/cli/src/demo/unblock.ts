import {
  type BlockedPoint,
  type BlockingSet,
  compileParties,
  paretoFrontier,
  type Scenario,
  solutionPoints,
} from "@parley/core";

/** Largest reopening set tried, as in the analysis engine. */
const MAX_SET_SIZE = 3;

export interface DraftBlocking {
  blockedOn: BlockedPoint[];
  /** Smallest sets of settled points whose reopening makes a deal possible, with their Nash packages. */
  sets: BlockingSet[];
}

/**
 * What blocks a draft and what unblocks it, by the analysis engine's rules
 * (`analyze(...).blocking`): a point is blocked when each of its options is
 * on some party's red line or leaves that party below its reservation value
 * however the other open points go; reopening a point unsettles it and sets
 * red lines on it aside; sets are tried by increasing size. Built here from
 * the engine's frontier and solution points because `analyze` first solves
 * the plan with every point reopened, which with four parties and 20 points
 * takes 20 s or more; test/case checks that both give the same answer.
 */
export function draftBlocking(
  scenario: Scenario,
  fixed: readonly (number | null)[],
  seed: number,
): DraftBlocking {
  const { space } = scenario;
  const utilities = compileParties(scenario);
  const reservation = scenario.parties.map((p) => p.profile.reservation);
  const settled = (i: number) => fixed[i] !== null;
  const blockedOn: BlockedPoint[] = [];
  space.issues.forEach((_, i) => {
    if (settled(i)) return;
    const rejections = Array.from({ length: space.cardinalities[i] }, (_, option) => {
      const points = paretoFrontier(scenario, {
        fixed: fixed.map((x, j) => (j === i ? option : x)),
        seed,
      }).points;
      const parties = utilities.flatMap((u, p) =>
        u.isRedLine(i, option) || Math.max(...points.map((x) => x.utilities[p])) < reservation[p] - 5e-13
          ? [p]
          : [],
      );
      return { option, parties };
    });
    if (rejections.every((r) => r.parties.length > 0)) blockedOn.push({ issue: i, rejections });
  });
  const redLined = new Set(utilities.flatMap((u) => u.profile.redLines.map((r) => r.issue)));
  const candidates = space.issues.map((_, i) => i).filter((i) => settled(i) || redLined.has(i));
  for (let size = 1; size <= Math.min(MAX_SET_SIZE, candidates.length); size++) {
    const sets: BlockingSet[] = [];
    for (const reopen of combinations(candidates, size)) {
      const options = { fixed, reopened: reopen, seed };
      const nash = solutionPoints(scenario, paretoFrontier(scenario, options), options).nash;
      if (nash) sets.push({ reopen, nash });
    }
    if (sets.length > 0) return { blockedOn, sets };
  }
  return { blockedOn, sets: [] };
}

function* combinations(items: readonly number[], size: number, start = 0): Generator<number[]> {
  if (size === 0) {
    yield [];
    return;
  }
  for (let i = start; i <= items.length - size; i++) {
    for (const rest of combinations(items, size - 1, i + 1)) yield [items[i], ...rest];
  }
}
