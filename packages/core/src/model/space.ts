import { InputError } from "../errors.js";
import type { Rng } from "./rng.js";

/** One named option of a discrete issue; `value` is its identity. */
export interface IssueOption {
  value: string;
  description?: string;
}

interface IssueBase {
  /** The issue's identity (unique within a scenario). */
  name: string;
  /** A longer human title, e.g. "Line of contact and eastern territory". */
  title?: string;
  description?: string;
}

export interface DiscreteIssue extends IssueBase {
  kind: "discrete";
  options: IssueOption[];
}

export interface IntegerIssue extends IssueBase {
  kind: "integer";
  min: number;
  max: number;
}

/**
 * A real range. Offers may carry any value in [min, max]; enumeration and
 * search use a grid of `steps` evenly spaced points (both ends included).
 */
export interface RealIssue extends IssueBase {
  kind: "real";
  min: number;
  max: number;
  steps: number;
}

export type Issue = DiscreteIssue | IntegerIssue | RealIssue;

/** The value of one issue in an outcome, as people read it. */
export type IssueValue = string | number;

/** An outcome as people read it: issue name → value. */
export type OutcomeValues = Record<string, IssueValue>;

/**
 * Dense outcome: one option index per issue (discrete: option position;
 * integer: value − min; real: grid position).
 */
export type Outcome = ArrayLike<number>;

export const DEFAULT_REAL_STEPS = 11;

/** Number of options an issue has in the dense encoding. */
export function issueCardinality(issue: Issue): number {
  switch (issue.kind) {
    case "discrete":
      return issue.options.length;
    case "integer":
      return issue.max - issue.min + 1;
    case "real":
      return issue.steps;
  }
}

/**
 * The set of all outcomes: a mixed-radix product of the issues' options.
 * Index 0 is all-first-options; the last issue varies fastest.
 */
export class OutcomeSpace {
  readonly issues: readonly Issue[];
  readonly cardinalities: readonly number[];
  /** Exact number of outcomes. */
  readonly size: bigint;
  private readonly byName: Map<string, number>;

  constructor(issues: readonly Issue[]) {
    this.issues = issues;
    this.cardinalities = issues.map(issueCardinality);
    this.size = this.cardinalities.reduce((acc, n) => acc * BigInt(n), 1n);
    this.byName = new Map(issues.map((issue, i) => [issue.name, i]));
  }

  get issueCount(): number {
    return this.issues.length;
  }

  /** Index of the issue called `name`, or -1. */
  issueIndex(name: string): number {
    return this.byName.get(name) ?? -1;
  }

  /** The value people read for option `option` of issue `issue`. */
  valueOf(issue: number, option: number): IssueValue {
    const def = this.issues[issue];
    switch (def.kind) {
      case "discrete":
        return def.options[option].value;
      case "integer":
        return def.min + option;
      case "real":
        return realGridValue(def, option);
    }
  }

  /**
   * The dense option index of `value` on issue `issue`; throws InputError when
   * the value is not one of the issue's options (reals snap to the nearest grid point).
   */
  optionOf(issue: number, value: unknown): number {
    const def = this.issues[issue];
    const where = `issue "${def.name}"`;
    switch (def.kind) {
      case "discrete": {
        const k = def.options.findIndex((o) => o.value === String(value));
        if (k < 0) {
          throw new InputError(
            where,
            `"${String(value)}" is not one of its options (${def.options.map((o) => `"${o.value}"`).join(", ")})`,
          );
        }
        return k;
      }
      case "integer": {
        const x = typeof value === "number" ? value : Number(value);
        if (!Number.isInteger(x) || x < def.min || x > def.max) {
          throw new InputError(where, `${String(value)} is not an integer in [${def.min}, ${def.max}]`);
        }
        return x - def.min;
      }
      case "real": {
        const x = typeof value === "number" ? value : Number(value);
        if (!Number.isFinite(x) || x < def.min || x > def.max) {
          throw new InputError(where, `${String(value)} is not a number in [${def.min}, ${def.max}]`);
        }
        if (def.steps <= 1 || def.max === def.min) return 0;
        return Math.round(((x - def.min) / (def.max - def.min)) * (def.steps - 1));
      }
    }
  }

  /** Outcome → issue name → value. */
  toValues(outcome: Outcome): OutcomeValues {
    const out: OutcomeValues = {};
    for (let i = 0; i < this.issues.length; i++) out[this.issues[i].name] = this.valueOf(i, outcome[i]);
    return out;
  }

  /**
   * Issue name → value → dense outcome. Every issue must be present and no
   * unknown issue may appear; errors name the issue.
   */
  fromValues(values: Record<string, unknown>): number[] {
    for (const key of Object.keys(values)) {
      if (!this.byName.has(key)) throw new InputError(`issue "${key}"`, "is not an issue of this scenario");
    }
    return this.issues.map((issue, i) => {
      if (!(issue.name in values)) throw new InputError(`issue "${issue.name}"`, "has no value");
      return this.optionOf(i, values[issue.name]);
    });
  }

  /** The outcome at mixed-radix position `index` (0 ≤ index < size). */
  outcomeAt(index: bigint): number[] {
    if (index < 0n || index >= this.size) throw new RangeError(`outcome index ${index} out of range`);
    const out = new Array<number>(this.issues.length);
    let rest = index;
    for (let i = this.issues.length - 1; i >= 0; i--) {
      const n = BigInt(this.cardinalities[i]);
      out[i] = Number(rest % n);
      rest /= n;
    }
    return out;
  }

  /** The mixed-radix position of `outcome`. */
  indexOf(outcome: Outcome): bigint {
    let index = 0n;
    for (let i = 0; i < this.issues.length; i++)
      index = index * BigInt(this.cardinalities[i]) + BigInt(outcome[i]);
    return index;
  }

  /**
   * Every outcome in index order, lazily. The yielded array is reused between
   * steps (copy it to keep it): enumeration allocates nothing per outcome.
   */
  *enumerate(): Generator<Int32Array> {
    const n = this.issues.length;
    const cur = new Int32Array(n);
    if (this.size === 0n) return;
    for (;;) {
      yield cur;
      let i = n - 1;
      while (i >= 0) {
        cur[i]++;
        if (cur[i] < this.cardinalities[i]) break;
        cur[i] = 0;
        i--;
      }
      if (i < 0) return;
    }
  }

  /** A uniformly random outcome. */
  sample(rng: Rng): number[] {
    return this.cardinalities.map((n) => rng.int(n));
  }
}

export function realGridValue(issue: RealIssue, option: number): number {
  if (issue.steps <= 1) return issue.min;
  if (option === issue.steps - 1) return issue.max;
  return issue.min + ((issue.max - issue.min) * option) / (issue.steps - 1);
}
