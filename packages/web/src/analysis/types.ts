/** What the analysis worker sends back: plain data, outcomes as option indices per point. */

export interface PackagePoint {
  utilities: number[];
  /** Option index per point. */
  outcome: number[];
}

export interface AnalysisRequest {
  /** The scenario as Parley JSON. */
  json: string;
  /** Settled option per point, null where open. */
  settled: (number | null)[];
  /** A complete package to review against the frontier (draft improvements), if any. */
  draft?: number[];
  seed?: number;
  /** Which run this is: a new number asks for the same analysis again. */
  run?: number;
}

export interface AnalysisResult {
  parties: string[];
  reservation: number[];
  frontier: { exact: boolean; epsilon?: number; points: PackagePoint[] };
  solutions: { name: string; point: PackagePoint | null; reason?: string }[];
  zone: { empty: boolean; size: string; exact: boolean };
  open: number[];
  blocking: {
    blockedOn: number[];
    sets: { reopen: number[]; nash: PackagePoint | null }[];
    closest: PackagePoint & { gaps: number[] };
    note?: string;
    exact: boolean;
  } | null;
  issues: {
    issue: number;
    weights: number[];
    conflict: number;
    bestOption: number[];
    fairestOption: number;
    settled: boolean;
  }[];
  draft: {
    utilities: number[];
    dominatedBy: (PackagePoint & { gains: number[] }) | null;
    improvements: { changes: { issue: number; option: number }[]; utilities: number[]; gains: number[] }[];
  } | null;
  trades: { parties: number[]; issues: number[]; options: number[]; gains: number[] }[];
  /** Admissible outcomes (all, or a seeded sample) for the plot, with their packages. */
  cloud: { points: PackagePoint[]; sampled: boolean };
  millis: number;
}

/** The stage under way, and the fraction of the whole analysis done (0 to 1). */
export type Progress = (stage: string, fraction: number) => void;
