import { Badge } from "@mantine/core";
import { TONE } from "../components/colors";
import type { TournamentRequest, TournamentState } from "./tournaments-api";

const STATES: Record<TournamentState, { label: string; color: string }> = {
  queued: { label: "waiting to run", color: TONE.neutral },
  running: { label: "running", color: TONE.info },
  done: { label: "done", color: TONE.good },
  failed: { label: "failed", color: TONE.bad },
  cancelled: { label: "cancelled", color: TONE.warn },
};

export function StateBadge({ state }: { state: TournamentState }) {
  return (
    <Badge color={STATES[state].color} variant="filled">
      {STATES[state].label}
    </Badge>
  );
}

/** "2 scenarios × 3 agents × 5 reps, 100 rounds, seed 0". */
export function requestText(r: TournamentRequest): string {
  const n = (k: number, what: string) => `${k} ${what}${k === 1 ? "" : "s"}`;
  return `${n(r.scenarios.length, "scenario")} × ${n(r.agents.length, "agent")} × ${n(r.reps, "rep")}, ${r.rounds} rounds, seed ${r.seed}`;
}
