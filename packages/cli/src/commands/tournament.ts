import { writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join, resolve } from "node:path";
import {
  builtinAgent,
  hash53,
  InputError,
  type JobResult,
  type Leaderboard,
  leaderboardCsv,
  leaderboardTable,
  pairwiseTable,
  planTournament,
  referenceAnalysis,
  resultsCsv,
  ruleOf,
  ruleSummary,
  type Scenario,
  scenariosCsv,
  scoreTournament,
  summarizeLeaderboard,
  type TournamentAgent,
  type TournamentPlan,
  tournamentPlotSpec,
} from "@parley/core";
import {
  type AgentSource,
  loadAgentModule,
  moduleFingerprint,
  STORE_FILE,
  TournamentStore,
  toPlainScenario,
  WorkerPool,
} from "@parley/node";
import cliProgress from "cli-progress";
import { isModulePath } from "../isolated-run.js";
import { renderPlot } from "../plot-render.js";
import type { RuleOverride } from "../rule-options.js";
import { loadOptionsFrom, loadScenario } from "../scenario-loader.js";

export interface TournamentOptions extends RuleOverride {
  agents?: string;
  agent?: string[];
  reps: number;
  rounds: number;
  workers?: number;
  seed: string;
  out?: string;
  json?: boolean;
  plot?: string;
  budgetMs: number;
  workerMemoryMb: number;
  parties?: string;
  maxFileMb?: number;
}

/** `parley tournament <scenario...>` (declared in commands/index.ts). */
export async function runTournament(paths: string[], opts: TournamentOptions): Promise<void> {
  // Workers start loading their code now, while this thread reads scenarios and checks agents.
  const pool = new WorkerPool({
    workers: opts.workers ?? availableParallelism(),
    budgetMs: opts.budgetMs,
    memoryMb: opts.workerMemoryMb,
  });
  try {
    await runWith(pool, paths, opts);
  } finally {
    await pool.close();
  }
}

async function runWith(pool: WorkerPool, paths: string[], opts: TournamentOptions): Promise<void> {
  const scenarios: Scenario[] = [];
  for (const p of paths) scenarios.push(await loadScenario(p, loadOptionsFrom(opts)));
  const { agents, sources } = await resolveAgents(opts);
  const plan = planTournament({
    scenarios: scenarios.map((s) => ({
      name: s.name,
      parties: s.parties.length,
      fingerprint: scenarioFingerprint(s),
    })),
    agents,
    reps: opts.reps,
    settings: { protocol: "saop", rounds: opts.rounds },
    seed: opts.seed,
  });
  const out = resolve(opts.out ?? `tournament-${plan.hash.slice(0, 12)}`);
  const store = TournamentStore.open(out, plan);
  try {
    const pending = store.pendingJobs();
    const run = pending.length > 0 ? await execute(pool, plan, pending, scenarios, sources, store) : null;
    const results = store.results();
    const board = scoreTournament(plan, results);
    const files = writeExports(out, plan, board, results);
    if (opts.plot) await renderPlot(tournamentPlotSpec(board, plan, results), opts.plot);
    const rules = scenarios.map((s) => ({
      scenario: s.name,
      ...ruleSummary(
        ruleOf(s),
        s.parties.map((p) => p.name),
      ),
    }));
    // Under unanimity everywhere the leaderboard is as it always was; otherwise it names each scenario's rule.
    const ruled = rules.some((r) => r.kind !== "unanimity");
    if (opts.json)
      process.stdout.write(
        `${JSON.stringify({ ...summarizeLeaderboard(board), ...(ruled ? { rules } : {}) }, null, 2)}\n`,
      );
    else process.stdout.write(report(plan, board, out, files, opts, run, rules));
  } finally {
    store.close();
  }
}

/**
 * Agents from --agents (built-in names, or module paths as `parley negotiate`
 * takes them) and --agent (module paths). Each module is loaded once here to
 * check it implements the negotiator contract, before anything runs.
 */
async function resolveAgents(
  opts: TournamentOptions,
): Promise<{ agents: TournamentAgent[]; sources: AgentSource[] }> {
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
  const agents: TournamentAgent[] = [];
  const sources: AgentSource[] = [];
  for (const spec of specs) {
    if (isModulePath(spec)) {
      const def = await loadAgentModule(spec);
      agents.push({ name: def.name, fingerprint: moduleFingerprint(spec) });
      sources.push({ name: def.name, module: resolve(spec) });
    } else {
      const def = builtinAgent(spec);
      agents.push({ name: def.name, fingerprint: `builtin:${def.name}` });
      sources.push({ name: def.name, builtin: def.name });
    }
  }
  return { agents, sources };
}

/** Runs the pending jobs, storing results as they arrive; returns how many ran and in how long. */
async function execute(
  pool: WorkerPool,
  plan: TournamentPlan,
  pending: TournamentPlan["jobs"],
  scenarios: Scenario[],
  sources: AgentSource[],
  store: TournamentStore,
): Promise<RunStats> {
  const setup = {
    scenarios: scenarios.map(toPlainScenario),
    analyses: scenarios.map((s) => referenceAnalysis(s)),
    agents: sources,
    settings: plan.spec.settings,
  };
  const progress = progressReporter(plan.jobs.length, store.counts());
  const started = performance.now();
  try {
    await pool.runJobs(pending, setup, (results) => {
      store.record(results);
      progress.add(results);
    });
  } finally {
    progress.stop();
  }
  return { negotiations: pending.length, seconds: (performance.now() - started) / 1000 };
}

interface RunStats {
  negotiations: number;
  seconds: number;
}

interface Progress {
  add(results: readonly JobResult[]): void;
  stop(): void;
}

/** A bar on a terminal; otherwise a line on stderr every few seconds. */
function progressReporter(total: number, start: { finished: number; failed: number }): Progress {
  let done = start.finished;
  let failed = start.failed;
  const began = performance.now();
  const rate = () =>
    Math.round((done - start.finished) / Math.max(0.001, (performance.now() - began) / 1000));
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
    bar.start(total, done, { rate: 0, failed });
    return {
      add(results) {
        done += results.length;
        failed += results.filter((r) => r.status === "failed").length;
        bar.update(done, { rate: rate(), failed });
      },
      stop: () => bar.stop(),
    };
  }
  const line = () => {
    const eta = rate() > 0 ? `, ETA ${Math.ceil((total - done) / rate())} s` : "";
    process.stderr.write(
      `parley: tournament ${done}/${total} negotiations, ${rate()}/s${eta}, ${failed} failed\n`,
    );
  };
  const timer = setInterval(line, 5000);
  return {
    add(results) {
      done += results.length;
      failed += results.filter((r) => r.status === "failed").length;
    },
    stop() {
      clearInterval(timer);
      line();
    },
  };
}

function writeExports(out: string, plan: TournamentPlan, board: Leaderboard, results: JobResult[]): string[] {
  const files: [string, string][] = [
    ["leaderboard.csv", leaderboardCsv(board)],
    ["results.csv", resultsCsv(plan, results)],
    ["scenarios.csv", scenariosCsv(board)],
    ["leaderboard.json", `${JSON.stringify(summarizeLeaderboard(board), null, 2)}\n`],
    ["details.json", `${JSON.stringify(board, null, 2)}\n`],
  ];
  for (const [name, text] of files) writeFileSync(join(out, name), text);
  return files.map(([name]) => join(out, name));
}

function report(
  plan: TournamentPlan,
  board: Leaderboard,
  out: string,
  files: string[],
  opts: TournamentOptions,
  run: RunStats | null,
  rules: { scenario: string; kind: string; text: string }[],
): string {
  const { spec } = plan;
  const ruleOptions = `${opts.quorum ? ` --quorum ${opts.quorum}` : ""}${opts.veto ? ` --veto ${opts.veto}` : ""}`;
  const ran = run
    ? `Ran ${run.negotiations} negotiations in ${run.seconds.toFixed(2)} s ` +
      `(${Math.round(run.negotiations / run.seconds)}/s) on ${opts.workers ?? availableParallelism()} worker(s).`
    : "Nothing left to run: every planned negotiation has a result in the store.";
  const lines = [
    `Tournament: ${board.negotiations} of ${plan.jobs.length} negotiations (${board.failed} failed); ` +
      `${spec.scenarios.length} scenario(s), ${spec.agents.length} agent(s), ${spec.reps} rep(s), ` +
      `${spec.settings.rounds} rounds, seed ${spec.seed}`,
    "",
    leaderboardTable(board),
    "",
    "Mean utility of each row agent against each column agent:",
    pairwiseTable(board),
    "",
    ran,
    "Utility: each agent's mean utility over its seats (discounted per GENIUS); CI: Student-t 95%.",
    ...rules
      .filter((r) => r.kind !== "unanimity")
      .map((r) => `Agreements in ${r.scenario} pass under its rule: ${r.text}.`),
    `Exports: ${files.join(", ")}`,
    `Store: ${join(out, STORE_FILE)} (run the same command again to resume)`,
    `Replay one negotiation: parley negotiate <scenario>${opts.parties ? ` --parties ${opts.parties}` : ""}${ruleOptions} ` +
      `--agents <its agents> --rounds ${spec.settings.rounds} --seed <its seed in results.csv>`,
  ];
  if (opts.plot) lines.push(`Plot: ${opts.plot}`);
  return `${lines.join("\n")}\n`;
}

/** What identifies a scenario's content: not where it was read from, so a run resumes from another directory. */
function scenarioFingerprint(scenario: Scenario): string {
  const { source: _where, ...content } = toPlainScenario(scenario);
  return hash53(JSON.stringify(content)).toString(16);
}
