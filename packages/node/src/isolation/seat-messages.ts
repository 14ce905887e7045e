import type {
  Deadline,
  Expectation,
  Move,
  PlainScenario,
  ProtocolName,
  VisibleEvent,
} from "@parley/core/engine";
import type { AgentRef } from "../agents/agent-ref.js";

/** What a seat worker is told when it starts (its workerData). */
export interface SeatWorkerData {
  ref: AgentRef;
  scenario: PlainScenario;
  seat: number;
  protocol: ProtocolName;
  deadline: Deadline;
  seed: number | string;
}

export type ToSeat =
  | { type: "act"; id: number; expectation: Expectation }
  | { type: "inform"; event: VisibleEvent };

export type FromSeat =
  /** About to load the agent (its load budget starts now). */
  | { type: "loading" }
  /** Loaded and initialised (or its init threw: `fault`). */
  | { type: "ready"; name: string; fault?: string }
  /** The module could not be loaded or is not an agent. */
  | { type: "refused"; where: string; reason: string }
  | { type: "move"; id: number; move: Move }
  /** The seat is ended: a call into it threw, or it threw later from a timer or promise. */
  | { type: "fault"; reason: string };
