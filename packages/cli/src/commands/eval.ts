import { resolve } from "node:path";
import { readOutcomes } from "@parley/core/formats/outcome-inputs";
import { compileParties, type Scenario } from "@parley/core/model/scenario";
import type { IssueValue } from "@parley/core/model/space";
import { loadOptionsFrom, loadScenario, readText } from "../scenario-loader.js";

export interface EvalJson {
  parties: string[];
  /** utilities[k][i]: party i's utility (time 0, undiscounted) for outcome k. */
  utilities: number[][];
}

export interface EvalOptions {
  outcomes: string;
  json?: boolean;
  parties?: string;
  maxFileMb?: number;
}

/** `parley eval <scenario> --outcomes <file.json>` (declared in commands/index.ts). */
export async function evalOutcomes(path: string, opts: EvalOptions): Promise<void> {
  const load = loadOptionsFrom(opts);
  const scenario = await loadScenario(path, load);
  const file = readText(resolve(opts.outcomes), opts.outcomes, load.maxBytes ?? Number.POSITIVE_INFINITY);
  const outcomes = readOutcomes(scenario, file.text, opts.outcomes);
  const result = evaluate(scenario, outcomes);
  process.stdout.write(opts.json ? `${JSON.stringify(result)}\n` : table(scenario, outcomes, result));
}

export function evaluate(scenario: Scenario, outcomes: IssueValue[][]): EvalJson {
  const ufuns = compileParties(scenario);
  return {
    parties: scenario.parties.map((p) => p.name),
    utilities: outcomes.map((values) => ufuns.map((u) => u.utilityOfValues(values))),
  };
}

function table(scenario: Scenario, outcomes: IssueValue[][], result: EvalJson): string {
  const lines = outcomes.map((values, k) => {
    const label = scenario.space.issues.map((issue, i) => `${issue.name}=${values[i]}`).join(", ");
    const us = result.parties.map((p, i) => `${p} ${result.utilities[k][i].toFixed(6)}`).join("  ");
    return `${k + 1}. ${us}\n   ${label}`;
  });
  return `${lines.join("\n")}\n`;
}
