import { InputError } from "@parley/core/engine";

/** An error from loading agents in a worker, as plain data (an InputError's where and reason survive the thread boundary). */
export interface Refusal {
  where: string;
  reason: string;
}

export function refusalOf(err: unknown, fallbackWhere: string): Refusal {
  if (err instanceof InputError) return { where: err.where, reason: err.reason };
  return {
    where: fallbackWhere,
    reason: `cannot be loaded as an agent (${(err as Error)?.message ?? String(err)})`,
  };
}

export function refusalError(refusal: Refusal): InputError {
  return new InputError(refusal.where, refusal.reason);
}
