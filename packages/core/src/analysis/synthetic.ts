import type { Profile } from "../model/profile.js";
import { Rng } from "../model/rng.js";
import type { Scenario } from "../model/scenario.js";
import { OutcomeSpace } from "../model/space.js";

export interface SyntheticSpec {
  parties: number;
  issues: number;
  options: number;
  seed: number | string;
  /** Reservation value of every party (default 0). */
  reservation?: number;
  /**
   * "random" (default): independent values per party. "opposed": each
   * option's values across the parties are a random point of the simplex
   * (summing to 1), then scaled so each party's best option is 1: every point
   * is a pure conflict and frontiers grow large.
   */
  values?: "random" | "opposed";
}

/**
 * A random additive scenario for tests and benchmarks: issues "i1".., options
 * "o1".., random weights summing to 1 and per-option values in [0, 1] with a
 * 1 on each issue (as GENIUS normalises). Same seed, same scenario.
 */
export function syntheticScenario(spec: SyntheticSpec): Scenario {
  const rng = new Rng(spec.seed);
  const issues = Array.from({ length: spec.issues }, (_, i) => ({
    name: `i${i + 1}`,
    kind: "discrete" as const,
    options: Array.from({ length: spec.options }, (_, k) => ({ value: `o${k + 1}` })),
  }));
  const parties = Array.from({ length: spec.parties }, (_, p) => ({
    name: `P${p + 1}`,
    profile: randomProfile(rng, spec),
  }));
  if (spec.values === "opposed")
    opposeValues(
      rng,
      spec,
      parties.map((p) => p.profile),
    );
  return {
    name: `synthetic-${spec.parties}x${spec.issues}x${spec.options}`,
    space: new OutcomeSpace(issues),
    parties,
  };
}

function randomProfile(rng: Rng, spec: SyntheticSpec): Profile {
  const raw = Array.from({ length: spec.issues }, () => rng.next() + 0.05);
  const total = raw.reduce((a, b) => a + b, 0);
  return {
    utility: {
      type: "additive",
      weights: raw.map((w) => w / total),
      values: raw.map(() => {
        const values = Array.from({ length: spec.options }, () => rng.next());
        values[rng.int(spec.options)] = 1;
        return { type: "table" as const, values };
      }),
    },
    reservation: spec.reservation ?? 0,
    discount: 1,
    redLines: [],
  };
}

function opposeValues(rng: Rng, spec: SyntheticSpec, profiles: Profile[]): void {
  for (let i = 0; i < spec.issues; i++) {
    const rows = Array.from({ length: spec.options }, () => {
      const raw = profiles.map(() => -Math.log(1 - rng.next()));
      const sum = raw.reduce((a, b) => a + b, 0);
      return raw.map((x) => x / sum);
    });
    profiles.forEach((profile, p) => {
      const column = rows.map((row) => row[p]);
      const top = Math.max(...column);
      if (profile.utility.type === "additive") {
        profile.utility.values[i] = { type: "table", values: column.map((x) => x / top) };
      }
    });
  }
}
