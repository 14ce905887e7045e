import type { Scenario } from "../model/scenario.js";
import type { UtilityFunction } from "../model/utility.js";
import { admissibleSize } from "./admissible.js";
import { type AnalysisContext, analysisContext, isAdditive } from "./context.js";
import { nonDominated, quantize } from "./dominance.js";
import { additiveFrontier } from "./frontier-additive.js";
import { enumeratedFrontier } from "./frontier-enumerate.js";
import { searchFrontier } from "./frontier-search.js";
import type { AnalysisOptions, Frontier, FrontierPoint } from "./types.js";

/** Non-additive spaces up to this size are enumerated; beyond it, searched. */
export const ENUMERATION_LIMIT = 10_000_000;
/**
 * Default size beyond which partial frontiers of three or more parties are
 * thinned to an ε-grid; filtering grows faster with more parties.
 */
const multiPartyCap = (parties: number) => (parties === 3 ? 200_000 : parties === 4 ? 50_000 : 20_000);
const DEFAULT_EPSILON = 0.01;

/** The Pareto frontier of the admissible outcomes (see Frontier). */
export function paretoFrontier(scenario: Scenario, options: AnalysisOptions = {}): Frontier {
  return frontierOf(analysisContext(scenario, options));
}

/** `progress`, if given, is told the fraction of the computation done as it goes (for a progress bar). */
export function frontierOf(context: AnalysisContext, progress?: (fraction: number) => void): Frontier {
  const { utilities, admissible, options } = context;
  const epsilon = options.epsilon ?? DEFAULT_EPSILON;
  if (isAdditive(context)) {
    const result = additiveFrontier({
      contributions: utilities.map((u) => u.contributions!),
      options: admissible.options,
      epsilon,
      cap: options.exactLimit ?? multiPartyCap(utilities.length),
      progress,
    });
    const exact = result.epsilon === 0;
    return finish(utilities, result.outcomes, exact ? { exact } : { exact, epsilon: result.epsilon });
  }
  if (admissibleSize(admissible) <= BigInt(ENUMERATION_LIMIT)) {
    return finish(utilities, enumeratedFrontier(utilities, admissible.options, progress), { exact: true });
  }
  return finish(utilities, searchFrontier(utilities, admissible.options, options.seed ?? 0, progress), {
    exact: false,
  });
}

/**
 * Clipped utilities of the candidate outcomes, filtered once more under the
 * 12-decimal rule (clipping at 1 creates ties), sorted by party 1 descending.
 */
function finish(
  utilities: readonly UtilityFunction[],
  outcomes: number[][],
  quality: Pick<Frontier, "exact" | "epsilon">,
): Frontier {
  const dim = utilities.length;
  const values = outcomes.map((o) => utilities.map((u) => u.utility(o)));
  const keys = new Float64Array(outcomes.length * dim);
  values.forEach((v, i) => {
    for (let p = 0; p < dim; p++) keys[i * dim + p] = quantize(v[p]);
  });
  const points: FrontierPoint[] = Array.from(nonDominated(keys, dim, outcomes.length), (i) => ({
    utilities: values[i],
    outcome: outcomes[i],
  }));
  return { ...quality, points };
}
