import { Rng } from "../model/rng.js";
import type { Scenario } from "../model/scenario.js";
import { acceptanceCounts, countWhere } from "./acceptance.js";
import { admissibleSize } from "./admissible.js";
import {
  type AnalysisContext,
  analysisContext,
  inZone,
  isAdditive,
  reservations,
  settledOnRedLine,
} from "./context.js";
import { forEachOutcome } from "./enumerate.js";
import { countPairsMeetingReservations } from "./pair-count.js";
import { canAgree } from "./reach.js";
import { meetsReservations } from "./reservations.js";
import type { AnalysisOptions, Frontier } from "./types.js";

/** The agreement zone: outcomes that give every party at least its reservation and cross no red line. */
export interface AgreementZone {
  empty: boolean;
  /** Number of outcomes in the zone: exact, or an estimate when `exact` is false. */
  size: bigint;
  exact: boolean;
}

/** Spaces up to this size are counted outcome by outcome. */
export const COUNT_LIMIT = 2_000_000;
export const SAMPLES = 200_000;

export function agreementZone(
  scenario: Scenario,
  frontier: Frontier,
  options: AnalysisOptions = {},
): AgreementZone {
  return zoneOf(analysisContext(scenario, options), frontier);
}

/**
 * Emptiness comes from the frontier (a zone outcome is dominated by a frontier
 * point that is in the zone too); the size from counting, a meet-in-the-middle
 * count for two additive parties, or a seeded sample.
 */
export function zoneOf(context: AnalysisContext, frontier: Frontier): AgreementZone {
  if (context.rule.kind !== "unanimity") return zoneUnderRule(context);
  const r = reservations(context);
  const nonEmpty = frontier.points.some((p) => inZone(context, p));
  // Every admissible outcome uses a settled option on a red line, or a point whose options all are.
  if (context.admissible.redLineBlocked.length > 0 || settledOnRedLine(context))
    return { empty: true, size: 0n, exact: true };
  if (!nonEmpty && frontier.exact) return { empty: true, size: 0n, exact: true };
  const total = admissibleSize(context.admissible);
  if (r.every((x) => x <= 0)) return { empty: total === 0n, size: total, exact: true };
  if (total <= BigInt(COUNT_LIMIT)) return withSize(countByEnumeration(context, r), true);
  if (context.utilities.length === 2 && isAdditive(context)) {
    const count = countMeetInTheMiddle(context, r);
    if (count !== null) return withSize(count, true);
  }
  const estimate = estimateBySampling(context, r, total);
  // A zone the frontier shows to be non-empty has at least one outcome, whatever the sample says.
  return {
    empty: !nonEmpty && estimate === 0n,
    size: nonEmpty && estimate === 0n ? 1n : estimate,
    exact: false,
  };
}

/**
 * Under a quorum or weighted rule: the packages some winning coalition
 * accepts, summed over the acceptance counts (exact where those are).
 */
function zoneUnderRule(context: AnalysisContext): AgreementZone {
  if (context.admissible.redLineBlocked.length > 0 || settledOnRedLine(context))
    return { empty: true, size: 0n, exact: true };
  const counts = acceptanceCounts(context);
  const size = countWhere(counts, context.wins);
  if (counts.exact) return withSize(size, true);
  const nonEmpty = canAgree(context);
  return { empty: !nonEmpty && size === 0n, size: nonEmpty && size === 0n ? 1n : size, exact: false };
}

function withSize(size: bigint, exact: boolean): AgreementZone {
  return { empty: size === 0n, size, exact };
}

export function countByEnumeration(context: AnalysisContext, r: number[]): bigint {
  const u = new Float64Array(r.length);
  let count = 0;
  forEachOutcome(context.admissible.options, (o) => {
    for (let p = 0; p < r.length; p++) u[p] = context.utilities[p].utility(o);
    if (meetsReservations(u, r)) count++;
  });
  return BigInt(count);
}

function estimateBySampling(context: AnalysisContext, r: number[], total: bigint): bigint {
  const rng = new Rng(context.options.seed ?? 0);
  const options = context.admissible.options;
  const o = new Int32Array(options.length);
  const u = new Float64Array(r.length);
  let hits = 0;
  for (let s = 0; s < SAMPLES; s++) {
    for (let i = 0; i < options.length; i++) o[i] = options[i][rng.int(options[i].length)];
    for (let p = 0; p < r.length; p++) u[p] = context.utilities[p].utility(o);
    if (meetsReservations(u, r)) hits++;
  }
  return (total * BigInt(hits) + BigInt(SAMPLES / 2)) / BigInt(SAMPLES);
}

/**
 * Two additive parties: split the issues in two halves, list each half's
 * partial sums, and count pairs whose sums reach both reservations: a 2-D
 * dominance count (sweep on party 1, Fenwick tree on party 2). Null when a
 * half is too large to list.
 */
export function countMeetInTheMiddle(context: AnalysisContext, r: number[]): bigint | null {
  return countPairsMeetingReservations(
    context.admissible.options,
    context.utilities.map((u) => u.contributions!),
    r,
  );
}
