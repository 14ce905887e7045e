import { choiceLabels } from "./choices";
import type { Draft } from "./draft";
import type { Package } from "./elicit";

/** "price: low · delivery: fast", a package as people read it. */
export const packageText = (draft: Draft, pkg: Package) =>
  pkg
    .map((o, i) => `${draft.points[i].title || draft.points[i].name}: ${choiceLabels(draft.points[i])[o]}`)
    .join(" · ");

/** A utility as a score out of 100. */
export const score = (u: number) => Math.round(u * 100);
