import { InputError } from "../errors.js";
import { clamp01, type ValueFunction } from "../model/profile.js";
import { Rng } from "../model/rng.js";
import type { Party, Scenario } from "../model/scenario.js";
import type { Issue, OutcomeSpace } from "../model/space.js";
import { compileUtility } from "../model/utility.js";
import { folderNames, ruleLossWarnings, type WriteResult } from "./genius-write.js";

/** Spaces up to this size are searched exhaustively for a reservation bid; larger ones are sampled. */
const EXHAUSTIVE_LIMIT = 1_000_000n;
const SAMPLES = 10_000;

/**
 * Writes a scenario as GeniusWeb JSON: `<name>-domain.json` and one
 * LinearAdditiveUtilitySpace `<party>.json` per party (embedding the domain).
 * GeniusWeb stores a reservation *bid*, not a value: Parley writes the
 * outcome whose utility is closest to the reservation value (in large spaces,
 * the closest of 10^4 seeded samples, improved one issue at a time).
 */
export function writeGeniusWebScenario(scenario: Scenario): WriteResult {
  const warnings: string[] = [];
  const domain = {
    name: scenario.name,
    issuesValues: Object.fromEntries(scenario.space.issues.map((issue) => [issue.name, valueSetOf(issue)])),
  };
  const names = folderNames(scenario, ".json", warnings);
  const files = [{ name: names.domain, text: json(domain) }];
  scenario.parties.forEach((party, i) => {
    files.push({ name: names.parties[i], text: json(profileOf(scenario, party, domain, warnings)) });
  });
  warnings.push(...ruleLossWarnings(scenario, "GeniusWeb profiles"));
  return { files, warnings };
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function valueSetOf(issue: Issue) {
  switch (issue.kind) {
    case "discrete":
      return { values: issue.options.map((o) => o.value) };
    case "integer":
      return { range: [issue.min, issue.max, 1] };
    case "real":
      return {
        range: [issue.min, issue.max, issue.steps > 1 ? (issue.max - issue.min) / (issue.steps - 1) : 1],
      };
  }
}

function profileOf(s: Scenario, party: Party, domain: object, warnings: string[]) {
  const who = `party "${party.name}"`;
  const { utility, reservation, discount, redLines } = party.profile;
  if (utility.type !== "additive")
    throw new InputError(who, "GeniusWeb has no hyper-rectangle profiles; write GENIUS or Parley instead");
  if (discount < 1)
    warnings.push(`${who}: GeniusWeb profiles carry no discount factor; ${discount} is dropped`);
  if (redLines.length > 0) warnings.push(`${who}: GeniusWeb has no red lines; they are dropped`);
  const sum = utility.weights.reduce((a, b) => a + b, 0);
  if (Math.abs(sum - 1) > 1e-6)
    warnings.push(`${who}: weights sum to ${sum}; GeniusWeb expects 1 and does not cap utilities at 1`);
  return {
    LinearAdditiveUtilitySpace: {
      name: party.name,
      domain,
      issueWeights: Object.fromEntries(s.space.issues.map((issue, i) => [issue.name, utility.weights[i]])),
      issueUtilities: Object.fromEntries(
        s.space.issues.map((issue, i) => [
          issue.name,
          utilitiesOf(issue, utility.values[i], `${who}: issue "${issue.name}"`),
        ]),
      ),
      reservationBid: reservation > 0 ? reservationBid(s.space, party, warnings) : null,
    },
  };
}

function utilitiesOf(issue: Issue, fn: ValueFunction, where: string) {
  if (issue.kind === "discrete") {
    if (fn.type !== "table") throw new InputError(where, "a discrete issue needs a table of values");
    return {
      discreteutils: {
        valueUtilities: Object.fromEntries(
          issue.options.map((o, k) => [o.value, clamp01(fn.values[k] ?? 0)]),
        ),
      },
    };
  }
  if (fn.type === "piecewise" && fn.points.length === 2) {
    const [[lowValue, lowUtility], [highValue, highUtility]] = fn.points;
    return { numberutils: { lowValue, lowUtility, highValue, highUtility } };
  }
  if (fn.type === "linear") {
    // GeniusWeb interpolates without clamping: exact only while the line stays in [0, 1] on the range.
    const at = (x: number) => fn.slope * (x - fn.origin) + fn.offset;
    const [lo, hi] = [at(issue.min), at(issue.max)];
    if (lo >= 0 && lo <= 1 && hi >= 0 && hi <= 1)
      return { numberutils: { lowValue: issue.min, lowUtility: lo, highValue: issue.max, highUtility: hi } };
    throw new InputError(
      where,
      "its linear value leaves [0, 1] inside the range, which GeniusWeb cannot express",
    );
  }
  throw new InputError(
    where,
    `GeniusWeb number utilities are linear; a ${fn.type} value function cannot be written`,
  );
}

/** The outcome whose utility is closest to the party's reservation value, as GeniusWeb `issuevalues`. */
function reservationBid(space: OutcomeSpace, party: Party, warnings: string[]) {
  const u = compileUtility(space, party.profile);
  const target = party.profile.reservation;
  let best: number[] = [];
  let gap = Number.POSITIVE_INFINITY;
  const consider = (o: ArrayLike<number>) => {
    const d = Math.abs(u.utility(o) - target);
    if (d < gap) {
      gap = d;
      best = Array.from(o);
    }
  };
  if (space.size <= EXHAUSTIVE_LIMIT) {
    for (const o of space.enumerate()) {
      consider(o);
      if (gap === 0) break;
    }
  } else {
    const rng = new Rng(`reservation:${party.name}`);
    for (let k = 0; k < SAMPLES && gap > 0; k++) consider(space.sample(rng));
    // Then change one issue at a time while that brings the utility closer.
    for (let improved = true; improved && gap > 0; ) {
      improved = false;
      for (let i = 0; i < space.issueCount; i++) {
        const o = best.slice();
        for (let k = 0; k < space.cardinalities[i]; k++) {
          o[i] = k;
          const before = gap;
          consider(o);
          if (gap < before) improved = true;
        }
      }
    }
  }
  if (gap > 1e-12)
    warnings.push(
      `party "${party.name}": no outcome is worth exactly its reservation ${target}; the reservation bid written is worth ${u.utility(best)}`,
    );
  return { issuevalues: space.toValues(best) };
}
