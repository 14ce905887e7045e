import { isAbsolute, join } from "node:path";
import { type JobResult, leaderboardTable, pairwiseTable, tournamentPlotSpec } from "@parley/core";
import { ruleOf, ruleSummary, type Scenario } from "@parley/core/engine";
import { InputError } from "@parley/core/errors";
import {
  leaderboardJson,
  runTournament as runTournamentOn,
  STORE_FILE,
  TournamentAborted,
  type TournamentCounts,
  type TournamentOutcome,
} from "@parley/node/local-tournament";
import cliProgress from "cli-progress";
import { agentRefs, type TrustOptions } from "../agent-trust.js";
import { checkPlotPath, renderPlot } from "../plot-render.js";
import type { RuleOverride } from "../rule-options.js";
import { loadOptionsFrom, loadScenario } from "../scenario-loader.js";

export interface TournamentOptions extends RuleOverride, TrustOptions {
  agents?: string;
  agent?: string[];
  reps: number;
  rounds: number;
  workers?: number;
  seed: string;
  out?: string;
  json?: boolean;
  /** true: the default file name in --out. */
  plot?: string | true;
  budgetMs: number;
  workerMemoryMb: number;
  parties?: string;
  maxFileMb?: number;
  redis?: string;
  db?: string;
}

/** The queue's libraries (bullmq, ioredis, pg) are loaded only for a tournament that goes to a queue. */
const runQueued: typeof import("@parley/node").runQueuedTournament = async (request, callbacks) =>
  (await import("@parley/node")).runQueuedTournament(request, callbacks);

/** The plot's file when `--plot` is given without one: beside the exports. */
const DEFAULT_PLOT = "leaderboard.svg";

/** `parley tournament <scenario...>` (declared in commands/index.ts): arguments in, report out. */
export async function runTournament(paths: string[], opts: TournamentOptions): Promise<void> {
  const specs = (opts.agents ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  specs.push(...(opts.agent ?? []));
  if (specs.length === 0)
    throw new InputError(
      "--agents",
      "name at least one agent (--agents boulware,conceder or --agent ./my-agent.js)",
    );
  if ((opts.redis === undefined) !== (opts.db === undefined))
    throw new InputError(
      opts.redis ? "--redis" : "--db",
      "a tournament on a queue needs both --redis redis://HOST:PORT and --db postgres://…",
    );
  // A plot path of its own (not a file name inside --out) is checked before any work is done.
  if (typeof opts.plot === "string" && isOwnPath(opts.plot)) checkPlotPath(opts.plot);
  const scenarios = (async () => {
    const loaded = [];
    for (const p of paths) loaded.push(await loadScenario(p, loadOptionsFrom(opts)));
    return loaded;
  })();
  let progress: Progress | undefined;
  let stored: { out: string; counts: TournamentCounts } | undefined;
  // Ctrl-C stops the workers and closes the store (releasing its lock); what is stored stays.
  const stop = new AbortController();
  const interrupt = () => stop.abort();
  process.once("SIGINT", interrupt);
  let outcome: TournamentOutcome;
  try {
    const request = {
      scenarios,
      agents: agentRefs(specs, opts),
      reps: opts.reps,
      rounds: opts.rounds,
      seed: opts.seed,
      out: opts.out,
      workers: opts.workers,
      budgetMs: opts.budgetMs,
      workerMemoryMb: opts.workerMemoryMb,
      signal: stop.signal,
    };
    const run = (callbacks: Parameters<typeof runTournamentOn>[1]) =>
      opts.redis && opts.db
        ? runQueued(
            {
              ...request,
              redis: opts.redis,
              db: opts.db,
              queue: process.env.PARLEY_QUEUE,
              prefix: process.env.PARLEY_QUEUE_PREFIX,
            },
            callbacks,
          )
        : runTournamentOn(request, callbacks);
    outcome = await run({
      onStart(plan, out, counts) {
        stored = { out, counts: { ...counts } };
        if (counts.finished > 0 && counts.finished < counts.planned)
          process.stderr.write(
            `parley: resuming the tournament in ${out}: ${counts.finished} of ${counts.planned} negotiations already done\n`,
          );
        if (counts.finished < plan.jobs.length) progress = progressReporter(counts);
      },
      onResults(results, counts) {
        stored!.counts = { ...counts };
        progress?.add(results, counts);
      },
    });
  } catch (err) {
    if (!(err instanceof TournamentAborted)) throw err;
    progress?.stop();
    const where = stored
      ? ` ${stored.counts.finished} of ${stored.counts.planned} negotiations are stored in ${stored.out};`
      : "";
    process.stderr.write(`\nparley: interrupted;${where} run the same command again to resume\n`);
    process.exitCode = 130;
    return;
  } finally {
    progress?.stop();
    process.off("SIGINT", interrupt);
  }
  const plot = plotPath(opts.plot, outcome.out);
  if (plot) await renderPlot(tournamentPlotSpec(outcome.board, outcome.plan, outcome.results), plot);
  const rules = rulesOf(await scenarios);
  // Under unanimity everywhere the leaderboard is as it always was; otherwise it names each scenario's rule.
  const ruled = rules.some((r) => r.kind !== "unanimity");
  process.stdout.write(
    opts.json
      ? leaderboardJson(outcome.board, outcome.retired, ruled ? { rules } : {})
      : report(outcome, opts, plot, rules),
  );
}

interface ScenarioRule {
  scenario: string;
  kind: string;
  text: string;
}

function rulesOf(scenarios: readonly Scenario[]): ScenarioRule[] {
  return scenarios.map((s) => ({
    scenario: s.name,
    ...ruleSummary(
      ruleOf(s),
      s.parties.map((p) => p.name),
    ),
  }));
}

function isOwnPath(plot: string): boolean {
  return isAbsolute(plot) || /[\\/]/.test(plot);
}

/** `--plot` alone: the default file in --out; a bare file name: in --out; a path: as given. */
function plotPath(plot: string | true | undefined, out: string): string | undefined {
  if (plot === undefined) return undefined;
  if (plot === true) return join(out, DEFAULT_PLOT);
  return isOwnPath(plot) ? plot : join(out, plot);
}

interface Progress {
  add(results: readonly JobResult[], counts: TournamentCounts): void;
  stop(): void;
}

/** A bar on a terminal; otherwise a line on stderr every few seconds. */
function progressReporter(start: TournamentCounts): Progress {
  let { finished, failed } = start;
  const began = performance.now();
  const rate = () =>
    Math.round((finished - start.finished) / Math.max(0.001, (performance.now() - began) / 1000));
  let stopped = false;
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: "tournament {bar} {value}/{total} | {rate}/s | ETA {eta_formatted} | failed {failed}",
        stream: process.stderr,
        hideCursor: true,
        etaBuffer: 200,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(start.planned, finished, { rate: 0, failed });
    return {
      add(_results, counts) {
        ({ finished, failed } = counts);
        bar.update(finished, { rate: rate(), failed });
      },
      stop() {
        if (!stopped) bar.stop();
        stopped = true;
      },
    };
  }
  const line = () => {
    const eta = rate() > 0 ? `, ETA ${Math.ceil((start.planned - finished) / rate())} s` : "";
    process.stderr.write(
      `parley: tournament ${finished}/${start.planned} negotiations, ${rate()}/s${eta}, ${failed} failed\n`,
    );
  };
  const timer = setInterval(line, 5000);
  return {
    add(_results, counts) {
      ({ finished, failed } = counts);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      line();
    },
  };
}

function report(
  outcome: TournamentOutcome,
  opts: TournamentOptions,
  plot: string | undefined,
  rules: readonly ScenarioRule[],
): string {
  const { plan, board, out, files, ran, resumedFrom, retired } = outcome;
  const { spec } = plan;
  const ruleOptions = `${opts.quorum ? ` --quorum ${opts.quorum}` : ""}${opts.veto ? ` --veto ${opts.veto}` : ""}`;
  const lines = [
    `Tournament: ${board.negotiations} of ${plan.jobs.length} negotiations (${board.failed} failed); ` +
      `${spec.scenarios.length} scenario(s), ${spec.agents.length} agent(s), ${spec.reps} rep(s), ` +
      `${spec.settings.rounds} rounds, seed ${spec.seed}`,
    "",
    leaderboardTable(board),
  ];
  for (const r of retired) lines.push(`Retired: ${r.agent}, ${r.reason}; its remaining negotiations failed.`);
  lines.push("", "Mean utility of each row agent against each column agent:", pairwiseTable(board), "");
  if (resumedFrom)
    lines.push(
      `Resumed: ${resumedFrom.finished} of ${resumedFrom.planned} negotiations were already in the store ` +
        `(${resumedFrom.failed} failed).`,
    );
  lines.push(
    ran
      ? `Ran ${ran.negotiations} negotiations in ${ran.seconds.toFixed(2)} s ` +
          `(${Math.round(ran.negotiations / ran.seconds)}/s) ${opts.redis ? `on the queue at ${opts.redis}` : `on ${ran.workers} worker(s)`}.`
      : "Nothing left to run: every planned negotiation has a result in the store.",
    "Utility: each agent's mean utility over its seats (discounted per GENIUS); CI: Student-t 95%.",
    ...rules
      .filter((r) => r.kind !== "unanimity")
      .map((r) => `Agreements in ${r.scenario} pass under its rule: ${r.text}.`),
    `Exports: ${files.join(", ")}`,
    `Store: ${opts.db ?? join(out, STORE_FILE)} (run the same command again to resume)`,
    `Replay one negotiation: parley negotiate <scenario>${opts.parties ? ` --parties ${opts.parties}` : ""}${ruleOptions} ` +
      `--agents <its agents> --rounds ${spec.settings.rounds} --seed <its seed in results.csv>`,
  );
  if (plot) lines.push(`Plot: ${plot}`);
  return `${lines.join("\n")}\n`;
}
