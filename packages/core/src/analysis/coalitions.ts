import { everyone, membersOf, minimalWinningCoalitions } from "../model/agreement-rule.js";
import { acceptanceCounts, countWhere } from "./acceptance.js";
import { type AnalysisContext, isUnanimous } from "./context.js";
import type { AgreementZone } from "./zone.js";

/** A minimal winning coalition and how many packages all its members accept (0: it cannot pass a deal). */
export interface CoalitionView {
  members: number[];
  packages: bigint;
}

/** Of the packages that pass, in how many a party's yes is not needed, and in how many it says no. */
export interface PartyRole {
  /** Packages that would still pass without this party's yes: it is dispensable there. */
  notNeeded: bigint;
  /** Packages that pass although this party rejects them. */
  overruled: bigint;
}

export interface RuleAnalysis {
  coalitions: CoalitionView[];
  /** Packages every party accepts: what would pass under unanimity. */
  everyone: bigint;
  parties: PartyRole[];
  /** False when the counts are estimates from a sample. */
  exact: boolean;
}

/**
 * Who can pass a deal under the rule: each minimal winning coalition with the
 * packages its members all accept, and for each party how often it is
 * dispensable. Under unanimity the one coalition is everyone and no party is
 * ever dispensable.
 */
export function ruleAnalysisOf(context: AnalysisContext, zone: AgreementZone): RuleAnalysis {
  const n = context.utilities.length;
  if (isUnanimous(context)) {
    return {
      coalitions: [{ members: membersOf(everyone(n), n), packages: zone.size }],
      everyone: zone.size,
      parties: context.utilities.map(() => ({ notNeeded: 0n, overruled: 0n })),
      exact: zone.exact,
    };
  }
  const counts = acceptanceCounts(context);
  const { wins } = context;
  const barred = zone.empty && zone.exact && zone.size === 0n;
  return {
    coalitions: minimalWinningCoalitions(context.rule, n).map((w) => ({
      members: membersOf(w, n),
      packages: barred ? 0n : countWhere(counts, (m) => (m & w) === w),
    })),
    everyone: barred ? 0n : countWhere(counts, (m) => m === everyone(n)),
    parties: context.utilities.map((_, p) => {
      const bit = 1 << p;
      return barred
        ? { notNeeded: 0n, overruled: 0n }
        : {
            notNeeded: countWhere(counts, (m) => wins(m) && wins(m & ~bit)),
            overruled: countWhere(counts, (m) => wins(m) && (m & bit) === 0),
          };
    }),
    exact: counts.exact,
  };
}
