import type { Outcome } from "../../model/space.js";
import type { AcceptanceCondition, BiddingStrategy, BoaContext } from "./boa.js";

/** Time-dependent target: 1 − (1 − r)·t^(1/e), scaled to the best utility on offer and floored at r. */
export function timeTarget(ctx: BoaContext, e: number, floor = ctx.floor): number {
  const top = ctx.setup.bids.bestUtility;
  const target = top - (top - floor) * ctx.state.t ** (1 / e);
  return Math.max(floor, target);
}

/**
 * Among outcomes worth between `target` and `target + window` to this seat,
 * the one the opponent model rates best for the others (the product of their
 * estimates, so no one is left out); the plain nearest bid without a model.
 */
export function bestForOthers(ctx: BoaContext, target: number, window = 0.05, limit = 24): Outcome {
  const { bids, rng } = ctx.setup;
  const model = ctx.model;
  if (!model || ctx.receivedCount === 0) return bids.atLeast(target);
  const candidates = bids.within(target, target + window, limit, rng);
  if (candidates.length === 0) return bids.atLeast(target);
  const others = ctx.opponents;
  let best = candidates[0];
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const c of candidates) {
    let score = 1;
    for (const s of others) score *= model.utility(s, c) + 1e-6;
    if (score > bestScore) {
      bestScore = score;
      best = c;
    }
  }
  return best;
}

/** Boulware (e < 1), Linear (e = 1), Conceder (e > 1); with a model, picks the bid best for the others. */
export function timeDependent(e: number): BiddingStrategy {
  return { bid: (ctx) => bestForOthers(ctx, timeTarget(ctx, e)) };
}

/**
 * Relative tit-for-tat (Faratin et al. 1998, in utility terms): concede the
 * same share of its own range as the others have moved toward it, measured
 * on its own utility of their offers. A slow Boulware-like drift (t³) starts
 * the exchange, so two tit-for-tat seats do not stare at each other forever.
 */
export function relativeTitForTat(): BiddingStrategy {
  return {
    bid(ctx) {
      const top = ctx.setup.bids.bestUtility;
      if (ctx.receivedCount === 0) return ctx.setup.bids.best;
      const gap = top - ctx.firstReceived;
      const moved = gap > 0 ? (ctx.bestReceived - ctx.firstReceived) / gap : 1;
      const share = Math.min(1, Math.max(0, moved, ctx.state.t ** 3));
      return bestForOthers(ctx, Math.max(ctx.floor, top - (top - ctx.floor) * share));
    },
  };
}

/**
 * The bid near the estimated Nash point: with the frequency model it
 * estimates the outcome maximising (own gain) × Π (others' estimated
 * utilities), concedes linearly from its best to that estimate by t = 0.9,
 * then toward its reservation, so a deal stays possible when the estimate is off.
 */
export function nashSeeking(refreshEvery = 0.1, settleBy = 0.9, candidates = 100): BiddingStrategy {
  let nashUtility = 1;
  let refreshedAt = Number.NEGATIVE_INFINITY;
  return {
    bid(ctx) {
      const { bids, rng } = ctx.setup;
      const floor = ctx.floor;
      const t = ctx.state.t;
      if (ctx.model && ctx.receivedCount > 0 && t - refreshedAt >= refreshEvery) {
        refreshedAt = t;
        let bestScore = Number.NEGATIVE_INFINITY;
        for (const c of bids.within(floor, bids.bestUtility, candidates, rng)) {
          let score = ctx.utility(c) - floor;
          for (const s of ctx.opponents) score *= ctx.model.utility(s, c);
          if (score > bestScore) {
            bestScore = score;
            nashUtility = ctx.utility(c);
          }
        }
      }
      const top = bids.bestUtility;
      const aim = Math.max(floor, Math.min(nashUtility, top));
      const target =
        t < settleBy
          ? top - (top - aim) * (t / settleBy)
          : aim - (aim - floor) * ((t - settleBy) / (1 - settleBy));
      return bestForOthers(ctx, target);
    },
  };
}

/**
 * MiCRO (de Jonge 2022): walk down its own utility levels one step at a
 * time, but only after the others have made at least as many distinct offers
 * as it has made; otherwise repeat one of its earlier offers at random.
 * Accepts any offer worth at least the lowest level it has reached.
 */
export function micro(): { bidding: BiddingStrategy; acceptance: AcceptanceCondition } {
  const proposed: Outcome[] = [];
  const seen = new Set<string>();
  let lowest = Number.POSITIVE_INFINITY;
  const bidding: BiddingStrategy = {
    received(_ctx, _seat, offer) {
      seen.add(Array.prototype.join.call(offer, ","));
    },
    bid(ctx) {
      const { bids, rng } = ctx.setup;
      if (proposed.length === 0) {
        proposed.push(bids.best);
        lowest = bids.bestUtility;
        return bids.best;
      }
      if (seen.size >= proposed.length) {
        const lower = bids.below(lowest);
        if (lower && ctx.utility(lower) >= ctx.floor) {
          proposed.push(lower);
          lowest = ctx.utility(lower);
          return lower;
        }
      }
      return proposed[rng.int(proposed.length)];
    },
  };
  return { bidding, acceptance: (_ctx, offered) => offered >= lowest };
}

/** A uniformly random outcome worth at least its reservation. */
export function randomBidding(): BiddingStrategy {
  return {
    bid(ctx) {
      const { bids, rng } = ctx.setup;
      return bids.within(ctx.floor, bids.bestUtility, 1, rng)[0] ?? bids.best;
    },
  };
}
