import { type AnalysisContext, barredByRedLines } from "./context.js";
import { QUANTUM } from "./dominance.js";
import type { Frontier, FrontierPoint } from "./types.js";

/** A change of one or two points of a draft that leaves no party worse off and someone better off. */
export interface Improvement {
  changes: { issue: number; option: number }[];
  outcome: number[];
  utilities: number[];
  gains: number[];
}

export interface DraftReview {
  outcome: number[];
  utilities: number[];
  /** Ranked: largest total gain first, then largest smallest gain. */
  improvements: Improvement[];
  /**
   * The frontier outcome that dominates the draft by the most: the largest
   * smallest gain over the parties (then the largest total). Null when no
   * frontier point dominates the draft (it is Pareto-optimal, as far as the frontier shows).
   */
  dominatedBy: (FrontierPoint & { gains: number[] }) | null;
}

const TOP = 10;
/** Gains within half a quantum of 0 are no gain (12-decimal rule). */
const SLACK = 0.5 / QUANTUM;

export function reviewDraft(
  context: AnalysisContext,
  frontier: Frontier,
  draft: readonly number[],
): DraftReview {
  const utility = (o: ArrayLike<number>) => context.utilities.map((u) => u.utility(o));
  const base = utility(draft);
  const gainsOf = (u: number[]) => u.map((x, p) => x - base[p]);
  const improves = (g: number[]) => g.every((x) => x >= -SLACK) && g.some((x) => x > SLACK);
  const total = (g: number[]) => g.reduce((x, y) => x + y, 0);
  const rank = (x: Improvement, y: Improvement) =>
    total(y.gains) - total(x.gains) || Math.min(...y.gains) - Math.min(...x.gains);
  let found: Improvement[] = [];
  // One working outcome, changed and restored in place: pairs of changes number in the millions.
  const work = [...draft];
  const draftBarred = barredByRedLines(context, draft);
  const consider = (changes: { issue: number; option: number }[]) => {
    for (const c of changes) work[c.issue] = c.option;
    if (draftBarred || !barredByRedLines(context, work)) {
      const utilities = utility(work);
      const gains = gainsOf(utilities);
      if (improves(gains)) found.push({ changes, outcome: [...work], utilities, gains });
    }
    for (const c of changes) work[c.issue] = draft[c.issue];
    // Keep memory bounded: only the best few can be reported.
    if (found.length >= 50 * TOP) found = found.sort(rank).slice(0, TOP);
  };
  const moves = changeableOptions(context, draft);
  for (let a = 0; a < moves.length; a++) {
    consider([moves[a]]);
    for (let b = a + 1; b < moves.length; b++) {
      if (moves[b].issue !== moves[a].issue) consider([moves[a], moves[b]]);
    }
  }
  found.sort(rank);
  let dominatedBy: DraftReview["dominatedBy"] = null;
  for (const point of frontier.points) {
    const gains = gainsOf(point.utilities);
    if (!improves(gains) || (!draftBarred && barredByRedLines(context, point.outcome))) continue;
    const better =
      dominatedBy === null ||
      Math.min(...gains) > Math.min(...dominatedBy.gains) + SLACK ||
      (Math.min(...gains) >= Math.min(...dominatedBy.gains) - SLACK &&
        total(gains) > total(dominatedBy.gains));
    if (better) dominatedBy = { ...point, gains };
  }
  return { outcome: [...draft], utilities: base, improvements: found.slice(0, TOP), dominatedBy };
}

/** Every (open point, admissible option) the draft does not already use. */
function changeableOptions(
  context: AnalysisContext,
  draft: readonly number[],
): { issue: number; option: number }[] {
  const settled = context.options.settled ?? [];
  return context.admissible.options.flatMap((opts, issue) =>
    settled[issue] !== undefined && settled[issue] !== null
      ? []
      : opts.filter((k) => k !== draft[issue]).map((option) => ({ issue, option })),
  );
}
