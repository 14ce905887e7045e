import { z } from "zod";

/** `POST /api/tournaments`: bundled scenarios × this server's agents × repetitions. */
export const createTournamentSchema = z
  .object({
    scenarios: z.array(z.string().min(1).max(200)).min(1).max(50),
    agents: z.array(z.string().min(1).max(100)).min(1).max(30),
    reps: z.number().int().min(1).max(10_000).default(1),
    rounds: z.number().int().min(1).max(100_000).default(100),
    seed: z
      .union([z.string().max(100), z.number().int()], {
        error: "must be a whole number or a string of at most 100 characters",
      })
      .default("0")
      .transform((s) => String(s)),
  })
  .strict();

export type CreateTournament = z.output<typeof createTournamentSchema>;

/** What a tournament was asked to do, as stored and shown. */
export interface TournamentRequestBody {
  scenarios: string[];
  agents: string[];
  reps: number;
  rounds: number;
  seed: string;
}
