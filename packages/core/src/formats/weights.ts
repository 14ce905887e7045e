import { InputError } from "../errors.js";

const WEIGHT_SUM_TOLERANCE = 1e-6;

/**
 * Checks an additive profile's issue weights: all 0 is refused (every package
 * would be worth 0 to the party, so it could never prefer one deal to
 * another); a sum other than 1 is used as written, with a warning.
 */
export function checkWeights(weights: readonly number[], where: string, warnings?: string[]): void {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0)
    throw new InputError(where, "every issue weight is 0, so every package would be worth 0 to this party");
  if (warnings && Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE)
    warnings.push(`${where}: weights sum to ${sum}, not 1; used as written (as GENIUS does)`);
}
