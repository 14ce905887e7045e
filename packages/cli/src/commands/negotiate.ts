import {
  describeRule,
  InputError,
  type NegotiationResult,
  type ProtocolName,
  parseSeed,
  referenceAnalysis,
  resultSummary,
  ruleOf,
  ruleSummary,
  runNegotiation,
  type Scenario,
  type TraceEvent,
  traceToJsonl,
} from "@parley/core/engine";
import { isModulePath } from "@parley/node/agent-ref";
import { checkWritable, writeOutput } from "../files.js";
import type { RuleOverride } from "../rule-options.js";
import { loadOptionsFrom, loadScenario } from "../scenario-loader.js";

export interface NegotiateOptions extends RuleOverride {
  agents: string;
  protocol: string;
  mediator?: string;
  rounds?: string;
  timeMs?: string;
  moveBudgetMs?: string;
  seed: string;
  json?: boolean;
  trace?: string;
  plot?: string;
  parties?: string;
  maxFileMb?: number;
}

/** Moves shown at each end of the human-readable log. */
const SHOWN_MOVES = 6;

/** `parley negotiate <scenario> --agents …` (declared in commands/index.ts). */
export async function negotiate(path: string, opts: NegotiateOptions): Promise<void> {
  if (opts.trace) checkWritable(opts.trace, "--trace");
  if (opts.plot) (await import("../plot-render.js")).checkPlotPath(opts.plot);
  const scenario = await loadScenario(path, loadOptionsFrom(opts));
  const protocol = parseProtocol(opts.protocol);
  const specs = opts.agents.split(",").map((a) => a.trim());
  const rounds = positiveInt("--rounds", opts.rounds);
  const timeMs = positiveInt("--time-ms", opts.timeMs);
  const moveBudgetMs = positiveInt("--move-budget-ms", opts.moveBudgetMs);
  const seed = parseSeed(opts.seed);
  const mediator = protocol === "mediated" ? opts.mediator : undefined;
  const analysis = scenario.parties.length >= 2 ? referenceAnalysis(scenario) : null;
  if (specs.length !== scenario.parties.length)
    throw new InputError(
      "--agents",
      `${specs.length} agents for ${scenario.parties.length} parties: give one per party`,
    );
  // Agent modules, and wall-clock deadlines, run in a worker: a stuck, exiting or leaking seat is ended there.
  const isolated = timeMs !== undefined || moveBudgetMs !== undefined || specs.some(isModulePath);
  const result = !isolated
    ? runNegotiation(scenario, { protocol, agents: specs, mediator, rounds, seed, analysis })
    : await import("@parley/node").then(({ agentRef, runIsolatedNegotiation }) =>
        runIsolatedNegotiation(
          scenario,
          { protocol, agents: specs.map(agentRef), mediator, rounds, timeMs, moveBudgetMs, seed },
          { analysis },
        ),
      );
  if (opts.trace) writeOutput(opts.trace, traceToJsonl(scenario.space, result.trace));
  if (opts.plot) {
    if (scenario.parties.length < 2) throw new InputError("--plot", "the dance needs two parties");
    const [{ danceOf, danceSpec }, { renderPlot }] = await Promise.all([
      import("@parley/core/plots"),
      import("../plot-render.js"),
    ]);
    await renderPlot(danceSpec(danceOf(scenario, result, analysis)), opts.plot);
  }
  process.stdout.write(
    opts.json ? `${JSON.stringify(summaryUnderRule(scenario, result), null, 2)}\n` : report(scenario, result),
  );
}

function parseProtocol(name: string): ProtocolName {
  if (name === "saop" || name === "mediated") return name;
  throw new InputError("--protocol", `"${name}" is not a protocol (saop, mediated)`);
}

function positiveInt(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InputError(flag, `"${value}" is not a positive integer`);
  return n;
}

/**
 * The result summary; under a quorum or weighted rule also the rule applied
 * and who passed the agreement (unanimity's output stays as it always was).
 */
function summaryUnderRule(scenario: Scenario, result: NegotiationResult): Record<string, unknown> {
  const rule = ruleOf(scenario);
  if (rule.kind === "unanimity") return resultSummary(result);
  const names = scenario.parties.map((p) => p.name);
  return {
    ...resultSummary(result),
    rule: ruleSummary(rule, names),
    ...(result.coalition ? { coalition: result.coalition.map((p) => names[p]) } : {}),
  };
}

/** Who did what, briefly, then the result and its metrics. */
function report(scenario: Scenario, result: NegotiationResult): string {
  const names = scenario.parties.map((p, i) => `${p.name} (${result.agents[i]})`);
  const who = (seat: number) => (seat < 0 ? "mediator" : names[seat]);
  // The agreement is reported below, with its values.
  const lines = [
    `${scenario.name}: ${names.join(" vs ")}, ${result.protocol}${result.mediator ? ` with the ${result.mediator} mediator` : ""}`,
  ];
  const shown = result.trace.filter((e) => e.action !== "vote" && e.action !== "agreement");
  const line = (e: TraceEvent) => {
    const u = e.utilities ? `  utilities ${e.utilities.map((x) => x.toFixed(3)).join(" / ")}` : "";
    const why = e.reason ? `: ${e.reason}` : e.vote ? ` ${e.vote}` : "";
    return `  round ${String(e.round + 1).padStart(4)}  ${who(e.seat).padEnd(28)} ${e.action}${why}${u}`;
  };
  if (shown.length <= 2 * SHOWN_MOVES) lines.push(...shown.map(line));
  else {
    lines.push(...shown.slice(0, SHOWN_MOVES).map(line));
    lines.push(`  … ${shown.length - 2 * SHOWN_MOVES} more`);
    lines.push(...shown.slice(-SHOWN_MOVES).map(line));
  }
  lines.push("");
  if (result.agreementValues) {
    lines.push(`Agreement in round ${result.rounds} (t = ${result.t.toFixed(3)}):`);
    for (const [issue, value] of Object.entries(result.agreementValues)) lines.push(`  ${issue}: ${value}`);
  } else lines.push(`No agreement (${result.endedBy}, after ${result.rounds} rounds).`);
  const rule = ruleOf(scenario);
  if (rule.kind !== "unanimity") {
    const partyNames = scenario.parties.map((p) => p.name);
    lines.push(`Agreement rule: ${describeRule(rule, partyNames)}`);
    if (result.coalition) lines.push(`Passed by: ${result.coalition.map((p) => partyNames[p]).join(", ")}`);
  }
  for (const e of result.errors) lines.push(`Seat ${e.seat + 1} (${e.agent}) was ended: ${e.reason}`);
  const m = result.metrics;
  if (m) {
    const f = (x: number | null) => (x === null ? "n/a" : x.toFixed(3));
    lines.push(
      `Utilities:  ${m.utilities.map((u, i) => `${scenario.parties[i].name} ${f(u)}`).join(", ")}`,
      `Advantages: ${m.advantages.map((u, i) => `${scenario.parties[i].name} ${f(u)}`).join(", ")}`,
      `Welfare ${f(m.welfare)}; distance to the Pareto frontier ${f(m.paretoDistance)}, to Nash ${f(m.nashDistance)}, to Kalai–Smorodinsky ${f(m.ksDistance)}`,
    );
  }
  return `${lines.join("\n")}\n`;
}
