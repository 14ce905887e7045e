import type { OutcomeCloud } from "../analysis/cloud.js";
import { nonDominated, quantize } from "../analysis/dominance.js";
import type { AnalysisReport } from "../analysis/report.js";
import type { FrontierPoint } from "../analysis/types.js";
import { VEGA_LITE_SCHEMA, type VegaLiteSpec } from "./spec.js";

export interface UtilitySpaceInput {
  title?: string;
  /** Names of the two parties on the x and y axes. */
  parties: [string, string];
  /** Utility pairs of all (or sampled) outcomes. */
  outcomes: [number, number][];
  /** True when `outcomes` is a sample, said in the subtitle. */
  sampled?: boolean;
  /** Frontier utility pairs, in any order. */
  frontier: [number, number][];
  /** Named solution points, e.g. { name: "Nash", utilities: [0.8, 0.7] }. */
  solutions: { name: string; utilities: [number, number] }[];
  reservation: [number, number];
  /** The package behind each outcome, frontier point and solution (same order), shown on hover. */
  packages?: { outcomes: string[]; frontier: string[]; solutions: string[] };
}

/**
 * The utility space of two parties: outcomes as a faint cloud, the Pareto
 * frontier as a line, the solution points labelled, the reservation values
 * as dashed lines.
 */
export function utilitySpaceSpec(input: UtilitySpaceInput): VegaLiteSpec {
  const [a, b] = input.parties;
  const axis = (title: string) => ({ scale: { domain: [0, 1] }, title: `${title} utility` });
  const x = { field: "x", type: "quantitative", ...axis(a) };
  const y = { field: "y", type: "quantitative", ...axis(b) };
  const label = (list: string[] | undefined, i: number) => (list ? { package: list[i] } : {});
  const frontier = input.frontier
    .map((p, i) => ({ p, ...label(input.packages?.frontier, i) }))
    .sort(({ p }, { p: q }) => p[0] - q[0] || q[1] - p[1]);
  const count = input.outcomes.length;
  // With packages given, hovering a mark shows its package and utilities.
  const tooltip = input.packages
    ? {
        tooltip: [
          { field: "package", type: "nominal", title: "Package" },
          { field: "x", type: "quantitative", title: `${a} utility`, format: ".3f" },
          { field: "y", type: "quantitative", title: `${b} utility`, format: ".3f" },
        ],
      }
    : {};
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: {
      text: input.title ?? "Utility space",
      subtitle: `${count.toLocaleString("en")} ${input.sampled ? "sampled " : ""}outcomes, ${frontier.length} on the Pareto frontier`,
    },
    width: 420,
    height: 420,
    layer: [
      {
        data: {
          values: input.outcomes.map(([u, v], i) => ({ x: u, y: v, ...label(input.packages?.outcomes, i) })),
        },
        mark: {
          type: "circle",
          size: count > 5000 ? 6 : 14,
          color: "#9aa5b1",
          opacity: count > 5000 ? 0.25 : 0.5,
        },
        encoding: { x, y, ...tooltip },
      },
      {
        data: { values: frontier.map(({ p: [u, v], ...rest }, i) => ({ x: u, y: v, i, ...rest })) },
        mark: {
          type: "line",
          color: "#1f6feb",
          strokeWidth: 2,
          point: { size: frontier.length > 100 ? 8 : 24, color: "#1f6feb" },
        },
        encoding: { x, y, order: { field: "i", type: "quantitative" }, ...tooltip },
      },
      {
        data: { values: [{ x: input.reservation[0], y: 1, label: `${a} reservation` }] },
        layer: [
          { mark: { type: "rule", strokeDash: [5, 4], color: "#b42318" }, encoding: { x } },
          {
            mark: { type: "text", color: "#b42318", align: "left", dx: 4, dy: 8, fontSize: 10 },
            encoding: { x, y, text: { field: "label" } },
          },
        ],
      },
      {
        data: { values: [{ x: 0, y: input.reservation[1], label: `${b} reservation` }] },
        layer: [
          { mark: { type: "rule", strokeDash: [5, 4], color: "#b42318" }, encoding: { y } },
          {
            mark: { type: "text", color: "#b42318", align: "left", dx: 4, dy: -6, fontSize: 10 },
            encoding: { x, y, text: { field: "label" } },
          },
        ],
      },
      {
        // Decreasing sizes keep coinciding solution points visible one inside the other.
        data: {
          values: input.solutions.map((s, i) => ({
            x: s.utilities[0],
            y: s.utilities[1],
            name: s.name,
            size: Math.max(40, 260 - 70 * i),
            ...label(input.packages?.solutions, i),
          })),
        },
        mark: { type: "point", filled: true, stroke: "black", strokeWidth: 0.8, opacity: 0.9 },
        encoding: {
          x,
          y,
          size: { field: "size", type: "quantitative", scale: null, legend: null },
          shape: { field: "name", type: "nominal", title: "Solution", sort: null },
          color: {
            field: "name",
            type: "nominal",
            title: "Solution",
            sort: null,
            scale: { scheme: "dark2" },
          },
          ...(input.packages
            ? { tooltip: [{ field: "name", type: "nominal", title: "Solution" }, ...tooltip.tooltip!] }
            : {}),
        },
      },
    ],
    config: { font: "DejaVu Sans", legend: { orient: "bottom-left" } },
  };
}

/**
 * The two parties' own frontier among the projected points (with more than
 * two parties, most frontier points are interior in the plane).
 */
function frontierOfPair(points: [number, number][]): [number, number][] {
  const keys = Float64Array.from(points.flatMap(([u, v]) => [quantize(u), quantize(v)]));
  return Array.from(nonDominated(keys, 2, points.length), (i) => points[i]);
}

/** The utility space of an analysis report's first two parties. */
export function reportUtilitySpaceSpec(report: AnalysisReport, cloud: OutcomeCloud): VegaLiteSpec {
  const pair = (u: number[]): [number, number] => [u[0], u[1]];
  const { solutions } = report;
  const named: [string, FrontierPoint | null][] = [
    ["Nash", solutions.nash],
    ["Kalai–Smorodinsky", solutions.kalaiSmorodinsky],
    ["Egalitarian", solutions.egalitarian],
    ["Max welfare", solutions.maxWelfare],
  ];
  const parties = report.scenario.parties.map((p) => p.name);
  return utilitySpaceSpec({
    title: `${report.scenario.name}: utility space${parties.length > 2 ? ` (first 2 of ${parties.length} parties)` : ""}`,
    parties: [parties[0], parties[1]],
    outcomes: cloud.utilities.map(pair),
    sampled: cloud.sampled,
    frontier: frontierOfPair(report.frontier.points.map((p) => pair(p.utilities))),
    solutions: named.flatMap(([name, p]) => (p ? [{ name, utilities: pair(p.utilities) }] : [])),
    reservation: pair(report.reservation),
  });
}
