import type { ValueFunction } from "../model/profile.js";
import type { Scenario } from "../model/scenario.js";
import type { OutcomeSpace } from "../model/space.js";
import { ruleToDocument } from "./parley-rule.js";
import type { ParleyScenarioDocument, ParleyScenarioParsed } from "./parley-schema.js";
import { PARLEY_FORMAT_VERSION } from "./parley-version.js";

// Writing needs neither the schemas (zod) nor a YAML library: `parley convert … out.json` loads only this.

/** A scenario in Parley JSON. */
export function writeParleyJson(scenario: Scenario): string {
  return `${JSON.stringify(parleyDocument(scenario), null, 2)}\n`;
}

/** A scenario as the plain document Parley's JSON and YAML files hold. */
export function parleyDocument(s: Scenario): ParleyScenarioDocument {
  const { space } = s;
  const names = s.parties.map((p) => p.name);
  return stripUndefined({
    parley: PARLEY_FORMAT_VERSION,
    name: s.name,
    title: s.title,
    description: s.description,
    source: s.source,
    issues: space.issues.map((issue) => {
      const base = { name: issue.name, title: issue.title, description: issue.description };
      if (issue.kind === "discrete") {
        return {
          ...base,
          options: issue.options.map((o) =>
            o.description ? { value: o.value, description: o.description } : o.value,
          ),
        };
      }
      if (issue.kind === "integer")
        return { ...base, kind: "integer" as const, min: issue.min, max: issue.max };
      return { ...base, kind: "real" as const, min: issue.min, max: issue.max, steps: issue.steps };
    }),
    parties: s.parties.map((p) => {
      const { utility, reservation, discount, redLines } = p.profile;
      const red: Record<string, (string | number)[]> = {};
      for (const r of redLines)
        (red[space.issues[r.issue].name] ??= []).push(space.valueOf(r.issue, r.option));
      const body =
        utility.type === "additive"
          ? {
              weights: Object.fromEntries(space.issues.map((issue, i) => [issue.name, utility.weights[i]])),
              values: Object.fromEntries(
                space.issues.map((issue, i) => [
                  issue.name,
                  valueFunctionToDocument(space, i, utility.values[i]),
                ]),
              ),
            }
          : {
              constraints: {
                maxUtility: utility.maxUtility,
                functions: utility.functions.map((f) => ({
                  weight: f.weight,
                  aggregation: f.aggregation,
                  rectangles: f.rectangles.map((r) => ({
                    utility: r.utility,
                    includes: r.bounds
                      .filter((b) => !b.exclude)
                      .map((b) => ({ issue: space.issues[b.issue].name, min: b.min, max: b.max })),
                    excludes: r.bounds
                      .filter((b) => b.exclude)
                      .map((b) => ({ issue: space.issues[b.issue].name, min: b.min, max: b.max })),
                  })),
                })),
              },
            };
      return stripUndefined({
        name: p.name,
        role: p.role,
        description: p.description,
        reservation,
        discount,
        ...body,
        redLines: redLines.length > 0 ? red : undefined,
      });
    }),
    agreement: s.rule && ruleToDocument(s.rule, names),
    agreementVariants: s.ruleVariants?.map((v) =>
      stripUndefined({ name: v.name, description: v.description, agreement: ruleToDocument(v.rule, names) }),
    ),
  });
}

type IssueValuesDoc = NonNullable<ParleyScenarioParsed["parties"][number]["values"]>[string];

function valueFunctionToDocument(space: OutcomeSpace, i: number, fn: ValueFunction): IssueValuesDoc {
  const issue = space.issues[i];
  if (fn.type !== "table") return numericFunctionDocument(fn);
  return Object.fromEntries(
    issue.kind === "discrete" ? issue.options.map((o, k) => [o.value, fn.values[k]]) : [],
  );
}

/** A number range's value function as a Parley file writes it. */
export function numericFunctionDocument(fn: Exclude<ValueFunction, { type: "table" }>): IssueValuesDoc {
  switch (fn.type) {
    case "linear":
      return { linear: { slope: fn.slope, offset: fn.offset, origin: fn.origin } };
    case "triangular":
      return { triangular: { low: fn.low, top: fn.top, high: fn.high } };
    case "piecewise":
      return { piecewise: fn.points };
  }
}

/** Drops keys whose value is undefined, so written files carry no empty fields. */
export function stripUndefined<T extends object>(o: T): T {
  for (const key of Object.keys(o) as (keyof T)[]) if (o[key] === undefined) delete o[key];
  return o;
}
