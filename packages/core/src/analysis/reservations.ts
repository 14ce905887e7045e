import { QUANTUM } from "./dominance.js";

/** Half a quantum: a utility within it of the reservation counts as reaching it (12-decimal rule). */
const SLACK = 0.5 / QUANTUM;

/** True when a utility reaches a reservation value (12-decimal rule). */
export function reaches(utility: number, reservation: number): boolean {
  return utility >= reservation - SLACK;
}

/** True when every utility reaches its party's reservation value. */
export function meetsReservations(utilities: ArrayLike<number>, reservation: readonly number[]): boolean {
  for (let p = 0; p < reservation.length; p++) if (utilities[p] < reservation[p] - SLACK) return false;
  return true;
}
