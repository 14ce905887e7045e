import type { z } from "zod";
import { InputError } from "../errors.js";
import { type AgreementRule, partyAt, ruleProblem } from "../model/agreement-rule.js";
import type { agreementRuleSchema } from "./parley-schema.js";

type RuleDoc = z.output<typeof agreementRuleSchema>;
type RuleDocInput = z.input<typeof agreementRuleSchema>;

/**
 * An agreement rule as written (party names or 1-based positions) → the
 * model's rule (0-based positions); `where` names the field in errors.
 */
export function ruleFromDocument(doc: RuleDoc, names: readonly string[], where: string): AgreementRule {
  if (doc === "unanimity") return { kind: "unanimity" };
  const vetoes = doc.vetoes.map((v, k) => partyAt(v, names, `${where}.vetoes[${k}]`));
  let rule: AgreementRule;
  if ("quorum" in doc) {
    rule = { kind: "quorum", quorum: doc.quorum, vetoes };
  } else {
    for (const name of Object.keys(doc.powers)) partyAt(name, names, `${where}.powers`);
    const missing = names.filter((n) => doc.powers[n] === undefined);
    if (missing.length > 0)
      throw new InputError(`${where}.powers`, `gives no power to ${missing.map((n) => `"${n}"`).join(", ")}`);
    rule = { kind: "weighted", powers: names.map((n) => doc.powers[n]), threshold: doc.threshold, vetoes };
  }
  const problem = ruleProblem(rule, names);
  if (problem !== null) throw new InputError(where, problem);
  return rule;
}

/** The model's rule as people write it: party names throughout. */
export function ruleToDocument(rule: AgreementRule, names: readonly string[]): RuleDocInput {
  if (rule.kind === "unanimity") return "unanimity";
  const vetoes = rule.vetoes.map((v) => names[v]);
  if (rule.kind === "quorum") return { quorum: rule.quorum, vetoes };
  return {
    powers: Object.fromEntries(names.map((n, p) => [n, rule.powers[p]])),
    threshold: rule.threshold,
    vetoes,
  };
}
