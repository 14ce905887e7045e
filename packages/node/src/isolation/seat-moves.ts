import { type Expectation, type Move, type Negotiator, Rng, type UtilityFunction } from "@parley/core/engine";

/**
 * Asks a synchronous negotiator for the move a session expects: the same
 * rules as runNegotiation's seats (a seat without compare/ratify answers
 * truthfully from its own utility), for a seat that lives apart from its session.
 */
export function moveOf(negotiator: Negotiator, expected: Expectation, utility: UtilityFunction): Move {
  const { state } = expected;
  switch (expected.kind) {
    case "offer": {
      if (expected.offer === null) return { type: "offer", outcome: negotiator.propose(state) };
      const answer = negotiator.respond(expected.offer, expected.from, state);
      if (answer === "accept" || answer === "end") return { type: answer };
      if (answer === "reject") return { type: "offer", outcome: negotiator.propose(state) };
      throw new Error(
        `invalid move: respond returned ${JSON.stringify(answer)} (expected accept, reject or end)`,
      );
    }
    case "vote": {
      if (negotiator.compare)
        return { type: "vote", vote: negotiator.compare(expected.revision, expected.draft, state) };
      const delta = utility.utility(expected.revision) - utility.utility(expected.draft);
      return { type: "vote", vote: delta > 1e-12 ? "better" : delta < -1e-12 ? "worse" : "same" };
    }
    case "ratify": {
      const yes = negotiator.ratify
        ? negotiator.ratify(expected.draft, state)
        : utility.utility(expected.draft) >= utility.profile.reservation &&
          !utility.crossesRedLine(expected.draft);
      return { type: yes ? "accept" : "reject" };
    }
    default:
      throw new Error(`invalid move: a negotiator does not take the mediator's turn ("${expected.kind}")`);
  }
}

/** Seat `seat`'s generator for a negotiation seeded `seed`, drawn as runNegotiation draws it (one fork per seat, in order). */
export function seatRng(seed: number | string, seat: number): Rng {
  const root = new Rng(seed);
  let rng = root.fork("seat 0");
  for (let s = 1; s <= seat; s++) rng = root.fork(`seat ${s}`);
  return rng;
}
