import { DEFAULT_ROUNDS, MEDIATED_ROUNDS_PER_OPTION } from "@parley/core/defaults";
import { InputError } from "@parley/core/errors";
import { type Command, Option } from "commander";
import { ruleOptions } from "../rule-options.js";
import { scenarioOptions } from "../scenario-loader.js";
import type { AnalyzeOptions } from "./analyze.js";
import type { ConvertOptions } from "./convert.js";
import type { DemoOptions } from "./demo.js";
import type { EvalOptions } from "./eval.js";
import type { InspectOptions } from "./inspect.js";
import type { NegotiateOptions } from "./negotiate.js";
import type { RecordOptions } from "./record.js";
import type { ServeOptions } from "./serve.js";
import type { TournamentOptions } from "./tournament.js";
import type { WorkerOptions } from "./worker.js";

/** What a `<scenario>` argument may be: every command that reads one says the same. */
const SCENARIO_ARGUMENT = "a GENIUS folder, a GeniusWeb folder or file, or a Parley .json/.yaml file";

/**
 * Every `parley` sub-command: its name, description, arguments and options are declared here, so
 * `parley --help` and `parley <command> --help` load nothing else; the command's module under
 * commands/ (with the core, parsers and schemas it needs) is imported only when the command runs.
 * Errors it throws reach main.ts as before, because the action awaits it.
 */
export function registerCommands(program: Command): void {
  scenarioOptions(
    program
      .command("inspect")
      .description("Describe a scenario: its parties, its issues and their options, how many outcomes it has")
      .argument("<scenario>", SCENARIO_ARGUMENT)
      .option("--json", "print machine-readable JSON"),
  ).action(async (path: string, opts: InspectOptions) => (await import("./inspect.js")).inspect(path, opts));

  scenarioOptions(
    program
      .command("eval")
      .description("Utility of given outcomes for every party (undiscounted, at time 0)")
      .argument("<scenario>", SCENARIO_ARGUMENT)
      .requiredOption("--outcomes <file.json>", 'JSON list of outcomes, each {"issue": value, ...}')
      .option("--json", "print machine-readable JSON"),
  ).action(async (path: string, opts: EvalOptions) => (await import("./eval.js")).evalOutcomes(path, opts));

  scenarioOptions(
    program
      .command("convert")
      .description("Convert a scenario between GENIUS XML, GeniusWeb JSON and Parley JSON/YAML")
      .argument("<in>", "a GENIUS folder, a GeniusWeb folder or file, or a Parley .json/.yaml file")
      .argument(
        "<out>",
        "a .json/.yaml/.yml file for Parley, else a new folder (GENIUS unless --to geniusweb)",
      )
      .addOption(new Option("--to <format>", "output format (default: from <out>)").choices(CONVERT_TARGETS)),
  ).action(async (input: string, out: string, opts: ConvertOptions) =>
    (await import("./convert.js")).convert(input, out, opts),
  );

  const tournament = program
    .command("tournament")
    .description(
      "Run every agent against every other (each in each role, self-play included) on every scenario, " +
        "in parallel, resumably; print the leaderboard.",
    )
    .argument("<scenario...>", "GENIUS folders, GeniusWeb folders or files, or Parley .json/.yaml files")
    .option(
      "--agents <list>",
      "agents, comma-separated: built-in names (see `parley agents`) or module paths",
    )
    .option("--agent <path>", "an agent module (default export: an agent definition); repeatable", collect)
    .addOption(
      new Option("--reps <n>", "repetitions of every scenario and line-up")
        .default(1)
        .argParser(positive("--reps")),
    )
    .addOption(
      new Option("--rounds <n>", "deadline of each negotiation in rounds")
        .default(100)
        .argParser(positive("--rounds")),
    )
    .addOption(
      new Option("--workers <n>", "worker threads (default: one per core)").argParser(positive("--workers")),
    )
    .option("--seed <seed>", "master seed; every negotiation's seed derives from it", "0")
    .option(
      "--out <dir>",
      "where the store and exports go; the same command resumes from it (default: tournament-<plan hash>)",
    )
    .option("--json", "print the leaderboard as JSON")
    .option(
      "--plot [file]",
      "plot the leaderboard and utility distributions (.svg or .png; default leaderboard.svg; a bare file name goes into --out)",
    )
    .addOption(
      new Option(
        "--budget-ms <n>",
        "wall-clock budget of one negotiation; past it, its worker is replaced and it fails",
      )
        .default(10_000)
        .argParser(positive("--budget-ms")),
    )
    .addOption(
      new Option("--worker-memory-mb <n>", "heap limit of each worker; a negotiation that exceeds it fails")
        .default(512)
        .argParser(positive("--worker-memory-mb")),
    )
    .option(
      "--redis <url>",
      "run on a job queue: redis://HOST:PORT (with --db; `parley worker` processes run the jobs)",
    )
    .option("--db <url>", "with --redis: the PostgreSQL store, postgres://USER@HOST:PORT/DB");
  ruleOptions(scenarioOptions(trustOptions(tournament))).action(
    async (paths: string[], opts: TournamentOptions) =>
      (await import("./tournament.js")).runTournament(paths, opts),
  );

  program
    .command("worker")
    .description("Run tournament jobs from a job queue (started by `parley tournament --redis … --db …`)")
    .requiredOption("--redis <url>", "the queue: redis://HOST:PORT")
    .option("--db <url>", "the PostgreSQL store (default: the one each tournament names)")
    .addOption(
      new Option("--concurrency <n>", "jobs run at once, each on its own worker thread")
        .default(1)
        .argParser(positive("--concurrency")),
    )
    .addOption(
      new Option(
        "--lock-ms <n>",
        "how long a job stays claimed without word from its worker (a killed worker's job returns after about this)",
      )
        .default(30_000)
        .argParser(positive("--lock-ms")),
    )
    .action(async (opts: WorkerOptions) => (await import("./worker.js")).runWorker(opts));

  ruleOptions(
    scenarioOptions(
      trustOptions(program.command("negotiate"))
        .description(
          "Run one negotiation between agents (SAOP or mediated single text) and report its metrics",
        )
        .argument("<scenario>", SCENARIO_ARGUMENT)
        .requiredOption(
          "--agents <list>",
          "one agent per party, comma-separated (see `parley agents`), or module paths",
        )
        .option("--protocol <name>", "saop or mediated", "saop")
        .option("--mediator <name>", "mediated protocol: annealing or frontier", "frontier")
        .option(
          "--rounds <n>",
          `deadline in rounds (default ${DEFAULT_ROUNDS.saop} SAOP; mediated ${DEFAULT_ROUNDS.mediated}, or ${MEDIATED_ROUNDS_PER_OPTION} per option on big plans)`,
        )
        .option(
          "--time-ms <n>",
          "deadline in wall-clock milliseconds (runs in a worker: a stuck seat is stopped)",
        )
        .option(
          "--move-budget-ms <n>",
          "wall-clock budget of one move of an agent module (default 2000; --time-ms when given); past it the seat is ended",
        )
        .option("--seed <s>", "seed of every random choice", "0")
        .option("--json", "print the result as JSON")
        .option("--trace <out.jsonl>", "write every action as JSON Lines")
        .option("--plot <out.svg|png>", "draw the negotiation dance"),
    ),
  ).action(async (path: string, opts: NegotiateOptions) =>
    (await import("./negotiate.js")).negotiate(path, opts),
  );

  program
    .command("agents")
    .description("List the built-in negotiators (for --agents) and mediators (for --mediator)")
    .action(async () => (await import("./agents.js")).listAgents());

  ruleOptions(
    scenarioOptions(
      program
        .command("analyze")
        .description(
          "Where agreement lies, what blocks it, what unblocks it: Pareto frontier, Nash / Kalai–Smorodinsky / " +
            "egalitarian / max-welfare points, agreement zone, blocking points, per-point conflict, trades",
        )
        .argument("<scenario>", SCENARIO_ARGUMENT)
        .option(
          "--settle <issue=value>",
          "a settled point: its option is decided (repeatable)",
          (v: string, acc: string[]) => [...acc, v],
          [],
        )
        .addOption(
          new Option("--fix <issue=value>", "old name of --settle")
            .argParser((v: string, acc: string[]) => [...acc, v])
            .default([])
            .hideHelp(),
        )
        .option(
          "--settled <file.json>",
          'settled points from a JSON object {"issue": value, ...} (may be partial)',
        )
        .option("--from <draft.json>", 'a draft agreement {"issue": value, ...}: its Pareto improvements')
        .option("--json", "print machine-readable JSON")
        .option("--plot <file>", "draw the first two parties' utility space to a .svg or .png file")
        .option("--seed <seed>", "seed of sampling and search", "0")
        .addHelpText(
          "after",
          "\nConflict of a point: 1 − max over its options of the worst-off party's satisfaction, where a party's\n" +
            "satisfaction with an option is 0 for its worst option of that point and 1 for its best. 0 means one\n" +
            "option is every party's favourite; 1 means every option is some party's worst.\n" +
            "Reopening a point (blocking sets) unsettles it and sets the parties' red lines on it aside.\n" +
            "Besides the frontier, solutions, zone, open points, blocking sets, issues, improvements and trades,\n" +
            "--json gives reasons (why a solution is null), blockedOn, closest,\n" +
            "blockingNote and blockingExact (when the zone is empty), draft (with --from), settled (per issue).\n" +
            "A package passes when a winning coalition accepts it: the scenario's agreement rule (unanimity unless\n" +
            "it says otherwise), or --quorum/--veto. --json gives the rule applied, solutionCoalition (the parties\n" +
            "Nash and the other points are computed over), and coalitions: each minimal winning coalition with the\n" +
            "packages its members all accept, and per party in how many passing packages its yes is not needed\n" +
            "(notNeeded) or it is outvoted (overruled).",
        ),
    ),
  ).action(async (path: string, opts: AnalyzeOptions) =>
    (await import("./analyze.js")).analyzeCommand(path, opts),
  );

  scenarioOptions(
    program
      .command("record")
      .description(
        "The record of a real negotiation: its timeline (meetings, statements, proposals, status changes) " +
          "and each point's status derived from it",
      )
      .argument("<scenario>", "the scenario the record belongs to (e.g. scenarios/peace-plan/plan.yaml)")
      .option("--record <file>", "the record file (default: record.yaml beside the scenario)")
      .option("--json", "print machine-readable JSON"),
  ).action(async (path: string, opts: RecordOptions) => (await import("./record.js")).showRecord(path, opts));

  program
    .command("serve")
    .description(
      "Run the Parley server: live negotiation rooms over HTTP and WebSocket, people and agents (see docs/server.md)",
    )
    .addOption(new Option("--port <n>", "port to listen on (0: any free port)").default(8080).argParser(port))
    .option("--host <address>", "address to listen on", "127.0.0.1")
    .option(
      "--db <file|url>",
      "the store: an SQLite file, or a postgres:// URL (default: DATABASE_URL, else parley.db)",
    )
    .option(
      "--agent <path>",
      "an agent module rooms may seat (default export: an agent definition); repeatable",
      collect,
    )
    .addOption(
      new Option("--agent-budget-ms <n>", "longest one move of a server-side agent may take")
        .default(2000)
        .argParser(positive("--agent-budget-ms")),
    )
    .option(
      "--cors <origin>",
      "a browser origin allowed to call the API (default: none); repeatable",
      collect,
    )
    .addOption(
      new Option("--rooms-per-minute <n>", "rooms one address may create a minute")
        .default(120)
        .argParser(positive("--rooms-per-minute")),
    )
    .option(
      "--tournaments-dir <dir>",
      "where tournaments keep their stores and exports (default: <db name>-tournaments beside an SQLite --db; parley-tournaments here with PostgreSQL)",
    )
    .addOption(
      new Option(
        "--tournament-workers <n>",
        "worker threads of a running tournament (default: cores − 1, at least 1, so rooms keep responding)",
      ).argParser(positive("--tournament-workers")),
    )
    .addOption(
      new Option("--tournaments-at-once <n>", "tournaments that run at the same time; others wait in a queue")
        .default(1)
        .argParser(positive("--tournaments-at-once")),
    )
    .addOption(
      new Option("--tournament-max <n>", "most negotiations one tournament started over the API may plan")
        .default(10_000)
        .argParser(positive("--tournament-max")),
    )
    .option(
      "--redis <url>",
      "serve the rooms together with other servers: redis://HOST:PORT (with --db postgres://…)",
    )
    .option(
      "--redis-prefix <prefix>",
      "with --redis: the Redis channel's prefix, alike on every server",
      "parley",
    )
    .addOption(
      new Option(
        "--lease-ms <n>",
        "with --redis: how long a room's work stays with a server that stopped answering",
      )
        .default(8000)
        .argParser(positive("--lease-ms")),
    )
    .action(async (opts: ServeOptions) => (await import("./serve.js")).serve(opts));

  program
    .command("demo")
    .description(
      "Walk through the case that started Parley: a 20-point peace plan blocked on one point — " +
        "the plan, the record, the analysis and a mediated negotiation; writes plots and a report",
    )
    .option("--out <dir>", "folder for the plots and the report", "parley-out")
    .option("--seed <n>", "seed of the first mediated negotiation (runs use n, n+1, …)", "1")
    .action(async (opts: DemoOptions) => (await import("./demo.js")).demo(opts));
}

/** Formats `parley convert --to` writes. */
export const CONVERT_TARGETS = ["genius", "geniusweb", "json", "yaml"] as const;
export type ConvertTarget = (typeof CONVERT_TARGETS)[number];

/** Agent modules run in the sandbox unless these mark them trusted (see agent-trust.ts). */
function trustOptions(command: Command): Command {
  return command
    .option(
      "--trust <path>",
      "run this agent module as trusted code, outside the sandbox (faster; it can use files, network, the process); repeatable",
      collect,
    )
    .option("--trusted-agents", "run every agent module as trusted code, outside the sandbox");
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InputError("--port", `"${value}" is not a port (0 to 65535)`);
  return n;
}

function positive(flag: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new InputError(flag, `"${value}" is not a positive integer`);
    return n;
  };
}
