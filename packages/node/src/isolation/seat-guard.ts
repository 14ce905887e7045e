import { AsyncLocalStorage } from "node:async_hooks";
import {
  type AgentDefinition,
  fromPlainScenario,
  type NegotiationSetup,
  type Negotiator,
  type OutcomeSpace,
  PreparedScenario,
  type Scenario,
  toPlainScenario,
} from "@parley/core/engine";

/** Which seat of which negotiation was running when code was called (or a timer or promise was made). */
export interface SeatContext {
  /** The tournament job, when there is one. */
  job?: string;
  /** The agent's position in the worker's agent list. */
  agent: number;
  seat: number;
}

/** Carried across timers and promises, so an error thrown later still names the seat that scheduled it. */
export const seatContext = new AsyncLocalStorage<SeatContext>();

export interface GuardOptions {
  /** The agent's position in the worker's agent list. */
  agent: number;
  /** The scenario a shared outcome space belongs to. */
  scenarioOf(space: OutcomeSpace): Scenario;
  /** The tournament job running now, if any. */
  job?(): string | undefined;
}

/**
 * Wraps an agent that is not built in so that it can only ever hurt its own
 * negotiations: its seats get this agent's private copy of the scenario
 * (space, utility function, bid index; made on first use, one per scenario),
 * never the objects the session and the other seats share, and every call
 * into it runs in a seatContext, so a late error is charged to it.
 */
export function guardAgent(def: AgentDefinition, options: GuardOptions): AgentDefinition {
  const copies = new WeakMap<OutcomeSpace, PreparedScenario>();
  const ownCopy = (space: OutcomeSpace): PreparedScenario => {
    let copy = copies.get(space);
    if (!copy) {
      copy = new PreparedScenario(
        fromPlainScenario(structuredClone(toPlainScenario(options.scenarioOf(space)))),
      );
      copies.set(space, copy);
    }
    return copy;
  };
  return {
    name: def.name,
    description: def.description,
    create() {
      let context: SeatContext = { agent: options.agent, seat: -1, job: options.job?.() };
      const inner = seatContext.run(context, () => def.create());
      const call = <T>(f: () => T): T => seatContext.run(context, f);
      const guarded: Negotiator = {
        init(setup: NegotiationSetup) {
          context = { agent: options.agent, seat: setup.seat, job: options.job?.() };
          const own = ownCopy(setup.space);
          const given = {
            ...setup,
            space: own.scenario.space,
            utility: own.utilities[setup.seat],
            bids: own.bids(setup.seat),
          };
          call(() => inner.init(given));
        },
        propose: (state) => call(() => inner.propose(state)),
        respond: (offer, from, state) => call(() => inner.respond(offer, from, state)),
      };
      // The session treats a missing compare/ratify as "answer truthfully": keep them missing.
      if (inner.observe) guarded.observe = (o) => call(() => inner.observe!(o));
      if (inner.compare) guarded.compare = (r, d, s) => call(() => inner.compare!(r, d, s));
      if (inner.ratify) guarded.ratify = (d, s) => call(() => inner.ratify!(d, s));
      return guarded;
    },
  };
}

/** An error that surfaced outside every call into a seat (a timer, a promise), and whom it is charged to. */
export interface LateFault {
  /** Known when the error came from code a seat scheduled. */
  context?: SeatContext;
  /** The agent (position in the worker's list) whose module file the error's stack names, when no context is known. */
  agent?: number;
  reason: string;
}

/**
 * Catches errors thrown later by agents (from timers and promises) in this
 * worker, so that they end neither the worker nor the negotiation running
 * when they surface: each is passed to `onFault` with the seat that caused
 * it, found from the seatContext it was scheduled in, or else from the module
 * file its stack names (`modules[i]` is agent i's file, or undefined).
 */
export function catchLateFaults(
  modules: readonly (string | undefined)[],
  onFault: (fault: LateFault) => void,
): void {
  const handle = (err: unknown) => {
    const message = err instanceof Error ? err.message : String(err);
    const reason = `threw later (from a timer or promise): ${message}`;
    const context = seatContext.getStore();
    if (context) return onFault({ context, reason });
    const stack = err instanceof Error ? (err.stack ?? "") : "";
    const agent = modules.findIndex((m) => m !== undefined && stack.includes(m));
    onFault(agent >= 0 ? { agent, reason } : { reason });
  };
  process.on("uncaughtException", handle);
  process.on("unhandledRejection", handle);
}
