import type { Outcome } from "../../model/space.js";
import { SortedBidIndex } from "../bid-index.js";
import type { AcceptanceCondition, BiddingStrategy, BoaContext, OpponentModel } from "./boa.js";

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
  const others = ctx.opponents;
  if (bids instanceof SortedBidIndex) {
    // The same draws and choice as below, by position: no array of candidates per move.
    const picks = scratch(limit);
    const n = bids.positionsWithin(target, target + window, limit, rng, picks);
    if (n === 0) return bids.atLeast(target);
    const flat = bids.flat;
    const m = bids.issueCount;
    let best = picks[0];
    let bestScore = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < n; j++) {
      let score = 1;
      if (model.utilityIn)
        for (let o = 0; o < others.length; o++)
          score *= model.utilityIn(others[o], flat, picks[j] * m) + 1e-6;
      else {
        const c = bids.at(picks[j]);
        for (let o = 0; o < others.length; o++) score *= model.utility(others[o], c) + 1e-6;
      }
      if (score > bestScore) {
        bestScore = score;
        best = picks[j];
      }
    }
    return bids.at(best);
  }
  const candidates = bids.within(target, target + window, limit, rng);
  if (candidates.length === 0) return bids.atLeast(target);
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

/** Positions drawn by bestForOthers, reused across calls (bidding is synchronous and never nested). */
let picked = new Int32Array(64);
function scratch(size: number): Int32Array {
  if (picked.length < size) picked = new Int32Array(size);
  return picked;
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
  const picks = new Int32Array(candidates);
  return {
    bid(ctx) {
      const bids = ctx.setup.bids;
      const floor = ctx.floor;
      const t = ctx.state.t;
      const model = ctx.model;
      if (model && ctx.receivedCount > 0 && t - refreshedAt >= refreshEvery) {
        refreshedAt = t;
        nashUtility = estimateNash(ctx, model, floor, candidates, picks, nashUtility);
      }
      const top = bids.bestUtility;
      const aim = Math.max(floor, Math.min(nashUtility, top));
      const target =
        t < settleBy
          ? top - (top - aim) * (t / settleBy)
          : aim - (aim - floor) * ((t - settleBy) / (1 - settleBy));
      return bestForOthers(ctx, target, 0.05, 24);
    },
  };
}

/**
 * Own utility of the sampled outcome maximising (own utility − floor) × Π
 * the others' estimated utilities; `previous` when no candidate scores.
 * On a sorted index built from this seat's utility, candidates are read by
 * position (own utility from the index, the same number the function gives).
 */
function estimateNash(
  ctx: BoaContext,
  model: OpponentModel,
  floor: number,
  candidates: number,
  picks: Int32Array,
  previous: number,
): number {
  const { bids, rng } = ctx.setup;
  const others = ctx.opponents;
  let nash = previous;
  let bestScore = Number.NEGATIVE_INFINITY;
  if (bids instanceof SortedBidIndex && bids.source === ctx.setup.utility) {
    const n = bids.positionsWithin(floor, bids.bestUtility, candidates, rng, picks);
    const flat = bids.flat;
    const m = bids.issueCount;
    for (let j = 0; j < n; j++) {
      const k = picks[j];
      const u = bids.utilityAt(k);
      let score = u - floor;
      if (model.utilityIn)
        for (let o = 0; o < others.length; o++) score *= model.utilityIn(others[o], flat, k * m);
      else {
        const c = bids.at(k);
        for (let o = 0; o < others.length; o++) score *= model.utility(others[o], c);
      }
      if (score > bestScore) {
        bestScore = score;
        nash = u;
      }
    }
    return nash;
  }
  for (const c of bids.within(floor, bids.bestUtility, candidates, rng)) {
    let score = ctx.utility(c) - floor;
    for (const s of others) score *= model.utility(s, c);
    if (score > bestScore) {
      bestScore = score;
      nash = ctx.utility(c);
    }
  }
  return nash;
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
