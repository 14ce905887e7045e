/** The tournament form's fields as typed (number inputs give "" when empty). */
export interface TournamentForm {
  scenarios: string[];
  agents: string[];
  reps: number | string;
  rounds: number | string;
  seed: string;
}

export type FormErrors = Partial<Record<keyof TournamentForm, string>>;

/** The server's own bounds (docs/server.md), checked here first so the form says what is wrong where. */
const BOUNDS = { reps: [1, 10_000], rounds: [1, 100_000] } as const;

/** What is wrong with each field, if anything. */
export function validateTournament(form: TournamentForm): FormErrors {
  const errors: FormErrors = {};
  if (form.scenarios.length === 0) errors.scenarios = "Pick at least one scenario.";
  if (form.agents.length === 0) errors.agents = "Pick at least one agent.";
  for (const field of ["reps", "rounds"] as const) {
    const [lo, hi] = BOUNDS[field];
    const v = form[field];
    if (v === "" || !Number.isInteger(Number(v)) || Number(v) < lo || Number(v) > hi)
      errors[field] = `A whole number from ${lo} to ${hi.toLocaleString("en")}.`;
  }
  if (form.seed.trim() === "") errors.seed = "Give a seed: every random choice follows from it.";
  else if (form.seed.length > 100) errors.seed = "At most 100 characters.";
  return errors;
}

/** Negotiations a tournament plans: every line-up (agents^parties, self-play included) × reps, per scenario. */
export function plannedNegotiations(
  partiesPerScenario: readonly number[],
  agents: number,
  reps: number,
): number {
  return partiesPerScenario.reduce((sum, parties) => sum + agents ** parties, 0) * reps;
}
