/**
 * The side of the sandbox that runs inside the isolate, next to the agent's
 * module: it checks the module's default export, rebuilds each seat's setup
 * from plain data with the core's own code (so a sandboxed agent bids and
 * evaluates exactly as a trusted one), and answers the host's calls.
 * It must use nothing of Node: the isolate has only the language.
 */
import {
  type AgentDefinition,
  type BidIndex,
  buildBidIndex,
  compileUtility,
  type Deadline,
  type Issue,
  type NegotiationSetup,
  OutcomeSpace,
  type Profile,
  type ProtocolName,
  Rng,
  type UtilityFunction,
} from "@parley/core/engine";
import { checkAgent, checkNegotiator, NotAnAgent } from "../agents/agent-shape.js";

/** What the host sends once per scenario and party: plain data. */
export interface PreparedSeat {
  issues: Issue[];
  profile: Profile;
}

/** What the host sends to start a seat (the rest of its setup comes from its prepared entry). */
export interface SeatStart {
  prepared: number;
  seat: number;
  parties: number;
  protocol: ProtocolName;
  deadline: Deadline;
  rng: [number, number, number, number];
}

/** The calls the host may make on a negotiator (no other property of it is reachable). */
const METHODS = ["init", "propose", "respond", "observe", "compare", "ratify"] as const;
type Method = (typeof METHODS)[number];

let definition: AgentDefinition | undefined;
/** The method entered last: when a call is stopped, the host asks which one it was stuck in. */
let running: Method | undefined;

export function stuckIn(): Method | undefined {
  return running;
}
const prepared = new Map<number, { space: OutcomeSpace; utility: UtilityFunction; bids: BidIndex }>();

/** Checks the agent module's default export, and one negotiator it creates; returns its name and description. */
export function adopt(namespace: { default?: unknown }): { name: string; description: string } {
  let def: Partial<AgentDefinition> | null | undefined;
  try {
    def = namespace.default as typeof def;
  } catch {
    // Still uninitialised: the module's top-level await has not settled (nothing in the sandbox can settle it later).
    throw new TypeError("did not finish loading (a top-level await that never settles)");
  }
  try {
    definition = checkAgent(def);
  } catch (err) {
    // The host tells the contract's reasons (a TypeError) from the module's own throws.
    throw err instanceof NotAnAgent ? new TypeError(err.message) : err;
  }
  return { name: definition.name, description: definition.description };
}

/**
 * Compiles a party's utility and bid index once, for every negotiation of
 * that scenario; forgets the ones the host no longer keeps (the heap is the agent's).
 */
export function prepare(key: number, data: PreparedSeat, forget: number[]): void {
  running = undefined;
  for (const old of forget) prepared.delete(old);
  const space = new OutcomeSpace(data.issues);
  const utility = compileUtility(space, data.profile);
  prepared.set(key, { space, utility, bids: buildBidIndex(space, utility) });
}

/** Calls into a negotiator, in order; the host sends several at once to cross into the isolate less often. */
export type Batch = [Method, unknown[]][];

/**
 * A fresh negotiator behind one function: the host holds a reference to it
 * and sends a batch of calls (observations it held back, then the move it
 * asks for); the answer is the last call's. With `thenPropose`, a "reject"
 * from `respond` is followed at once by `propose` (which the session would
 * call next anyway) and the answer is [reject, counter-offer].
 * `(null)` answers which of the methods it has.
 */
export function create(): (calls: Batch | null, thenPropose?: boolean) => unknown {
  running = undefined;
  const seat = checkNegotiator(definition!.create());
  const one = (method: Method, args: unknown[]): unknown => {
    running = method;
    if (method === "init") return seat.init(setupOf(args[0] as SeatStart));
    if (!METHODS.includes(method)) throw new TypeError(`${String(method)} is not a negotiator method`);
    return (seat[method] as (...a: unknown[]) => unknown)(...args);
  };
  return (calls, thenPropose) => {
    if (calls === null) return METHODS.filter((m) => typeof seat[m] === "function");
    running = undefined;
    let answer: unknown;
    for (const [method, args] of calls) answer = one(method, args);
    if (thenPropose && answer === "reject") return [answer, one("propose", [calls[calls.length - 1][1][2]])];
    return answer;
  };
}

function setupOf(start: SeatStart): NegotiationSetup {
  const entry = prepared.get(start.prepared);
  if (!entry) throw new Error(`no prepared scenario ${start.prepared}`);
  return {
    seat: start.seat,
    parties: start.parties,
    protocol: start.protocol,
    deadline: start.deadline,
    space: entry.space,
    utility: entry.utility,
    bids: entry.bids,
    rng: Rng.fromState(start.rng),
  };
}
