import { paretoFrontier } from "../analysis/frontier.js";
import type { Frontier } from "../analysis/types.js";
import { type Scenario, selectParties } from "../model/scenario.js";
import type { ScenarioAnalysis } from "../negotiation/metrics.js";
import type { NegotiationResult } from "../negotiation/run.js";
import { VEGA_LITE_SCHEMA, type VegaLiteSpec } from "./spec.js";

export interface DanceInput {
  title?: string;
  /** Names of the two parties on the x and y axes. */
  parties: [string, string];
  /** The moves to draw: who made them, when, and their utilities to the two axis parties. */
  moves: { by: string; round: number; t: number; utilities: [number, number] }[];
  /** What a move is, for the subtitle: "offers" (SAOP) or "drafts" (mediated). */
  movesAre?: string;
  frontier: [number, number][];
  /** What the dashed line is, for its legend entry (default "Pareto frontier"). */
  frontierLabel?: string;
  nash: [number, number] | null;
  /** The Nash point's legend entry (default "Nash point"). */
  nashLabel?: string;
  agreement: [number, number] | null;
  /** Lines under the subtitle, e.g. why the agreement sits off the line drawn. */
  note?: string[];
}

/**
 * The negotiation dance: each party's offers (or the mediator's drafts) as a
 * path through the first two parties' utility space, early moves faint and
 * late ones solid, over the Pareto frontier, with the Nash point and the agreement.
 */
export function danceSpec(input: DanceInput): VegaLiteSpec {
  const [a, b] = input.parties;
  const axis = (title: string) => ({ scale: { domain: [0, 1] }, title: `${title} utility` });
  const x = { field: "x", type: "quantitative", ...axis(a) };
  const y = { field: "y", type: "quantitative", ...axis(b) };
  const frontier = [...input.frontier].sort((p, q) => p[0] - q[0] || q[1] - p[1]);
  const moves = input.moves.map((m, i) => ({
    x: m.utilities[0],
    y: m.utilities[1],
    by: m.by,
    t: m.t,
    round: m.round + 1,
    i,
  }));
  const nashLabel = input.nashLabel ?? "Nash point";
  const frontierLabel = input.frontierLabel ?? "Pareto frontier";
  const markers = [
    ...(input.nash ? [{ x: input.nash[0], y: input.nash[1], name: nashLabel }] : []),
    ...(input.agreement ? [{ x: input.agreement[0], y: input.agreement[1], name: "agreement" }] : []),
  ];
  // The legend lists only the markers drawn (no "agreement" entry without one).
  const named = markers.length > 0 ? markers.map((m) => m.name) : [nashLabel, "agreement"];
  const markerScale = (range: Record<string, string>) => ({
    domain: named,
    range: named.map((n) => range[n === nashLabel ? "nash" : "agreement"]),
  });
  const color = { field: "by", type: "nominal", title: "Moves by", scale: { scheme: "set1" } };
  const subtitle = `${input.moves.length} ${input.movesAre ?? "moves"}; ${input.agreement ? "agreement" : "no agreement"}`;
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: {
      text: input.title ?? "Negotiation dance",
      subtitle: [subtitle, ...(input.note ?? [])],
    },
    width: 420,
    height: 420,
    layer: [
      {
        data: { values: frontier.map(([u, v], i) => ({ x: u, y: v, i, line: frontierLabel })) },
        mark: { type: "line", color: "#9aa5b1", strokeWidth: 2 },
        encoding: {
          x,
          y,
          order: { field: "i", type: "quantitative" },
          // An encoded dash (one value) gives the line its legend entry.
          strokeDash: {
            field: "line",
            type: "nominal",
            title: "",
            scale: { domain: [frontierLabel], range: [[4, 3]] },
            legend: { symbolType: "stroke", symbolStrokeColor: "#9aa5b1", symbolStrokeWidth: 2 },
          },
        },
      },
      {
        data: { values: markers },
        mark: { type: "point", filled: true, size: 220, stroke: "black", strokeWidth: 1 },
        encoding: {
          x,
          y,
          shape: {
            field: "name",
            type: "nominal",
            title: "",
            scale: markerScale({ nash: "diamond", agreement: "cross" }),
          },
          fill: {
            field: "name",
            type: "nominal",
            title: "",
            scale: markerScale({ nash: "#f2c94c", agreement: "#12b76a" }),
          },
        },
      },
      {
        data: { values: moves },
        layer: [
          {
            mark: { type: "line", strokeWidth: 1, opacity: 0.5 },
            encoding: { x, y, color, detail: { field: "by" }, order: { field: "i", type: "quantitative" } },
          },
          {
            mark: { type: "circle", size: 36 },
            encoding: {
              x,
              y,
              color,
              opacity: {
                field: "t",
                type: "quantitative",
                scale: { domain: [0, 1], range: [0.25, 1] },
                title: "time t",
              },
              tooltip: [
                { field: "by" },
                { field: "round" },
                { field: "x", title: a },
                { field: "y", title: b },
              ],
            },
          },
        ],
      },
    ],
    config: { font: "DejaVu Sans", legend: { orient: "right", labelLimit: 320 } },
  };
}

/**
 * The dance of a finished negotiation: SAOP offers by each seat, or the
 * mediator's successive drafts; utilities of the first two parties (undiscounted).
 * With more than two parties the line drawn is the two plotted parties' own
 * frontier (`twoPartyFrontier`, computed when absent): the N-party frontier
 * projected onto two axes is a cloud, not a line. The plot then says that an
 * agreement on the N-party frontier may sit inside the line, and how far this
 * one is from the N-party frontier (the distance the text reports).
 */
export function danceOf(
  scenario: Scenario,
  result: NegotiationResult,
  analysis: ScenarioAnalysis | null,
  twoPartyFrontier?: Frontier,
): DanceInput {
  const names = scenario.parties.map((p, i) => `${p.name} (${result.agents[i]})`);
  const wanted = result.protocol === "saop" ? "offer" : "revise";
  const pair = (u: readonly number[]): [number, number] => [u[0], u[1]];
  const moves = result.trace
    .filter((e) => e.action === wanted && e.utilities)
    .map((e) => ({
      by: e.seat < 0 ? `mediator (${result.mediator ?? "draft"})` : names[e.seat],
      round: e.round,
      t: e.t,
      utilities: pair(e.utilities!),
    }));
  const agreed = result.trace.find((e) => e.action === "agreement");
  const [a, b] = [scenario.parties[0].name, scenario.parties[1].name];
  const input: DanceInput = {
    title: `${scenario.name}: ${result.agents.join(" vs ")} (${result.protocol})`,
    parties: [a, b],
    moves,
    movesAre: result.protocol === "saop" ? "offers" : "drafts",
    frontier: [],
    nash: analysis?.solutions.nash ? pair(analysis.solutions.nash.utilities) : null,
    agreement: agreed?.utilities ? pair(agreed.utilities) : null,
  };
  const n = scenario.parties.length;
  if (n === 2)
    return { ...input, frontier: analysis ? analysis.frontier.points.map((p) => pair(p.utilities)) : [] };
  const frontier = twoPartyFrontier ?? paretoFrontier(selectParties(scenario, [0, 1]));
  const distance = result.metrics?.paretoDistance;
  const note =
    input.agreement && distance != null
      ? [
          `The agreement is ${distance.toFixed(3)} from the ${n}-party Pareto frontier; with ${n} parties,`,
          "such a package can lie inside the frontier of the two parties drawn.",
        ]
      : [
          `With ${n} parties, a package on the ${n}-party Pareto frontier`,
          "can lie inside the frontier of the two parties drawn.",
        ];
  return {
    ...input,
    frontier: frontier.points.map((p) => pair(p.utilities)),
    frontierLabel: "Pareto frontier of these two parties",
    nashLabel: `Nash point of all ${n} parties`,
    note,
  };
}
