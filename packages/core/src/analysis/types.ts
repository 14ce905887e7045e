/** One Pareto-optimal outcome: every party's utility (time 0) and the dense outcome behind it. */
export interface FrontierPoint {
  utilities: number[];
  outcome: number[];
}

/**
 * The Pareto frontier of the admissible outcomes (settled points applied,
 * red-lined options removed), sorted by the first party's utility descending.
 * When `exact` is false, every admissible outcome is within `epsilon` (in each
 * party's utility) of some listed point; `epsilon` is absent when no bound is known.
 */
export interface Frontier {
  exact: boolean;
  epsilon?: number;
  points: FrontierPoint[];
}

export interface AnalysisOptions {
  /** Settled points: issue → option index, or null (or absent) for an open point. */
  settled?: readonly (number | null)[];
  /**
   * Points reopened for negotiation: not settled even if `settled` says so, and
   * the parties' red lines on them set aside.
   */
  reopened?: readonly number[];
  /**
   * With three or more additive parties: partial frontiers larger than this
   * switch to the ε-grid (default 200,000 for three parties, 50,000 for four,
   * 20,000 beyond). Lower trades exactness for speed.
   */
  exactLimit?: number;
  /** Largest ε accepted when an exact frontier is out of reach (default 0.01). */
  epsilon?: number;
  /** Seed of every random choice (search, sampling); default 0. */
  seed?: number | string;
}

export type SolutionConcept = "nash" | "kalaiSmorodinsky" | "egalitarian";

/**
 * Solution concepts relative to the reservation values at time 0, over the
 * agreement zone; null (with the reason) where no frontier point lies in it.
 * maxWelfare is over every admissible outcome, zone or not.
 */
export interface SolutionPoints {
  nash: FrontierPoint | null;
  kalaiSmorodinsky: FrontierPoint | null;
  egalitarian: FrontierPoint | null;
  maxWelfare: FrontierPoint;
  reasons?: Partial<Record<SolutionConcept, string>>;
  /**
   * Under a quorum or weighted rule: the parties (positions) the points are
   * computed over, the largest winning coalition that can agree. Absent:
   * every party. Utilities are still listed for every party.
   */
  coalition?: number[];
}
