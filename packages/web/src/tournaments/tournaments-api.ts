import type { PairwiseMatrix, VegaLiteSpec } from "@parley/core";
import { api } from "../api";
import { forgetOwnerToken, keepOwnerToken, ownerToken } from "./owner-tokens";

/** An agent of the server, as GET /api/agents lists it. */
export interface AgentSummary {
  name: string;
  description: string;
  source: "builtin" | "module";
}

/** What a tournament is asked to run (POST /api/tournaments). */
export interface TournamentRequest {
  scenarios: string[];
  agents: string[];
  reps: number;
  rounds: number;
  seed: string;
}

export type TournamentState = "queued" | "running" | "done" | "failed" | "cancelled";

export interface TournamentCounts {
  planned: number;
  finished: number;
  failed: number;
}

export interface TournamentSummary {
  id: string;
  request: TournamentRequest;
  state: TournamentState;
  createdAt: number;
  startedAt?: number;
  finishedAt?: number;
  error?: string;
  counts: TournamentCounts;
}

/** A mean (null without data) and its 95% interval (null with fewer than two observations). */
export interface Estimate {
  n: number;
  mean: number | null;
  ci: [number, number] | null;
}

export interface AgentScore {
  name: string;
  seats: number;
  failures: number;
  utility: Estimate;
  advantage: Estimate;
  agreementRate: Estimate;
  welfare: Estimate;
  paretoDistance: Estimate;
  nashDistance: Estimate;
}

/** Mean utility of the row agent where the column agent held another seat; null where they never met (as in JSON). */
export type PairwiseJson = PairwiseMatrix;

/** The core's Leaderboard as JSON (NaN, no data, arrives as null). */
export interface LeaderboardJson {
  negotiations: number;
  failed: number;
  planned: number;
  agents: AgentScore[];
  pairwise: PairwiseJson;
}

export interface TournamentView extends TournamentSummary {
  resumedFrom: TournamentCounts | null;
  leaderboard: LeaderboardJson | null;
  retired: { agent: string; reason: string }[];
}

const path = (id: string) => `/api/tournaments/${encodeURIComponent(id)}`;

export const listAgents = () => api<AgentSummary[]>("/api/agents");
export const listTournaments = () => api<TournamentSummary[]>("/api/tournaments");
export const getTournament = (id: string) => api<TournamentView>(path(id));
export const tournamentPlot = (id: string) => api<VegaLiteSpec>(`${path(id)}/plot`);
export const createTournament = async (request: TournamentRequest) => {
  const created = await api<{ id: string; token: string }>("/api/tournaments", {
    method: "POST",
    body: JSON.stringify(request),
  });
  keepOwnerToken(created.id, created.token);
  return created;
};
export const cancelTournament = (id: string) =>
  api<TournamentSummary>(`${path(id)}/cancel`, { method: "POST", token: ownerToken(id) });
export const deleteTournament = async (id: string) => {
  await api<void>(path(id), { method: "DELETE", token: ownerToken(id) });
  forgetOwnerToken(id);
};
export const csvHref = (id: string, file: "leaderboard" | "results") => `${path(id)}/${file}.csv`;

/** Still going: watched by polling. */
export const isActive = (state: TournamentState) => state === "queued" || state === "running";
