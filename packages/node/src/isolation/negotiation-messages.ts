import type { NegotiationResult, PlainScenario, ProtocolName, TraceEvent } from "@parley/core/engine";
import type { AgentRef } from "../agents/agent-ref.js";
import type { Refusal } from "./refusal.js";

/** A negotiation to run in a worker: plain data, so it crosses the thread boundary. */
export interface IsolatedRequest {
  protocol?: ProtocolName;
  /** One per party, in party order. */
  agents: AgentRef[];
  /** Mediated protocol only: a built-in mediator name. */
  mediator?: string;
  rounds?: number;
  /** Deadline in wall-clock milliseconds (default: a deadline in rounds only). */
  timeMs?: number;
  /** Wall-clock budget of one move (default: timeMs when given, else DEFAULT_MOVE_BUDGET_MS). */
  moveBudgetMs?: number;
  seed?: number | string;
  settled?: (number | null)[];
}

export interface NegotiationWorkerData {
  scenario: PlainScenario;
  request: IsolatedRequest;
  moveBudgetMs: number;
}

export type FromNegotiation =
  /** About to load agent `index` (a module that never finishes loading is named by the last of these). */
  | { type: "loading"; index: number }
  | { type: "refused"; refusal: Refusal }
  /** Every agent is loaded: the names their definitions give. */
  | { type: "loaded"; names: string[] }
  | { type: "event"; event: TraceEvent }
  /** The worker is about to call into this seat. */
  | { type: "seat"; seat: number; round: number }
  | { type: "done"; result: Omit<NegotiationResult, "trace" | "metrics"> };
