import {
  type Deadline,
  type Expectation,
  type Move,
  observationOf,
  type ProtocolName,
  type Scenario,
  type VisibleEvent,
} from "@parley/core";
import { BUILTIN_AGENTS } from "@parley/core/catalog";
import { type AgentRef, type IsolatedSeat, openIsolatedSeat } from "@parley/node";

/** What an agent seat is told when asked to move. */
export interface AgentTurnRequest {
  /** Identifies the seat across calls: `<room>/<party>`. */
  key: string;
  agent: string;
  /** The negotiation's scenario (its parties in seat order). */
  scenario: Scenario;
  seat: number;
  protocol: ProtocolName;
  deadline: Deadline;
  seed: number;
  expected: Expectation;
  /** Every event this seat may see so far (visibleEvent); the seat is told the ones it has not heard. */
  events: readonly VisibleEvent[];
}

/**
 * Runs server-side agents isolated from the server: each seat in a worker thread of its own with a
 * move budget and a heap limit, exactly as in tournaments; one that throws, moves invalidly or
 * overruns is reported (AgentFault), never crashing the server.
 */
export interface AgentRunner {
  /** Why `agent` cannot sit in a room of this server, or null when it can. */
  problem(agent: string): string | null;
  /** The agent's move; rejects with an AgentFault when it fails. */
  move(request: AgentTurnRequest): Promise<Move>;
  /** Stops the seats of `keyPrefix` (a room that ended). */
  release(keyPrefix: string): void;
  close(): Promise<void>;
}

/** An agent failed: the reason is told to the room (and charged to the seat). */
export class AgentFault extends Error {
  override readonly name = "AgentFault";
}

export interface IsolatedAgentsOptions {
  /** Operator's agent modules: name → path (loaded in the workers, never uploaded). */
  modules?: Record<string, string>;
  /** Longest a single move may take (default: the isolation's 2,000 ms). */
  moveBudgetMs?: number;
}

/** Agent seats through @parley/node's isolated seats (one worker each), opened on first use. */
export class IsolatedAgents implements AgentRunner {
  private readonly seats = new Map<string, { seat: Promise<IsolatedSeat>; heard: number }>();
  private readonly modules: Record<string, string>;

  constructor(private readonly options: IsolatedAgentsOptions = {}) {
    this.modules = options.modules ?? {};
  }

  problem(agent: string): string | null {
    if (agent in this.modules || BUILTIN_AGENTS.some((a) => a.name === agent)) return null;
    const known = [...BUILTIN_AGENTS.map((a) => a.name), ...Object.keys(this.modules)];
    return `"${agent}" is not an agent of this server (${known.join(", ")})`;
  }

  async move(request: AgentTurnRequest): Promise<Move> {
    let entry = this.seats.get(request.key);
    if (!entry) {
      const ref: AgentRef =
        request.agent in this.modules ? { module: this.modules[request.agent] } : { builtin: request.agent };
      const seat = openIsolatedSeat(ref, {
        scenario: request.scenario,
        seat: request.seat,
        protocol: request.protocol,
        deadline: request.deadline,
        seed: request.seed,
        moveBudgetMs: this.options.moveBudgetMs,
      });
      entry = { seat, heard: 0 };
      this.seats.set(request.key, entry);
    }
    let seat: IsolatedSeat;
    try {
      seat = await entry.seat;
    } catch (err) {
      this.seats.delete(request.key);
      throw new AgentFault(`could not start: ${(err as Error).message}`);
    }
    for (; entry.heard < request.events.length; entry.heard++) {
      const observation = observationOf(request.protocol, request.events[entry.heard], request.seat);
      if (observation) seat.inform(observation);
    }
    try {
      return await seat.act(request.expected);
    } catch (err) {
      throw new AgentFault((err as Error).message);
    }
  }

  release(keyPrefix: string): void {
    for (const [key, entry] of this.seats)
      if (key.startsWith(keyPrefix)) {
        this.seats.delete(key);
        void entry.seat.then((s) => s.close()).catch(() => {});
      }
  }

  async close(): Promise<void> {
    const all = [...this.seats.values()];
    this.seats.clear();
    await Promise.allSettled(all.map((e) => e.seat.then((s) => s.close())));
  }
}
