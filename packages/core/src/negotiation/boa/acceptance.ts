import type { AcceptanceCondition } from "./boa.js";

/** AC_next(α, β): accept when α·offered + β ≥ the utility of the bid it would make next. */
export const acNext =
  (alpha = 1, beta = 0): AcceptanceCondition =>
  (_ctx, offered, next) =>
    alpha * offered + beta >= next;

/** AC_const(c): accept any offer worth at least c. */
export const acConst =
  (c: number): AcceptanceCondition =>
  (_ctx, offered) =>
    offered >= c;

/** AC_time(T): accept anything once normalised time reaches T. */
export const acTime =
  (deadline: number): AcceptanceCondition =>
  (ctx) =>
    ctx.state.t >= deadline;

/** AC_max(T): after time T, accept an offer at least as good as the best received so far. */
export const acBestAfter =
  (deadline: number): AcceptanceCondition =>
  (ctx, offered) =>
    ctx.state.t >= deadline && offered >= ctx.bestReceived;

/** Accept with probability p (from the seat's seeded Rng). */
export const acRandom =
  (p: number): AcceptanceCondition =>
  (ctx) =>
    ctx.setup.rng.next() < p;

/** Accept when any of the conditions accepts. */
export const anyOf =
  (...conditions: AcceptanceCondition[]): AcceptanceCondition =>
  (ctx, offered, next) => {
    for (let i = 0; i < conditions.length; i++) if (conditions[i](ctx, offered, next)) return true;
    return false;
  };

/** Accept when all of the conditions accept. */
export const allOf =
  (...conditions: AcceptanceCondition[]): AcceptanceCondition =>
  (ctx, offered, next) => {
    for (let i = 0; i < conditions.length; i++) if (!conditions[i](ctx, offered, next)) return false;
    return true;
  };
