import { InputError, SeatStopped } from "../errors.js";
import { Rng } from "../model/rng.js";
import type { Scenario } from "../model/scenario.js";
import type { OutcomeSpace, OutcomeValues } from "../model/space.js";
import { builtinAgent } from "./agents.js";
import { DEFAULT_ROUNDS, MEDIATED_ROUNDS_PER_OPTION } from "./defaults.js";
import { MediatedSession, type Mediator } from "./mediated.js";
import { MEDIATORS } from "./mediators.js";
import {
  analyseScenario,
  type NegotiationMetrics,
  negotiationMetrics,
  type ScenarioAnalysis,
} from "./metrics.js";
import type { AgentDefinition, NegotiationSetup, Negotiator } from "./negotiator.js";
import { PreparedScenario } from "./prepared.js";
import { SaopSession } from "./saop.js";
import { InvalidMove, type Session } from "./session.js";
import type {
  Clock,
  Deadline,
  Expectation,
  Move,
  ProtocolName,
  SessionOutcome,
  TraceEvent,
} from "./types.js";

export { DEFAULT_ROUNDS, MEDIATED_ROUNDS_PER_OPTION };

/** The deadline in rounds when none is given: 100 for SAOP; for the mediated protocol 500, or 20 per option on big plans. */
export function defaultRounds(protocol: ProtocolName, space: OutcomeSpace): number {
  if (protocol === "saop") return DEFAULT_ROUNDS.saop;
  const options = space.cardinalities.reduce((a, b) => a + b, 0);
  return Math.max(DEFAULT_ROUNDS.mediated, MEDIATED_ROUNDS_PER_OPTION * options);
}
export const DEFAULT_MEDIATOR = "frontier";

export interface RunOptions {
  protocol?: ProtocolName;
  /** One per party, in party order: a built-in name or a definition. */
  agents: readonly (string | AgentDefinition)[];
  /** Mediated protocol only: a built-in mediator name (default "frontier") or a mediator. */
  mediator?: string | Mediator;
  /** Deadline in rounds (default: defaultRounds(), unless only timeMs is given). */
  rounds?: number;
  /** Deadline in milliseconds on `clock`. */
  timeMs?: number;
  /** Required with timeMs: the clock the deadline and move budgets are read from. */
  clock?: Clock;
  /** A seat whose single move takes longer than this on `clock` is ended (default: timeMs, if set). */
  moveBudgetMs?: number;
  /** Seed of every random choice (default 0). */
  seed?: number | string;
  /** Mediated: settled points the mediator may not change. */
  fixed?: readonly (number | null)[];
  /** Precomputed analysis for the metrics; computed when absent; null skips the metrics. */
  analysis?: ScenarioAnalysis | null;
  keepTrace?: boolean;
  onEvent?: (event: TraceEvent) => void;
  /** Called before every call into a seat (init, a move, an observation): a watchdog knows who is stuck. */
  onSeatCall?: (seat: number, round: number) => void;
}

export interface SeatError {
  seat: number;
  agent: string;
  reason: string;
}

export interface NegotiationResult extends Omit<SessionOutcome, "errors"> {
  protocol: ProtocolName;
  agents: string[];
  mediator?: string;
  agreementValues: OutcomeValues | null;
  errors: SeatError[];
  trace: TraceEvent[];
  metrics: NegotiationMetrics | null;
}

/** Runs one negotiation to its end, synchronously. A faulty seat ends the negotiation, never the process. */
export function runNegotiation(
  scenario: Scenario | PreparedScenario,
  options: RunOptions,
): NegotiationResult {
  const prepared = scenario instanceof PreparedScenario ? scenario : new PreparedScenario(scenario);
  const { session, seats, agents, mediator, protocol } = openNegotiation(prepared, options);
  const clock = options.clock;
  const budget = options.moveBudgetMs ?? options.timeMs;
  if (clock === undefined && options.moveBudgetMs !== undefined)
    throw new InputError("moveBudgetMs", "needs a clock (options.clock)");
  for (;;) {
    const expected = session.pending();
    if (!expected) break;
    const seat = expected.seat;
    options.onSeatCall?.(seat, expected.state.round);
    try {
      const started = budget !== undefined && clock ? clock.now() : 0;
      const move = decide(seats[seat], expected, prepared, seat);
      if (budget !== undefined && clock) {
        const took = clock.now() - started;
        if (took > budget) {
          session.fail(seat, `overran its time budget (${Math.round(took)} ms > ${budget} ms)`);
          break;
        }
      }
      session.submit(seat, move);
      if (session instanceof SaopSession && (move.type === "offer" || move.type === "accept"))
        tellOthers(seats, seat, move.type, expected, session, options.onSeatCall);
    } catch (err) {
      session.fail(seat, faultReason(err));
    }
  }
  const analysis = options.analysis === undefined ? analyseScenario(prepared.scenario) : options.analysis;
  return negotiationResult(
    prepared,
    session.outcome()!,
    { protocol, agents, mediator },
    session.trace,
    analysis,
  );
}

/** A result from how a session ended (also used when a stuck worker is stopped and the end is reconstructed). */
export function negotiationResult(
  prepared: PreparedScenario,
  ending: SessionOutcome,
  info: { protocol: ProtocolName; agents: string[]; mediator?: string },
  trace: readonly TraceEvent[],
  analysis: ScenarioAnalysis | null,
): NegotiationResult {
  return {
    ...ending,
    protocol: info.protocol,
    agents: info.agents,
    ...(info.mediator ? { mediator: info.mediator } : {}),
    agreementValues: ending.agreement ? prepared.scenario.space.toValues(ending.agreement) : null,
    errors: ending.errors.map((e) => ({ ...e, agent: info.agents[e.seat] })),
    trace: trace as TraceEvent[],
    metrics: analysis ? negotiationMetrics(prepared.utilities, ending, analysis) : null,
  };
}

/** The session with its seats initialised (a seat whose init throws is ended right away). */
export function openNegotiation(prepared: PreparedScenario, options: RunOptions) {
  const protocol = options.protocol ?? "saop";
  if (protocol !== "saop" && protocol !== "mediated")
    throw new InputError("protocol", `"${protocol}" is not a protocol (saop, mediated)`);
  const n = prepared.scenario.parties.length;
  if (n < 2) throw new InputError("scenario", `a negotiation needs at least two parties (it has ${n})`);
  if (options.agents.length !== n)
    throw new InputError("agents", `${options.agents.length} agents for ${n} parties: give one per party`);
  const definitions = options.agents.map((a) => (typeof a === "string" ? builtinAgent(a) : a));
  const deadline = deadlineOf(protocol, options, prepared.scenario.space);
  if (deadline.timeMs !== undefined && !options.clock)
    throw new InputError("timeMs", "needs a clock (options.clock)");
  // Indexes first: building them must not eat into a millisecond deadline.
  const bids = definitions.map((_, seat) => prepared.bids(seat));
  const root = new Rng(options.seed ?? 0);
  const seatRngs = definitions.map((_, i) => root.fork(`seat ${i}`));
  const common = {
    space: prepared.scenario.space,
    utilities: prepared.utilities,
    deadline,
    clock: options.clock,
    onEvent: options.onEvent,
    keepTrace: options.keepTrace,
  };
  let mediator: Mediator | undefined;
  let session: Session;
  if (protocol === "mediated") {
    if (options.fixed) checkFixed(prepared, options.fixed);
    mediator = mediatorOf(options.mediator ?? DEFAULT_MEDIATOR);
    session = new MediatedSession({ ...common, mediator, fixed: options.fixed, rng: root.fork("mediator") });
  } else session = new SaopSession(common);
  const seats = new Array<Negotiator>(n);
  definitions.forEach((def, seat) => {
    try {
      options.onSeatCall?.(seat, 0);
      const negotiator = def.create();
      seats[seat] = negotiator;
      const setup: NegotiationSetup = {
        seat,
        parties: n,
        protocol,
        deadline,
        space: prepared.scenario.space,
        utility: prepared.utilities[seat],
        bids: bids[seat],
        rng: seatRngs[seat],
      };
      negotiator.init(setup);
    } catch (err) {
      session.fail(seat, faultReason(err));
    }
  });
  return { session, seats, agents: definitions.map((d) => d.name), mediator: mediator?.name, protocol };
}

function deadlineOf(protocol: ProtocolName, options: RunOptions, space: OutcomeSpace): Deadline {
  const rounds =
    options.rounds ?? (options.timeMs === undefined ? defaultRounds(protocol, space) : undefined);
  return {
    ...(rounds !== undefined ? { rounds } : {}),
    ...(options.timeMs !== undefined ? { timeMs: options.timeMs } : {}),
  };
}

function checkFixed(prepared: PreparedScenario, fixed: readonly (number | null)[]): void {
  const { space } = prepared.scenario;
  if (fixed.length !== space.issueCount)
    throw new InputError("fixed", `has ${fixed.length} entries for ${space.issueCount} issues`);
  fixed.forEach((option, i) => {
    if (option !== null && !(Number.isInteger(option) && option >= 0 && option < space.cardinalities[i]))
      throw new InputError(
        `fixed[${i}]`,
        `${option} is not an option index of issue "${space.issues[i].name}"`,
      );
  });
}

function mediatorOf(m: string | Mediator): Mediator {
  if (typeof m !== "string") return m;
  const found = MEDIATORS[m.toLowerCase()];
  if (!found)
    throw new InputError(`mediator "${m}"`, `is not a mediator (${Object.keys(MEDIATORS).join(", ")})`);
  return found.create();
}

/** Asks a synchronous negotiator for the move the session expects. */
function decide(
  negotiator: Negotiator,
  expected: Expectation,
  prepared: PreparedScenario,
  seat: number,
): Move {
  const { state } = expected;
  switch (expected.kind) {
    case "offer": {
      if (expected.offer === null) return { type: "offer", outcome: negotiator.propose(state) };
      const answer = negotiator.respond(expected.offer, expected.from, state);
      if (answer === "accept" || answer === "end") return { type: answer };
      if (answer === "reject") return { type: "offer", outcome: negotiator.propose(state) };
      throw new InvalidMove(`respond returned ${JSON.stringify(answer)} (expected accept, reject or end)`);
    }
    case "vote": {
      if (negotiator.compare)
        return { type: "vote", vote: negotiator.compare(expected.revision, expected.draft, state) };
      const u = prepared.utilities[seat];
      const delta = u.utility(expected.revision) - u.utility(expected.draft);
      return { type: "vote", vote: delta > 1e-12 ? "better" : delta < -1e-12 ? "worse" : "same" };
    }
    case "ratify": {
      const u = prepared.utilities[seat];
      const yes = negotiator.ratify
        ? negotiator.ratify(expected.draft, state)
        : u.utility(expected.draft) >= u.profile.reservation && !u.crossesRedLine(expected.draft);
      return { type: yes ? "accept" : "reject" };
    }
  }
}

/** SAOP offers and acceptances are public: every other seat observes them (the session's copy of the offer). */
function tellOthers(
  seats: Negotiator[],
  mover: number,
  action: "offer" | "accept",
  expected: Expectation,
  session: SaopSession,
  onSeatCall?: (seat: number, round: number) => void,
): void {
  const observation = {
    seat: mover,
    action,
    offer: session.standingOffer ?? undefined,
    state: expected.state,
  };
  for (let s = 0; s < seats.length; s++) {
    if (s === mover || !seats[s].observe) continue;
    onSeatCall?.(s, expected.state.round);
    try {
      seats[s].observe!(observation);
    } catch (err) {
      session.fail(s, faultReason(err));
      return;
    }
  }
}

function faultReason(err: unknown): string {
  if (err instanceof SeatStopped) return err.message;
  const message = err instanceof Error ? err.message : String(err);
  return err instanceof InvalidMove ? `invalid move: ${message}` : `threw: ${message}`;
}
