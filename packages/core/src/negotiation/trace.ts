import type { OutcomeSpace } from "../model/space.js";
import type { NegotiationResult } from "./run.js";
import type { TraceEvent } from "./types.js";

/** A trace event as written out: offers as {issue: value}. */
export function serialiseEvent(space: OutcomeSpace, event: TraceEvent): Record<string, unknown> {
  const { round, t, ms, seat, action, offer, utilities, vote, reason, issue } = event;
  const out: Record<string, unknown> = { round, t };
  if (ms !== undefined) out.ms = ms;
  Object.assign(out, { seat, action });
  if (offer) out.offer = space.toValues(offer);
  if (utilities) out.utilities = utilities;
  if (vote) out.vote = vote;
  if (reason) out.reason = reason;
  if (issue !== undefined) out.issue = space.issues[issue].name;
  return out;
}

/** The trace as JSON Lines, one event per line. Same seed and round deadline ⇒ the same bytes. */
export function traceToJsonl(space: OutcomeSpace, trace: readonly TraceEvent[]): string {
  return trace.map((e) => `${JSON.stringify(serialiseEvent(space, e))}\n`).join("");
}

/** The `--json` summary of a negotiation: scripts rely on these keys, in this order. */
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
  };
}
