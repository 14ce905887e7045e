import { type AgreementRule, compileParties, type Scenario } from "@parley/core";

/**
 * Brute force under an agreement rule, for tests: every outcome enumerated,
 * each party's acceptance decided directly, coalitions listed as subsets.
 * Written without the core's coalition code.
 */
export interface RuleBruteForce {
  zoneSize: number;
  /** Packages every party accepts. */
  everyone: number;
  /** Minimal winning coalitions (sorted member lists) → packages all members accept. */
  coalitions: Map<string, number>;
  /** Per party: passing packages still passing without its yes; passing packages it rejects. */
  notNeeded: number[];
  overruled: number[];
  /** Open points each of whose options leaves only a losing coalition of parties that could accept it. */
  blockedOn: number[];
  /** Size of the largest winning coalition whose members all accept some package (0: none). */
  largestAgreeing: number;
  /** Best Nash product (gains over reservations) among coalitions of that size. */
  nashProduct: number | null;
}

export function passes(rule: AgreementRule, members: readonly number[], n: number): boolean {
  if (rule.kind === "unanimity") return members.length === n;
  if (!rule.vetoes.every((v) => members.includes(v))) return false;
  if (rule.kind === "quorum") return members.length >= rule.quorum;
  return members.reduce((a, p) => a + rule.powers[p], 0) >= rule.threshold - 1e-9;
}

function subsetsOf(n: number): number[][] {
  const out: number[][] = [];
  for (let m = 0; m < 1 << n; m++)
    out.push(Array.from({ length: n }, (_, p) => p).filter((p) => m & (1 << p)));
  return out;
}

export function ruleBruteForce(
  scenario: Scenario,
  rule: AgreementRule,
  settled: readonly (number | null)[],
): RuleBruteForce {
  const parties = compileParties(scenario);
  const n = parties.length;
  const r = parties.map((u) => u.profile.reservation);
  const isSettled = (i: number) => settled[i] !== null && settled[i] !== undefined;
  const rows = Array.from(scenario.space.enumerate(), (o) => [...o])
    .filter((o) => !settled.some((f, i) => isSettled(i) && o[i] !== f))
    .map((o) => {
      const u = parties.map((p) => p.utility(o));
      const clean = parties.map((p) => !p.crossesRedLine(o));
      const accept = parties.map((_, p) => clean[p] && u[p] >= r[p] - 5e-13);
      return { o, u, clean, acceptors: parties.map((_, p) => p).filter((p) => accept[p]) };
    });
  const subsets = subsetsOf(n);
  const winning = subsets.filter((s) => passes(rule, s, n));
  const minimal = winning.filter((s) =>
    s.every(
      (p) =>
        !passes(
          rule,
          s.filter((q) => q !== p),
          n,
        ),
    ),
  );
  const zone = rows.filter((x) => passes(rule, x.acceptors, n));
  const coalitions = new Map(
    minimal.map((w) => [w.join(","), rows.filter((x) => w.every((p) => x.acceptors.includes(p))).length]),
  );
  const notNeeded = parties.map(
    (_, p) =>
      zone.filter((x) =>
        passes(
          rule,
          x.acceptors.filter((q) => q !== p),
          n,
        ),
      ).length,
  );
  const overruled = parties.map((_, p) => zone.filter((x) => !x.acceptors.includes(p)).length);
  const { cardinalities } = scenario.space;
  const blockedOn = cardinalities
    .map((_, i) => i)
    .filter((i) => !isSettled(i))
    .filter((i) =>
      Array.from({ length: cardinalities[i] }, (_, k) => k).every((k) => {
        const able = parties
          .map((_, p) => p)
          .filter((p) => {
            if (parties[p].isRedLine(i, k)) return false;
            const best = Math.max(
              ...rows.filter((x) => x.o[i] === k && x.clean[p]).map((x) => x.u[p]),
              Number.NEGATIVE_INFINITY,
            );
            return best >= r[p] - 5e-13;
          });
        return !passes(rule, able, n);
      }),
    );
  let largestAgreeing = 0;
  let nashProduct: number | null = null;
  for (const w of winning) {
    const shared = rows.filter((x) => w.every((p) => x.acceptors.includes(p)));
    if (shared.length === 0 || w.length < largestAgreeing) continue;
    const product = Math.max(...shared.map((x) => w.reduce((a, p) => a * (x.u[p] - r[p]), 1)));
    if (w.length > largestAgreeing || nashProduct === null || product > nashProduct) nashProduct = product;
    largestAgreeing = w.length;
  }
  const everyone = rows.filter((x) => x.acceptors.length === n).length;
  return {
    zoneSize: zone.length,
    everyone,
    coalitions,
    notNeeded,
    overruled,
    blockedOn,
    largestAgreeing,
    nashProduct,
  };
}
