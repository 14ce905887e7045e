import { resolve } from "node:path";
import {
  type AnalysisReport,
  analyze,
  type FrontierPoint,
  outcomeCloud,
  reportJson,
} from "@parley/core/analysis";
import { InputError } from "@parley/core/errors";
import { parseSettlements, readDraft, readSettled } from "@parley/core/formats/outcome-inputs";
import { describeRule } from "@parley/core/model/agreement-rule";
import { parseSeed } from "@parley/core/model/seed";
import type { RuleOverride } from "../rule-options.js";
import { loadOptionsFrom, loadScenario, readText } from "../scenario-loader.js";

export interface AnalyzeOptions extends RuleOverride {
  settle: string[];
  /** Hidden alias of --settle, so older command lines still work. */
  fix: string[];
  settled?: string;
  from?: string;
  json?: boolean;
  plot?: string;
  seed: string;
  parties?: string;
  maxFileMb?: number;
}

/** `parley analyze <scenario>` (declared in commands/index.ts). */
export async function analyzeCommand(path: string, opts: AnalyzeOptions): Promise<void> {
  const load = loadOptionsFrom(opts);
  if (opts.plot) (await import("../plot-render.js")).checkPlotPath(opts.plot);
  const scenario = await loadScenario(path, load);
  const read = (file: string) =>
    readText(resolve(file), file, load.maxBytes ?? Number.POSITIVE_INFINITY).text;
  const fromFile = opts.settled === undefined ? [] : readSettled(scenario, read(opts.settled), opts.settled);
  const settled = parseSettlements(scenario, [...fromFile, ...opts.settle, ...opts.fix]);
  const draft =
    opts.from === undefined ? undefined : readDraft(scenario, read(opts.from), opts.from, settled);
  const seed = parseSeed(opts.seed);
  const report = analyze(scenario, { settled, draft, seed });
  if (opts.plot) {
    if (scenario.parties.length < 2) throw new InputError("--plot", "needs at least two parties");
    const [{ reportUtilitySpaceSpec }, { renderPlot }] = await Promise.all([
      import("@parley/core/plots"),
      import("../plot-render.js"),
    ]);
    await renderPlot(reportUtilitySpaceSpec(report, outcomeCloud(scenario, { settled, seed })), opts.plot);
  }
  process.stdout.write(opts.json ? `${JSON.stringify(reportJson(report))}\n` : humanReport(report));
}

const f3 = (x: number) => x.toFixed(3);

/** The report a mediator reads in a minute. */
export function humanReport(report: AnalysisReport): string {
  const { scenario, frontier, solutions, zone, blocking, draft } = report;
  const { space } = scenario;
  const names = scenario.parties.map((p) => p.name);
  const issueName = (i: number) => space.issues[i].name;
  const option = (i: number, k: number) => String(space.valueOf(i, k));
  const utilities = (u: number[]) => u.map((x, p) => `${names[p]} ${f3(x)}`).join(", ");
  const lines: string[] = [];
  const settledPoints = space.issues.map((_, i) => i).filter((i) => !report.open.includes(i));
  lines.push(
    `${scenario.title ?? scenario.name}: ${names.length} part${names.length === 1 ? "y" : "ies"} (${names.join(", ")}), ${space.issueCount} points, ${space.size.toLocaleString("en")} outcomes`,
  );
  lines.push(`Reservation values: ${utilities(report.reservation)}`);
  const unanimous = report.rule.kind === "unanimity";
  if (!unanimous) lines.push(`Agreement rule: ${describeRule(report.rule, names)}`);
  if (settledPoints.length > 0) {
    lines.push(
      `Settled: ${settledPoints.map((i) => `${issueName(i)} = ${option(i, report.settled[i]!)}`).join("; ")}`,
    );
    lines.push(`Open: ${report.open.map(issueName).join(", ") || "none"}`);
  }
  const zoneSize =
    zone.exact && zone.size === space.size
      ? "all outcomes"
      : `${zone.exact ? "" : "about "}${zone.size.toLocaleString("en")} outcome${zone.size === 1n ? "" : "s"}`;
  lines.push("");
  lines.push(
    zone.empty
      ? "NO DEAL POSSIBLE: the agreement zone is empty."
      : unanimous
        ? `Agreement zone: ${zoneSize} give every party at least its reservation value.`
        : `Agreement zone: ${zoneSize} pass: a winning coalition accepts each.`,
  );
  lines.push(
    `Pareto frontier: ${frontier.points.length} outcome${frontier.points.length === 1 ? "" : "s"} (${frontier.exact ? "exact" : frontier.epsilon !== undefined ? `approximate, within ε = ${frontier.epsilon.toPrecision(2)}` : "approximate, by search"}).`,
  );
  lines.push("");
  const row = (label: string, p: FrontierPoint | null, reason?: string) =>
    `  ${label.padEnd(19)}${p ? utilities(p.utilities) : `none (${reason ?? "no deal"})`}`;
  lines.push("Fair and efficient deals:");
  if (solutions.nash === null && solutions.kalaiSmorodinsky === null && solutions.egalitarian === null) {
    lines.push(`  Nash, Kalai–Smorodinsky, egalitarian: none (${solutions.reasons?.nash ?? "no deal"})`);
  } else {
    lines.push(row("Nash", solutions.nash, solutions.reasons?.nash));
    lines.push(row("Kalai–Smorodinsky", solutions.kalaiSmorodinsky, solutions.reasons?.kalaiSmorodinsky));
    lines.push(row("Egalitarian", solutions.egalitarian, solutions.reasons?.egalitarian));
  }
  lines.push(row("Max welfare", solutions.maxWelfare));
  if (solutions.coalition)
    lines.push(
      `  (over ${solutions.coalition.map((p) => names[p]).join(", ")}: the largest coalition that can pass a deal)`,
    );
  if (!unanimous) lines.push(...coalitionLines(report));
  if (solutions.nash) {
    const changed = report.open.map((i) => `${issueName(i)} = ${option(i, solutions.nash!.outcome[i])}`);
    lines.push(`  Nash package: ${changed.join("; ")}`);
  }
  if (blocking) {
    lines.push("");
    const gaps = blocking.closest.gaps.map((g, p) => `${names[p]} ${g >= 0 ? "+" : ""}${f3(g)}`).join(", ");
    lines.push(`Closest to a deal (utility − reservation): ${gaps}`);
    const blocked = blocking.blockedOn;
    if (blocked.length === 1) {
      const [b] = blocked;
      const why = b.rejections.map(
        (r) => `${option(b.issue, r.option)}: ${r.parties.map((p) => names[p]).join(", ")}`,
      );
      lines.push(
        `The deal is blocked on ${issueName(b.issue)} (each option is rejected — ${why.join("; ")}).`,
      );
    } else if (blocked.length > 1) {
      lines.push(
        `The deal is blocked on each of ${blocked.map((b) => issueName(b.issue)).join(", ")}: no option of any of them is acceptable to ${unanimous ? "every party" : "a winning coalition"}.`,
      );
    }
    if (!blocking.exact)
      lines.push("(Plan too large to enumerate and not additive: found by search, which can miss.)");
    if (blocking.sets.length > 0) {
      const size = blocking.sets[0].reopen.length;
      lines.push(
        `Smallest ways to unblock it — reopen any one of these ${size === 1 ? "points" : `sets of ${size} points`}:`,
      );
      for (const s of blocking.sets) {
        const shown = [...s.reopen, ...report.open];
        const pkg = s.nash
          ? ` → Nash package ${utilities(s.nash.utilities)}: ${shown.map((i) => `${issueName(i)} = ${option(i, s.nash!.outcome[i])}`).join("; ")}`
          : "";
        lines.push(`  {${s.reopen.map(issueName).join(", ")}}${pkg}`);
      }
    } else if (blocking.note) lines.push(`No unblocking set: ${blocking.note}.`);
  }
  const byConflict = [...report.issues].filter((v) => !v.settled).sort((a, b) => b.conflict - a.conflict);
  if (byConflict.length > 0) {
    lines.push("");
    lines.push("Points by conflict (0 = a shared favourite, 1 = every option is someone's worst):");
  }
  const width = Math.min(32, Math.max(0, ...byConflict.map((v) => issueName(v.issue).length))) + 2;
  for (const v of byConflict.slice(0, 8)) {
    const weights = v.weights.map((w) => w.toFixed(2)).join("/");
    lines.push(
      `  ${issueName(v.issue).padEnd(width)}conflict ${v.conflict.toFixed(2)}  weights ${weights}  fairest: ${option(v.issue, v.fairestOption)}`,
    );
  }
  if (byConflict.length > 8) lines.push(`  … and ${byConflict.length - 8} more (see --json)`);
  if (report.trades.length > 0) {
    lines.push("");
    lines.push(`Trades (${draft ? "against the draft" : "against the fairest option on every open point"}):`);
    for (const t of report.trades.slice(0, 3)) {
      const [p, q] = t.parties;
      const [i, j] = t.issues;
      lines.push(
        `  ${names[p]} gets ${issueName(i)} = ${option(i, t.options[0])}, ${names[q]} gets ${issueName(j)} = ${option(j, t.options[1])}: ${names[p]} +${f3(t.gains[p])}, ${names[q]} +${f3(t.gains[q])}`,
      );
    }
  }
  if (draft) {
    lines.push("");
    lines.push(`Draft: ${utilities(draft.utilities)}`);
    if (draft.improvements.length === 0)
      lines.push("  No change of one or two points improves it for someone without hurting anyone.");
    for (const m of draft.improvements.slice(0, 5)) {
      const changes = m.changes.map((c) => `${issueName(c.issue)} = ${option(c.issue, c.option)}`).join("; ");
      lines.push(
        `  ${changes}: ${m.gains.map((g, p) => `${names[p]} ${g >= 0 ? "+" : ""}${f3(g)}`).join(", ")}`,
      );
    }
    if (draft.dominatedBy) {
      lines.push(`  Best frontier outcome dominating it: ${utilities(draft.dominatedBy.utilities)}`);
    } else lines.push("  No frontier outcome dominates it: it is Pareto-optimal.");
  }
  return `${lines.join("\n")}\n`;
}

/** Under a quorum or weighted rule: who can pass a deal, and who is dispensable. */
function coalitionLines(report: AnalysisReport): string[] {
  const names = report.scenario.parties.map((p) => p.name);
  const { coalitions, parties, exact } = report.coalitions;
  const count = (n: bigint) => `${exact ? "" : "about "}${n.toLocaleString("en")}`;
  const possible = coalitions.filter((c) => c.packages > 0n);
  const lines = [
    "",
    `Winning coalitions that can pass a deal: ${possible.length} of ${coalitions.length} minimal ones`,
    ...possible
      .slice(0, 6)
      .map((c) => `  {${c.members.map((p) => names[p]).join(", ")}}: ${count(c.packages)} packages`),
  ];
  if (possible.length > 6) lines.push(`  … and ${possible.length - 6} more (see --json)`);
  lines.push("Yes not needed (of the packages that pass):");
  lines.push(
    `  ${parties.map((r, p) => `${names[p]} ${count(r.notNeeded)} (outvoted in ${count(r.overruled)})`).join(", ")}`,
  );
  return lines;
}
