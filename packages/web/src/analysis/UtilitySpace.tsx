import { type Scenario, utilitySpaceSpec } from "@parley/core";
import { useMemo } from "react";
import { VegaChart } from "../plots/VegaChart";
import { packageText } from "../scenarios/describe";
import type { AnalysisResult, PackagePoint } from "./types";

/** The core's utility-space chart for two parties, every dot's package shown on hover. */
export function UtilitySpace({
  result,
  scenario,
  pair,
}: {
  result: AnalysisResult;
  scenario: Scenario;
  pair: [number, number];
}) {
  const spec = useMemo(() => {
    const [a, b] = pair;
    const xy = (p: PackagePoint): [number, number] => [p.utilities[a], p.utilities[b]];
    // With most points settled, the open ones say what a dot is.
    const only = result.open.length < scenario.space.issues.length ? result.open : undefined;
    const label = (p: PackagePoint) => packageText(scenario, p.outcome, only) || "(every point settled)";
    const solutions = result.solutions.filter((s) => s.point !== null);
    return utilitySpaceSpec({
      title: `${result.parties[a]} and ${result.parties[b]}`,
      parties: [result.parties[a], result.parties[b]],
      outcomes: result.cloud.points.map(xy),
      sampled: result.cloud.sampled,
      frontier: result.frontier.points.map(xy),
      solutions: solutions.map((s) => ({ name: s.name, utilities: xy(s.point!) })),
      reservation: [result.reservation[a], result.reservation[b]],
      packages: {
        outcomes: result.cloud.points.map(label),
        frontier: result.frontier.points.map(label),
        solutions: solutions.map((s) => label(s.point!)),
      },
    });
  }, [result, scenario, pair]);
  return (
    <VegaChart
      spec={spec}
      label={`Utility space of ${result.parties[pair[0]]} and ${result.parties[pair[1]]}: outcomes, Pareto frontier and solution points. Hover a dot to see its package.`}
    />
  );
}
