import type { OutcomeSpace } from "../model/space.js";
import type { NegotiationResult } from "./run.js";
import type { TraceEvent } from "./types.js";

/** A trace event as written out: offers as {issue: value}. */
export function serialiseEvent(space: OutcomeSpace, event: TraceEvent): Record<string, unknown> {
  const { offer, ...rest } = event;
  return offer ? { ...rest, offer: space.toValues(offer) } : rest;
}

/** The trace as JSON Lines, one event per line. Same seed and round deadline ⇒ the same bytes. */
export function traceToJsonl(space: OutcomeSpace, trace: readonly TraceEvent[]): string {
  return trace.map((e) => `${JSON.stringify(serialiseEvent(space, e))}\n`).join("");
}

/** The `--json` summary of a negotiation (issue 4's shape, plus protocol, agents and the end). */
export function resultSummary(result: NegotiationResult): Record<string, unknown> {
  const m = result.metrics;
  return {
    agreement: result.agreementValues,
    rounds: result.rounds,
    utilities: m?.utilities ?? null,
    advantages: m?.advantages ?? null,
    welfare: m?.welfare ?? null,
    paretoDistance: m?.paretoDistance ?? null,
    nashDistance: m?.nashDistance ?? null,
    ksDistance: m?.ksDistance ?? null,
    errors: result.errors,
    protocol: result.protocol,
    agents: result.agents,
    ...(result.mediator ? { mediator: result.mediator } : {}),
    endedBy: result.endedBy,
    t: result.t,
  };
}
