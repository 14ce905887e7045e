import { InputError } from "../errors.js";
import { hash53, hashString } from "../model/hash.js";
import { Rng } from "../model/rng.js";

/** A scenario as a tournament sees it: a unique name, its party count, and what identifies its content. */
export interface TournamentScenario {
  name: string;
  parties: number;
  /** Changes when the scenario's content changes (e.g. a hash of its serialised form). */
  fingerprint: string;
}

/** An agent as a tournament sees it: a unique name and what identifies its code. */
export interface TournamentAgent {
  name: string;
  /** The built-in name, or a module path plus a hash of its content. */
  fingerprint: string;
}

/** How every negotiation of the tournament is run. */
export interface TournamentSettings {
  protocol: "saop";
  /** Deadline in rounds. */
  rounds: number;
}

export interface TournamentSpec {
  scenarios: TournamentScenario[];
  agents: TournamentAgent[];
  /** Repetitions of every (scenario, line-up). */
  reps: number;
  settings: TournamentSettings;
  /** The master seed every negotiation's seed derives from. */
  seed: string;
}

/** One negotiation of the plan. */
export interface TournamentJob {
  /** Stable within a plan: `s<scenario>-a<agent>.<agent>…-r<rep>` (0-based indices). */
  id: string;
  /** Position in the plan. */
  index: number;
  /** Index into spec.scenarios. */
  scenario: number;
  /** Agent index (into spec.agents) seated in each party position. */
  lineup: number[];
  rep: number;
  /** This negotiation's own seed: `parley negotiate … --seed <seed>` replays it alone. */
  seed: number;
}

export interface TournamentPlan {
  spec: TournamentSpec;
  /** Identifies the spec: the same scenarios, agents, settings and seed give the same hash. */
  hash: string;
  jobs: TournamentJob[];
}

/**
 * The deterministic list of negotiations: every scenario × every line-up
 * (each agent in each role: all ordered n-tuples, self-play included) ×
 * every repetition, in that nesting order.
 */
export function planTournament(spec: TournamentSpec): TournamentPlan {
  validateSpec(spec);
  const jobs: TournamentJob[] = [];
  spec.scenarios.forEach((scenario, s) => {
    for (const lineup of lineups(spec.agents.length, scenario.parties)) {
      const names = lineup.map((a) => spec.agents[a].name);
      for (let rep = 0; rep < spec.reps; rep++) {
        jobs.push({
          id: `s${s}-a${lineup.join(".")}-r${rep}`,
          index: jobs.length,
          scenario: s,
          lineup,
          rep,
          seed: deriveSeed(spec.seed, scenario.name, names, rep),
        });
      }
    }
  });
  return { spec, hash: planHash(spec), jobs };
}

/** All ordered `seats`-tuples over `agents` agents (agents^seats of them), lexicographic. */
export function lineups(agents: number, seats: number): number[][] {
  let out: number[][] = [[]];
  for (let s = 0; s < seats; s++) {
    const next: number[][] = [];
    for (const prefix of out) for (let a = 0; a < agents; a++) next.push([...prefix, a]);
    out = next;
  }
  return out;
}

/**
 * A negotiation's seed from the master seed and what the negotiation is
 * (scenario and agent names, repetition), not its position: adding an agent
 * or a scenario leaves the other negotiations' seeds unchanged.
 */
export function deriveSeed(master: string, scenario: string, agents: readonly string[], rep: number): number {
  return new Rng(hashString(JSON.stringify([master, scenario, agents, rep]))).nextUint32();
}

/** A 106-bit hex digest of the spec's canonical JSON (two independent 53-bit hashes). */
export function planHash(spec: TournamentSpec): string {
  const canonical = JSON.stringify({
    scenarios: spec.scenarios.map((s) => [s.name, s.parties, s.fingerprint]),
    agents: spec.agents.map((a) => [a.name, a.fingerprint]),
    reps: spec.reps,
    settings: [spec.settings.protocol, spec.settings.rounds],
    seed: spec.seed,
  });
  return (
    hash53(canonical, 1).toString(16).padStart(14, "0") + hash53(canonical, 2).toString(16).padStart(14, "0")
  );
}

function validateSpec(spec: TournamentSpec): void {
  if (spec.agents.length === 0) throw new InputError("--agents", "names no agent");
  if (spec.scenarios.length === 0) throw new InputError("tournament", "needs at least one scenario");
  if (!Number.isInteger(spec.reps) || spec.reps < 1)
    throw new InputError("--reps", `must be a positive integer (got ${spec.reps})`);
  const agentNames = new Set<string>();
  for (const a of spec.agents) {
    if (agentNames.has(a.name)) throw new InputError("--agents", `agent "${a.name}" is given twice`);
    agentNames.add(a.name);
  }
  const scenarioNames = new Set<string>();
  for (const s of spec.scenarios) {
    if (scenarioNames.has(s.name))
      throw new InputError(s.name, "two scenarios have this name; a tournament needs distinct names");
    scenarioNames.add(s.name);
    if (s.parties < 2)
      throw new InputError(s.name, `has ${s.parties} party; a negotiation needs two or more`);
  }
}
