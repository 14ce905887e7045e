import {
  type AnalysisStep,
  analysisContext,
  analyze,
  type FrontierPoint,
  Rng,
  readParleyScenario,
} from "@parley/core";
import type { AnalysisRequest, AnalysisResult, PackagePoint, Progress } from "./types";

/** Outcomes drawn for the plot's cloud: enough to see its shape, few enough to hover. */
const CLOUD_LIMIT = 3000;

/**
 * Each stage's share of the whole, from timings of the largest bundled plans (10^10 outcomes, the
 * peace plan): the frontier dominates, the zone comes next. A stage that does not run is skipped.
 */
type Stage = AnalysisStep | "read" | "cloud";
const STAGES: { step: Stage; label: string; weight: number }[] = [
  { step: "read", label: "Reading the scenario", weight: 0.02 },
  { step: "frontier", label: "Pareto frontier", weight: 0.55 },
  { step: "zone", label: "Agreement zone", weight: 0.17 },
  { step: "points", label: "Each point's weights and conflict", weight: 0.05 },
  { step: "solutions", label: "Solutions", weight: 0.04 },
  { step: "blocking", label: "Blocking points", weight: 0.06 },
  { step: "draft", label: "Draft improvements", weight: 0.02 },
  { step: "trades", label: "Two-point trades", weight: 0.02 },
  { step: "coalitions", label: "Coalitions", weight: 0.01 },
  { step: "cloud", label: "Sampling outcomes for the plot", weight: 0.06 },
];

/** The fraction done when `step` starts, and the stage's label. */
function stageOf(step: Stage): { label: string; start: number; weight: number } {
  const k = STAGES.findIndex((s) => s.step === step);
  const start = STAGES.slice(0, k).reduce((sum, s) => sum + s.weight, 0);
  return { label: STAGES[k].label, start, weight: STAGES[k].weight };
}

const plain = (p: FrontierPoint): PackagePoint => ({ utilities: p.utilities, outcome: [...p.outcome] });

/** The whole analysis of a plan as plain data (run in a worker: see worker.ts). */
export function analyse(request: AnalysisRequest, progress?: Progress): AnalysisResult {
  const started = performance.now();
  const tell = (step: Stage, within = 0) => {
    const { label, start, weight } = stageOf(step);
    progress?.(label, start + within * weight);
  };
  tell("read");
  const scenario = readParleyScenario(request.json, "scenario");
  const options = { settled: request.settled, seed: request.seed ?? 0 };
  const report = analyze(scenario, { ...options, draft: request.draft, onStep: tell });
  tell("cloud");
  const { utilities, admissible } = analysisContext(scenario, options);
  const total = admissible.options.reduce((n, o) => n * o.length, 1);
  const rng = new Rng(options.seed);
  const cloud: PackagePoint[] = [];
  const push = (o: number[]) => cloud.push({ outcome: o, utilities: utilities.map((u) => u.utility(o)) });
  if (total <= CLOUD_LIMIT) {
    const walk = (prefix: number[]) => {
      if (prefix.length === admissible.options.length) return push(prefix);
      for (const k of admissible.options[prefix.length]) walk([...prefix, k]);
    };
    walk([]);
  } else {
    for (let s = 0; s < CLOUD_LIMIT; s++) {
      if (s % 500 === 0) tell("cloud", s / CLOUD_LIMIT);
      push(admissible.options.map((opts) => opts[rng.int(opts.length)]));
    }
  }
  const { solutions, blocking, draft } = report;
  const named: [string, FrontierPoint | null, string | undefined][] = [
    ["Nash", solutions.nash, solutions.reasons?.nash],
    ["Kalai–Smorodinsky", solutions.kalaiSmorodinsky, solutions.reasons?.kalaiSmorodinsky],
    ["Egalitarian", solutions.egalitarian, solutions.reasons?.egalitarian],
    ["Max welfare", solutions.maxWelfare, undefined],
  ];
  return {
    parties: scenario.parties.map((p) => p.name),
    reservation: report.reservation,
    frontier: { ...report.frontier, points: report.frontier.points.map(plain) },
    solutions: named.map(([name, p, reason]) => ({ name, point: p && plain(p), reason })),
    zone: { empty: report.zone.empty, size: report.zone.size.toString(), exact: report.zone.exact },
    open: report.open,
    blocking: blocking && {
      blockedOn: blocking.blockedOn.map((b) => b.issue),
      sets: blocking.sets.map((s) => ({ reopen: s.reopen, nash: s.nash && plain(s.nash) })),
      closest: { ...plain(blocking.closest), gaps: blocking.closest.gaps },
      note: blocking.note,
      exact: blocking.exact,
    },
    issues: report.issues.map((v) => ({ ...v, bestOption: [...v.bestOption] })),
    draft: draft && {
      utilities: draft.utilities,
      dominatedBy: draft.dominatedBy && { ...plain(draft.dominatedBy), gains: draft.dominatedBy.gains },
      improvements: draft.improvements.map((m) => ({
        changes: m.changes,
        utilities: m.utilities,
        gains: m.gains,
      })),
    },
    trades: report.trades.map((t) => ({
      parties: [...t.parties],
      issues: [...t.issues],
      options: [...t.options],
      gains: [...t.gains],
    })),
    cloud: { points: cloud, sampled: total > CLOUD_LIMIT },
    millis: performance.now() - started,
  };
}
