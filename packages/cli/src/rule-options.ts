import type { AgreementRule, Scenario } from "@parley/core";
import { InputError } from "@parley/core/errors";
import { type Command, Option } from "commander";

/** `--quorum K` and `--veto A,B`: how a deal is made, overriding the scenario's rule. */
export interface RuleOverride {
  quorum?: number;
  veto?: string;
}

/** Adds `--quorum` and `--veto` to a command that reads a scenario. */
export function ruleOptions(cmd: Command): Command {
  return cmd
    .addOption(
      new Option(
        "--quorum <k>",
        "a deal needs the yes of at least k parties (overrides the scenario's rule)",
      ).argParser((value: string) => {
        const n = Number(value);
        if (!Number.isInteger(n) || n < 1)
          throw new InputError("--quorum", `"${value}" is not a positive whole number of parties`);
        return n;
      }),
    )
    .option(
      "--veto <list>",
      "parties whose yes every deal needs: names or 1-based positions as in --parties (e.g. 1,2)",
    );
}

/**
 * The scenario under the overridden rule: a quorum rule with the quorum given
 * (else the scenario's quorum, else every party) and the veto holders given
 * (else the scenario's). `--veto` alone on a weighted rule keeps its powers.
 */
export async function applyRuleOverride(scenario: Scenario, override: RuleOverride): Promise<Scenario> {
  if (override.quorum === undefined && override.veto === undefined) return scenario;
  const { partyAt, ruleOf, ruleProblem } = await import("@parley/core/engine");
  const names = scenario.parties.map((p) => p.name);
  const current = ruleOf(scenario);
  const vetoes =
    override.veto === undefined
      ? current.kind === "unanimity"
        ? []
        : current.vetoes
      : override.veto.split(",").map((v) => partyAt(v.trim(), names, "--veto"));
  if (new Set(vetoes).size !== vetoes.length) throw new InputError("--veto", "names a party twice");
  let rule: AgreementRule;
  if (override.quorum === undefined && current.kind === "weighted") rule = { ...current, vetoes };
  else {
    const quorum = override.quorum ?? (current.kind === "quorum" ? current.quorum : names.length);
    rule = { kind: "quorum", quorum, vetoes };
  }
  const problem = ruleProblem(rule, names);
  if (problem !== null) throw new InputError(override.quorum === undefined ? "--veto" : "--quorum", problem);
  return { ...scenario, rule };
}
