import {
  compileParties,
  danceOf,
  danceSpec,
  outcomeCloud,
  paretoFrontier,
  selectParties,
  utilitySpaceSpec,
  type VegaLiteSpec,
} from "@parley/core";
import type { CaseStudy } from "./case-study.js";

/** Sampled packages in the utility-space plot: enough to see the shape, quick to draw. */
const CLOUD = 2500;

/**
 * The first two parties' utility space over the whole plan: sampled packages,
 * their own Pareto frontier, the draft completed with each territorial option,
 * and the Nash package of each unblocking reopening.
 */
export function caseUtilitySpace(study: CaseStudy): VegaLiteSpec {
  const { scenario, draft, open: T, blocking, seed } = study;
  const pair = (u: readonly number[]): [number, number] => [u[0], u[1]];
  const two = selectParties(scenario, [0, 1]);
  const completions =
    T.length === 1 ? Array.from({ length: scenario.space.cardinalities[T[0]] }, (_, k) => k) : [];
  const utilities = compileParties(scenario);
  const withDraft = (k: number) => {
    const outcome = draft.map((x, i) => (i === T[0] ? k : (x as number)));
    return utilities.map((u) => u.utility(outcome));
  };
  const issue = T.length === 1 ? scenario.space.issues[T[0]].name : "";
  const spec = utilitySpaceSpec({
    title: `${scenario.title ?? scenario.name} (invented preferences)`,
    parties: [scenario.parties[0].name, scenario.parties[1].name],
    outcomes: outcomeCloud(two, { seed }, CLOUD).utilities.map(pair),
    sampled: true,
    frontier: paretoFrontier(two).points.map((p) => pair(p.utilities)),
    solutions: [
      ...completions.map((k) => ({
        name: `draft, ${issue}: ${scenario.space.valueOf(T[0], k)}`,
        utilities: pair(withDraft(k)),
      })),
      ...(blocking?.sets ?? []).flatMap((s) =>
        s.nash
          ? [
              {
                name: `Nash, reopening ${s.reopen.map((i) => scenario.space.issues[i].name).join(" + ")}`,
                utilities: pair(s.nash.utilities),
              },
            ]
          : [],
      ),
    ],
    reservation: [scenario.parties[0].profile.reservation, scenario.parties[1].profile.reservation],
  });
  return withLongLegendLabels(spec);
}

/** The chart with legend labels shown whole (its points are named by what they are, not by a letter). */
function withLongLegendLabels(spec: VegaLiteSpec): VegaLiteSpec {
  const config = (spec.config ?? {}) as Record<string, unknown>;
  const legend = (config.legend ?? {}) as Record<string, unknown>;
  return { ...spec, config: { ...config, legend: { ...legend, labelLimit: 360 } } };
}

/**
 * The mediator's successive texts in the run shown, over the first two
 * parties' own frontier of the reopened plan (the four-party frontier,
 * projected onto two axes, would zigzag); the chart says how far the
 * agreement is from the four-party frontier, as the text does.
 */
export function caseDance(study: CaseStudy): VegaLiteSpec {
  const { scenario, runs, shown, reopened, draft, reopenedPlan, seed } = study;
  const settled = draft.map((x, i) => (reopened.includes(i) ? null : x));
  const frontier = paretoFrontier(selectParties(scenario, [0, 1]), { settled, seed });
  const input = danceOf(scenario, runs[shown], { frontier, solutions: reopenedPlan.solutions }, frontier);
  return danceSpec({
    ...input,
    title: `Mediated negotiation, run ${shown + 1} (invented preferences)`,
    frontierLabel: "Two-party Pareto frontier, reopened points",
  });
}
