import { InputError } from "../errors.js";
import { Rng } from "../model/rng.js";
import { ruleOf, type Scenario } from "../model/scenario.js";
import type { OutcomeSpace, OutcomeValues } from "../model/space.js";
import { builtinAgent } from "./agents.js";
import { DEFAULT_ROUNDS, MEDIATED_ROUNDS_PER_OPTION } from "./defaults.js";
import { MEDIATORS, type Mediator, mediatorMove } from "./mediators.js";
import {
  type NegotiationMetrics,
  negotiationMetrics,
  referenceAnalysis,
  type ScenarioAnalysis,
} from "./metrics.js";
import type { AgentDefinition, NegotiationSetup, Negotiator } from "./negotiator.js";
import { PreparedScenario } from "./prepared.js";
import { openSession, type SessionSetup } from "./replay.js";
import { faultReason, negotiatorMove, observationOf } from "./seats.js";
import type { Session } from "./session.js";
import {
  type Clock,
  type Deadline,
  MEDIATOR,
  type ProtocolName,
  type SessionOutcome,
  type Settled,
  type TraceEvent,
} from "./types.js";
import { visibleEvent } from "./visibility.js";

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
  /** Mediated: points settled from the start (issue → option index, or null). */
  settled?: Settled;
  /** Precomputed analysis for the metrics; computed when absent; null skips the metrics. */
  analysis?: ScenarioAnalysis | null;
  keepTrace?: boolean;
  /** Keep the session's move log (default false: a result does not include it; openNegotiation's session does). */
  keepLog?: boolean;
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
  const clock = options.clock;
  const budget = options.moveBudgetMs ?? options.timeMs;
  if (clock === undefined && options.moveBudgetMs !== undefined)
    throw new InputError("moveBudgetMs", "needs a clock (options.clock)");
  // The SAOP offer or acceptance of the move just applied, which the other seats are told.
  let made: TraceEvent | null = null;
  const onEvent = options.onEvent;
  const listen =
    options.protocol === "mediated"
      ? onEvent
      : (event: TraceEvent) => {
          if (event.action === "offer" || event.action === "accept") made = event;
          onEvent?.(event);
        };
  const { session, seats, agents, mediator, protocol } = openNegotiation(prepared, options, listen);
  const { utilities } = prepared;
  for (;;) {
    const expected = session.advance();
    if (!expected) break;
    const seat = expected.seat;
    options.onSeatCall?.(seat, expected.state.round);
    try {
      const started = budget !== undefined && clock ? clock.now() : 0;
      const move =
        seat === MEDIATOR
          ? mediatorMove(mediator!, expected)
          : negotiatorMove(seats[seat], expected, utilities[seat]);
      if (budget !== undefined && clock) {
        const took = clock.now() - started;
        if (took > budget) {
          session.fail(seat, `overran its time budget (${Math.round(took)} ms > ${budget} ms)`);
          break;
        }
      }
      made = null;
      session.submit(seat, move);
      if (made && protocol === "saop") tellOthers(seats, made, session, options.onSeatCall);
    } catch (err) {
      session.fail(seat, faultReason(err));
    }
  }
  const analysis = options.analysis === undefined ? referenceAnalysis(prepared.scenario) : options.analysis;
  return negotiationResult(
    prepared,
    session.outcome()!,
    { protocol, agents, mediator: mediator?.name },
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
    errors: ending.errors.map((e) => ({
      ...e,
      agent: e.seat === MEDIATOR ? (info.mediator ?? "mediator") : info.agents[e.seat],
    })),
    trace: trace as TraceEvent[],
    metrics: analysis ? negotiationMetrics(prepared.utilities, ending, analysis) : null,
  };
}

/** A negotiation ready to run: its session, its setup (to replay the log), and its seats initialised. */
export interface OpenNegotiation {
  session: Session;
  setup: SessionSetup;
  protocol: ProtocolName;
  /** The parties' negotiators, in seat order (a seat whose init threw has ended the session). */
  seats: Negotiator[];
  agents: string[];
  /** Mediated: the mediating strategy in the mediator's seat, which has written the first draft. */
  mediator?: Mediator;
}

/**
 * The session with its seats initialised (a seat whose init throws is ended
 * right away). Mediated: the mediator is set up and writes the first draft
 * before the parties sit down.
 */
export function openNegotiation(
  prepared: PreparedScenario,
  options: RunOptions,
  onEvent = options.onEvent,
): OpenNegotiation {
  const protocol = options.protocol ?? "saop";
  if (protocol !== "saop" && protocol !== "mediated")
    throw new InputError("protocol", `"${protocol}" is not a protocol (saop, mediated)`);
  const n = prepared.scenario.parties.length;
  if (n < 2) throw new InputError("scenario", `a negotiation needs at least two parties (it has ${n})`);
  if (options.agents.length !== n)
    throw new InputError("agents", `${options.agents.length} agents for ${n} parties: give one per party`);
  const definitions = options.agents.map((a) => (typeof a === "string" ? builtinAgent(a) : a));
  const { space } = prepared.scenario;
  const rule = ruleOf(prepared.scenario);
  const deadline = deadlineOf(protocol, options, space);
  if (deadline.timeMs !== undefined && !options.clock)
    throw new InputError("timeMs", "needs a clock (options.clock)");
  if (protocol === "mediated" && options.settled) checkSettled(prepared, options.settled);
  const mediatorSpec = protocol === "mediated" ? mediatorOf(options.mediator ?? DEFAULT_MEDIATOR) : undefined;
  // Indexes first: building them must not eat into a millisecond deadline.
  const bids = definitions.map((_, seat) => prepared.bids(seat));
  const root = new Rng(options.seed ?? 0);
  const seatRngs = definitions.map((_, i) => root.fork(`seat ${i}`));
  const setup: SessionSetup = {
    protocol,
    space,
    utilities: prepared.utilities,
    deadline,
    clock: options.clock,
    onEvent,
    keepTrace: options.keepTrace,
    keepLog: options.keepLog ?? false,
    settled: protocol === "mediated" ? options.settled : undefined,
    ...(rule.kind === "unanimity" ? {} : { rule }),
  };
  const session = openSession(setup);
  let mediator: Mediator | undefined;
  if (mediatorSpec) {
    mediator = mediatorSpec;
    const settled = options.settled ?? space.issues.map(() => null);
    mediator.init({ space, parties: n, deadline, settled, rng: root.fork("mediator"), rule });
    options.onSeatCall?.(MEDIATOR, 0);
    try {
      session.submit(MEDIATOR, mediatorMove(mediator, session.expected()!));
    } catch (err) {
      session.fail(MEDIATOR, faultReason(err));
    }
  }
  const seats = new Array<Negotiator>(n);
  definitions.forEach((def, seat) => {
    try {
      options.onSeatCall?.(seat, 0);
      const negotiator = def.create();
      seats[seat] = negotiator;
      const seatSetup: NegotiationSetup = {
        seat,
        parties: n,
        protocol,
        deadline,
        space,
        utility: prepared.utilities[seat],
        bids: bids[seat],
        rng: seatRngs[seat],
      };
      negotiator.init(seatSetup);
    } catch (err) {
      session.fail(seat, faultReason(err));
    }
  });
  return { session, setup, protocol, seats, agents: definitions.map((d) => d.name), mediator };
}

function deadlineOf(protocol: ProtocolName, options: RunOptions, space: OutcomeSpace): Deadline {
  const rounds =
    options.rounds ?? (options.timeMs === undefined ? defaultRounds(protocol, space) : undefined);
  return {
    ...(rounds !== undefined ? { rounds } : {}),
    ...(options.timeMs !== undefined ? { timeMs: options.timeMs } : {}),
  };
}

function checkSettled(prepared: PreparedScenario, settled: Settled): void {
  const { space } = prepared.scenario;
  if (settled.length !== space.issueCount)
    throw new InputError("settled", `has ${settled.length} entries for ${space.issueCount} issues`);
  settled.forEach((option, i) => {
    if (option !== null && !(Number.isInteger(option) && option >= 0 && option < space.cardinalities[i]))
      throw new InputError(
        `settled[${i}]`,
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

/** SAOP offers and acceptances are public: every other seat observes them, as visibleEvent shows them to it. */
function tellOthers(
  seats: Negotiator[],
  event: TraceEvent,
  session: Session,
  onSeatCall?: (seat: number, round: number) => void,
): void {
  for (let s = 0; s < seats.length; s++) {
    if (s === event.seat || !seats[s].observe) continue;
    const observation = observationOf("saop", visibleEvent("saop", event, s)!, s);
    if (!observation) continue;
    onSeatCall?.(s, event.round);
    try {
      seats[s].observe!(observation);
    } catch (err) {
      session.fail(s, faultReason(err));
      return;
    }
  }
}
