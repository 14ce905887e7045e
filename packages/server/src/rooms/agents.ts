import type { Deadline, Move, ProtocolName, TraceEvent } from "@parley/core";
import type { Turn } from "./negotiation.js";

/** What an agent seat is told when asked to move: plain data, so it crosses a thread boundary. */
export interface AgentTurnRequest {
  /** Identifies the agent's negotiator across calls (a room and seat). */
  key: string;
  agent: string;
  /** The negotiation's scenario in Parley JSON (its parties in seat order). */
  scenario: string;
  seat: number;
  protocol: ProtocolName;
  deadline: Deadline;
  seed: number;
  turn: Exclude<Turn, { kind: "propose" }>;
  /** Every public event so far (offers and acceptances of the others); the seat learns from them. */
  events: TraceEvent[];
}

/**
 * Runs server-side agents, isolated from the server: each call has a time budget, and an agent that
 * throws, moves invalidly or overruns is reported, never crashing the server. One interface, so the
 * isolation behind it can change in one place.
 */
export interface AgentRunner {
  /** Checks that `agent` names a built-in agent or a module the operator loaded; a reason, or null. */
  problem(agent: string): string | null;
  /** The agent's move; rejects with an AgentFault when it fails. */
  move(request: AgentTurnRequest): Promise<Move>;
  /** Forgets the negotiators of `keyPrefix` (a room that ended). */
  release(keyPrefix: string): void;
  close(): Promise<void>;
}

/** An agent failed: the reason is told to the room (and charged to the seat). */
export class AgentFault extends Error {
  override readonly name = "AgentFault";
}
