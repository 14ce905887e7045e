import {
  type AgentDefinition,
  type JobResult,
  type PreparedScenario,
  runNegotiation,
  type ScenarioAnalysis,
  type TournamentSettings,
} from "@parley/core/engine";

/** What a worker needs of a planned job. */
export interface WorkerJob {
  id: string;
  scenario: number;
  lineup: number[];
  seed: number;
}

/**
 * Runs one planned negotiation exactly as `parley negotiate <scenario>
 * --agents … --rounds <rounds> --seed <job.seed>` does, without a trace.
 * Seat faults (a throw, an invalid move) make the job failed, with the
 * reason and the negotiation's score (the faulty seat ended it without agreement).
 */
export function runJob(
  prepared: PreparedScenario,
  analysis: ScenarioAnalysis,
  agents: readonly AgentDefinition[],
  settings: TournamentSettings,
  job: WorkerJob,
  onSeatCall?: (seat: number) => void,
): JobResult {
  const result = runNegotiation(prepared, {
    protocol: settings.protocol,
    agents: job.lineup.map((a) => agents[a]),
    rounds: settings.rounds,
    seed: job.seed,
    analysis,
    keepTrace: false,
    onSeatCall,
  });
  const m = result.metrics!;
  const score = {
    agreement: m.agreement,
    rounds: m.rounds,
    utilities: m.utilities,
    advantages: m.advantages,
    welfare: m.welfare,
    paretoDistance: m.paretoDistance,
    nashDistance: m.nashDistance,
  };
  if (result.errors.length === 0) return { jobId: job.id, status: "ok", score };
  const reason = result.errors.map((e) => `seat ${e.seat + 1} (${e.agent}) ${e.reason}`).join("; ");
  return { jobId: job.id, status: "failed", reason, faultSeats: result.errors.map((e) => e.seat), score };
}
