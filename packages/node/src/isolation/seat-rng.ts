import { Rng } from "@parley/core/engine";

/** Seat `seat`'s generator for a negotiation seeded `seed`, drawn as runNegotiation draws it (one fork per seat, in order). */
export function seatRng(seed: number | string, seat: number): Rng {
  const root = new Rng(seed);
  let rng = root.fork("seat 0");
  for (let s = 1; s <= seat; s++) rng = root.fork(`seat ${s}`);
  return rng;
}
