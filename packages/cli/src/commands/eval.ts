import { resolve } from "node:path";
import {
  compileParties,
  InputError,
  type IssueValue,
  type Scenario,
  withLocation,
} from "@parley/core/engine";
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

/** Parses and checks a JSON list of outcomes against the scenario's issues. */
export function readOutcomes(scenario: Scenario, text: string, file: string): IssueValue[][] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new InputError(file, `is not valid JSON (${(err as Error).message})`);
  }
  if (!Array.isArray(raw))
    throw new InputError(file, 'must be a JSON list of outcomes like [{"issue": value}]');
  const { space } = scenario;
  return raw.map((item, k) =>
    withLocation(`${file}: [${k}]`, () => {
      if (typeof item !== "object" || item === null || Array.isArray(item))
        throw new InputError("outcome", 'is not an object like {"issue": value}');
      const values = item as Record<string, unknown>;
      space.fromValues(values); // names the missing, unknown or invalid issue value
      return space.issues.map((issue) => {
        const v = values[issue.name];
        return issue.kind === "discrete" ? String(v) : Number(v);
      });
    }),
  );
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
