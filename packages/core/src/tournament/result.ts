/** What one finished negotiation scored, per seat in party order. */
export interface NegotiationScore {
  agreement: boolean;
  /** Rounds started. */
  rounds: number;
  /** Each seat's utility at the end (discounted at agreement; its reservation value without one). */
  utilities: number[];
  /** Each seat's utility minus its reservation value (both at the same time). */
  advantages: number[];
  /** Sum of the seats' utilities. */
  welfare: number;
  /** Distance of the result (utility vector) to the nearest Pareto frontier point; null when unknown. */
  paretoDistance: number | null;
  /** Distance of the result to the Nash bargaining point; null when the scenario has none. */
  nashDistance: number | null;
}

/**
 * The stored outcome of one planned negotiation. `failed` means it did not
 * end normally (a seat threw or moved invalidly, the run overran its
 * wall-clock budget, its worker died): `reason` says why; `score` is present
 * when the negotiation itself still ended (a seat fault), null when the run was cut off.
 */
export interface JobResult {
  jobId: string;
  status: "ok" | "failed";
  reason?: string;
  /** Failed: the seats (party positions) at fault, when known; absent when the whole run is to blame. */
  faultSeats?: number[];
  score: NegotiationScore | null;
}
