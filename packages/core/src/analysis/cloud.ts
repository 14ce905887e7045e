import { Rng } from "../model/rng.js";
import type { Scenario } from "../model/scenario.js";
import { admissibleSize } from "./admissible.js";
import { analysisContext } from "./context.js";
import { forEachOutcome } from "./enumerate.js";
import type { AnalysisOptions } from "./types.js";

/** Utility vectors of the admissible outcomes, all of them or a seeded sample, for plots. */
export interface OutcomeCloud {
  utilities: number[][];
  sampled: boolean;
}

export function outcomeCloud(
  scenario: Scenario,
  options: AnalysisOptions = {},
  limit = 50_000,
): OutcomeCloud {
  const { utilities: parties, admissible } = analysisContext(scenario, options);
  const utilities: number[][] = [];
  if (admissibleSize(admissible) <= BigInt(limit)) {
    forEachOutcome(admissible.options, (o) => utilities.push(parties.map((u) => u.utility(o))));
    return { utilities, sampled: false };
  }
  const rng = new Rng(options.seed ?? 0);
  for (let s = 0; s < limit; s++) {
    const o = admissible.options.map((opts) => opts[rng.int(opts.length)]);
    utilities.push(parties.map((u) => u.utility(o)));
  }
  return { utilities, sampled: true };
}
