import { InputError } from "../errors.js";

/**
 * How a deal is made: which sets of parties (coalitions) can pass a package.
 * A coalition is a bit mask over party positions (bit p: party p), so rules
 * cover up to 30 parties. Every rule is monotone: a coalition that wins keeps
 * winning when parties join it.
 */
export type AgreementRule =
  /** Every party's yes is needed (the default). */
  | { kind: "unanimity" }
  /** At least `quorum` parties, every veto holder among them. */
  | { kind: "quorum"; quorum: number; vetoes: number[] }
  /** Each party votes with its power; a deal needs at least `threshold` in total, every veto holder among them. */
  | { kind: "weighted"; powers: number[]; threshold: number; vetoes: number[] };

/** A named alternative rule a scenario carries (e.g. "signatories"). */
export interface RuleVariant {
  name: string;
  description?: string;
  rule: AgreementRule;
}

export const UNANIMITY: AgreementRule = { kind: "unanimity" };

/** Largest number of parties a coalition mask can hold. */
export const MAX_RULE_PARTIES = 30;

/** Tolerance of power sums (powers are written as decimals). */
const POWER_SLACK = 1e-9;

/**
 * Why a rule cannot be used with `names.length` parties, or null when it can:
 * a quorum outside 1..n, a veto naming no party, powers that can never reach
 * the threshold. Party names make the reasons readable.
 */
export function ruleProblem(rule: AgreementRule, names: readonly string[]): string | null {
  const n = names.length;
  if (rule.kind === "unanimity") return null;
  if (n > MAX_RULE_PARTIES) return `a ${rule.kind} rule covers at most ${MAX_RULE_PARTIES} parties, not ${n}`;
  const seen = new Set<number>();
  for (const v of rule.vetoes) {
    if (!Number.isInteger(v) || v < 0 || v >= n) return `veto ${v + 1} names no party (there are ${n})`;
    if (seen.has(v)) return `"${names[v]}" holds a veto twice`;
    seen.add(v);
  }
  if (rule.kind === "quorum") {
    if (!Number.isInteger(rule.quorum) || rule.quorum < 1)
      return `quorum ${rule.quorum} is not a positive whole number of parties`;
    if (rule.quorum > n) return `quorum ${rule.quorum} is larger than the number of parties (${n})`;
    return null;
  }
  if (rule.powers.length !== n) return `${rule.powers.length} powers for ${n} parties: give one per party`;
  const bad = rule.powers.findIndex((w) => !Number.isFinite(w) || w < 0);
  if (bad >= 0) return `the power of "${names[bad]}" is ${rule.powers[bad]}; powers are 0 or more`;
  if (!(rule.threshold > 0)) return `threshold ${rule.threshold} must be above 0`;
  const total = rule.powers.reduce((a, b) => a + b, 0);
  if (total < rule.threshold - POWER_SLACK)
    return `the powers add up to ${total}, which can never reach the threshold ${rule.threshold}`;
  return null;
}

/** Mask of all n parties. */
export function everyone(n: number): number {
  return n >= 31 ? -1 >>> 0 : (1 << n) - 1;
}

/** Mask of the veto holders (none under unanimity: there every party is needed anyway). */
export function vetoMask(rule: AgreementRule): number {
  return rule.kind === "unanimity" ? 0 : rule.vetoes.reduce((m, v) => m | (1 << v), 0);
}

export function popCount(mask: number): number {
  let m = mask >>> 0;
  let c = 0;
  while (m !== 0) {
    m &= m - 1;
    c++;
  }
  return c;
}

/** Whether the coalition `mask` of the n parties passes a package under the rule. */
export function wins(rule: AgreementRule, n: number, mask: number): boolean {
  if (rule.kind === "unanimity") return (mask & everyone(n)) >>> 0 === everyone(n) >>> 0;
  const vetoes = vetoMask(rule);
  if ((mask & vetoes) !== vetoes) return false;
  if (rule.kind === "quorum") return popCount(mask) >= rule.quorum;
  let power = 0;
  for (let p = 0; p < n; p++) if (mask & (1 << p)) power += rule.powers[p];
  return power >= rule.threshold - POWER_SLACK;
}

/** A predicate on coalitions, memoised: analyses ask it for the same masks millions of times. */
export function winningTest(rule: AgreementRule, n: number): (mask: number) => boolean {
  if (rule.kind === "unanimity") {
    const all = everyone(n) >>> 0;
    return (mask) => mask >>> 0 === all;
  }
  if (n <= 16) {
    const table = new Uint8Array(1 << n);
    for (let m = 0; m < table.length; m++) table[m] = wins(rule, n, m) ? 1 : 0;
    return (mask) => table[mask] === 1;
  }
  const memo = new Map<number, boolean>();
  return (mask) => {
    let w = memo.get(mask);
    if (w === undefined) memo.set(mask, (w = wins(rule, n, mask)));
    return w;
  };
}

/**
 * The minimal winning coalitions (no member can leave without the coalition
 * losing), ordered by size then by mask. Listed by enumeration over every
 * coalition, so only up to 20 parties.
 */
export function minimalWinningCoalitions(rule: AgreementRule, n: number): number[] {
  if (rule.kind === "unanimity") return [everyone(n)];
  if (n > 20) throw new RangeError(`coalitions of ${n} parties are too many to list (at most 20)`);
  const win = winningTest(rule, n);
  const out: number[] = [];
  for (let m = 1; m < 1 << n; m++) {
    if (!win(m)) continue;
    let minimal = true;
    for (let p = 0; p < n && minimal; p++) if (m & (1 << p) && win(m & ~(1 << p))) minimal = false;
    if (minimal) out.push(m);
  }
  return out.sort((a, b) => popCount(a) - popCount(b) || a - b);
}

/** Party positions in a mask, ascending. */
export function membersOf(mask: number, n: number): number[] {
  const out: number[] = [];
  for (let p = 0; p < n; p++) if (mask & (1 << p)) out.push(p);
  return out;
}

export function isUnanimity(rule: AgreementRule, n: number): boolean {
  return rule.kind === "unanimity" || (rule.kind === "quorum" && rule.quorum >= n);
}

/** The rule in words, with party names: "unanimity", "at least 3 of 4 parties, including A and B", … */
export function describeRule(rule: AgreementRule, names: readonly string[]): string {
  const list = (ps: readonly number[]) => {
    const ns = ps.map((p) => names[p]);
    return ns.length <= 1 ? (ns[0] ?? "") : `${ns.slice(0, -1).join(", ")} and ${ns.at(-1)}`;
  };
  if (rule.kind === "unanimity") return `unanimity (all ${names.length} parties)`;
  const vetoes = rule.vetoes.length > 0 ? `, including ${list(rule.vetoes)} (veto)` : "";
  if (rule.kind === "quorum") return `at least ${rule.quorum} of ${names.length} parties${vetoes}`;
  const powers = rule.powers.map((w, p) => `${names[p]} ${w}`).join(", ");
  return `a total power of at least ${rule.threshold} (${powers})${vetoes}`;
}

/**
 * The rule among the parties kept (0-based positions, in their new order):
 * vetoes of dropped parties go, a quorum is capped at the parties left, a
 * threshold at the power left.
 */
export function projectRule(rule: AgreementRule, kept: readonly number[]): AgreementRule {
  if (rule.kind === "unanimity") return rule;
  const vetoes = rule.vetoes.flatMap((v) => {
    const at = kept.indexOf(v);
    return at < 0 ? [] : [at];
  });
  if (rule.kind === "quorum") return { kind: "quorum", quorum: Math.min(rule.quorum, kept.length), vetoes };
  const powers = kept.map((p) => rule.powers[p]);
  const total = powers.reduce((a, b) => a + b, 0);
  return { kind: "weighted", powers, threshold: Math.min(rule.threshold, total), vetoes };
}

/** A party named, or given by 1-based position (as in `--parties`), → its 0-based position. A name wins over a position. */
export function partyAt(ref: string | number, names: readonly string[], where: string): number {
  if (typeof ref === "string" && names.includes(ref)) return names.indexOf(ref);
  if (typeof ref === "number" || /^\d+$/.test(ref)) {
    const k = Number(ref);
    if (k >= 1 && k <= names.length) return k - 1;
    throw new InputError(where, `there is no party ${k} (the scenario has ${names.length})`);
  }
  const at = names.indexOf(ref);
  if (at < 0) throw new InputError(where, `"${ref}" names no party (parties: ${names.join(", ")})`);
  return at;
}

/** The rule as JSON, with party names and its reading in words. */
export function ruleSummary(
  rule: AgreementRule,
  names: readonly string[],
): { kind: AgreementRule["kind"]; text: string } & Record<string, unknown> {
  const text = describeRule(rule, names);
  if (rule.kind === "unanimity") return { kind: "unanimity", text };
  const vetoes = rule.vetoes.map((v) => names[v]);
  if (rule.kind === "quorum") return { kind: "quorum", quorum: rule.quorum, vetoes, text };
  const powers = Object.fromEntries(names.map((n, p) => [n, rule.powers[p]]));
  return { kind: "weighted", powers, threshold: rule.threshold, vetoes, text };
}
