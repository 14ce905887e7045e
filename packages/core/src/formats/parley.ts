import { InputError } from "../errors.js";
import type { ConstraintFunction, Profile, RedLine, ValueFunction } from "../model/profile.js";
import type { Party, Scenario } from "../model/scenario.js";
import { DEFAULT_REAL_STEPS, type Issue, type OutcomeSpace } from "../model/space.js";
import { parseDocument } from "./document.js";
import { parleyDocument, stripUndefined, writeParleyJson } from "./parley-document.js";
import { ruleFromDocument } from "./parley-rule.js";
import { type ParleyScenarioParsed, parleyScenarioSchema } from "./parley-schema.js";
import { checkedSpace } from "./space-limits.js";
import { checkWeights } from "./weights.js";
import { writeYaml } from "./yaml-text.js";

export type ParleyTextFormat = "json" | "yaml";

/** Reads a Parley scenario from JSON or YAML text; `file` names it in errors. */
export function readParleyScenario(text: string, file: string): Scenario {
  return fromDocument(parseDocument(text, file, parleyScenarioSchema), file);
}

/** Writes a scenario in Parley's format (JSON alone: `writeParleyJson` in parley-document.ts). */
export function writeParleyScenario(scenario: Scenario, format: ParleyTextFormat = "yaml"): string {
  return format === "json" ? writeParleyJson(scenario) : writeYaml(parleyDocument(scenario));
}

function fromDocument(doc: ParleyScenarioParsed, file: string): Scenario {
  const seen = new Set<string>();
  const issues: Issue[] = doc.issues.map((d, i) => {
    const where = `${file}: issues[${i}]`;
    if (seen.has(d.name)) throw new InputError(where, `issue name "${d.name}" is used twice`);
    seen.add(d.name);
    const base = { name: d.name, title: d.title, description: d.description };
    if (d.kind === "integer") {
      if (d.min > d.max) throw new InputError(where, `min ${d.min} is greater than max ${d.max}`);
      return { ...base, kind: "integer", min: d.min, max: d.max };
    }
    if (d.kind === "real") {
      if (d.min > d.max) throw new InputError(where, `min ${d.min} is greater than max ${d.max}`);
      return { ...base, kind: "real", min: d.min, max: d.max, steps: d.steps ?? DEFAULT_REAL_STEPS };
    }
    const options = d.options.map((o) => (typeof o === "string" ? { value: o } : o));
    const values = new Set<string>();
    for (const o of options) {
      if (values.has(o.value)) throw new InputError(where, `option "${o.value}" is listed twice`);
      values.add(o.value);
    }
    return { ...base, kind: "discrete", options };
  });
  const space = checkedSpace(stripUndefined(issues), file, (i) => `${file}: issues[${i}]`);
  const partyNames = new Set<string>();
  const parties = doc.parties.map((p, k) => {
    const where = `${file}: parties[${k}]`;
    if (partyNames.has(p.name)) throw new InputError(where, `party name "${p.name}" is used twice`);
    partyNames.add(p.name);
    return partyFromDocument(space, p, where);
  });
  const names = parties.map((p) => p.name);
  return stripUndefined({
    name: doc.name,
    title: doc.title,
    description: doc.description,
    source: doc.source,
    space,
    parties,
    rule: doc.agreement && ruleFromDocument(doc.agreement, names, `${file}: agreement`),
    ruleVariants: doc.agreementVariants?.map((v, k) =>
      stripUndefined({
        name: v.name,
        description: v.description,
        rule: ruleFromDocument(v.agreement, names, `${file}: agreementVariants[${k}].agreement`),
      }),
    ),
  });
}

type PartyDoc = ParleyScenarioParsed["parties"][number];

function partyFromDocument(space: OutcomeSpace, p: PartyDoc, where: string): Party {
  const issueAt = (name: string, field: string): number => {
    const i = space.issueIndex(name);
    if (i < 0) throw new InputError(`${where}.${field}`, `"${name}" is not an issue of this scenario`);
    return i;
  };
  let utility: Profile["utility"];
  if (p.constraints) {
    if (p.weights || p.values)
      throw new InputError(where, "has both constraints and weights/values: choose one kind of profile");
    utility = {
      type: "constraint",
      maxUtility: p.constraints.maxUtility,
      functions: p.constraints.functions.map(
        (f, fi): ConstraintFunction => ({
          weight: f.weight,
          aggregation: f.aggregation,
          rectangles: f.rectangles.map((r, ri) => ({
            utility: r.utility,
            bounds: [
              ...r.includes.map((b) => ({ ...b, exclude: false })),
              ...r.excludes.map((b) => ({ ...b, exclude: true })),
            ].map((b) => {
              const field = `constraints.functions[${fi}].rectangles[${ri}]`;
              const issue = issueAt(b.issue, field);
              // Bounds compare issue values; only integer issues have values to compare.
              if (space.issues[issue].kind !== "integer")
                throw new InputError(`${where}.${field}`, `"${b.issue}" is not an integer issue`);
              return { issue, min: b.min, max: b.max, exclude: b.exclude };
            }),
          })),
        }),
      ),
    };
  } else {
    if (!p.weights || !p.values) throw new InputError(where, "needs weights and values (or constraints)");
    for (const name of Object.keys(p.weights)) issueAt(name, "weights");
    for (const name of Object.keys(p.values)) issueAt(name, "values");
    const weights = space.issues.map((issue) => p.weights?.[issue.name] ?? 0);
    const values = space.issues.map((issue, i) =>
      valueFunctionFromDocument(space, i, p.values?.[issue.name], `${where}.values.${issue.name}`),
    );
    checkWeights(weights, `${where}.weights`);
    utility = { type: "additive", weights, values };
  }
  const redLines: RedLine[] = [];
  for (const [name, options] of Object.entries(p.redLines)) {
    const issue = issueAt(name, "redLines");
    for (const option of options) {
      try {
        redLines.push({ issue, option: space.optionOf(issue, option) });
      } catch (err) {
        if (err instanceof InputError) throw new InputError(`${where}.redLines.${name}`, err.reason);
        throw err;
      }
    }
  }
  return stripUndefined({
    name: p.name,
    role: p.role,
    description: p.description,
    profile: { utility, reservation: p.reservation, discount: p.discount > 0 ? p.discount : 1, redLines },
  });
}

type IssueValuesDoc = NonNullable<PartyDoc["values"]>[string];

function valueFunctionFromDocument(
  space: OutcomeSpace,
  i: number,
  doc: IssueValuesDoc | undefined,
  where: string,
): ValueFunction {
  const issue = space.issues[i];
  if (issue.kind === "discrete") {
    const values = new Array<number>(issue.options.length).fill(0);
    if (doc === undefined) return { type: "table", values };
    if ("linear" in doc || "triangular" in doc || "piecewise" in doc) {
      throw new InputError(where, "a discrete issue takes option → value, not a numeric function");
    }
    for (const [option, v] of Object.entries(doc as Record<string, number>)) {
      const k = issue.options.findIndex((o) => o.value === option);
      if (k < 0) throw new InputError(where, `"${option}" is not an option of this issue`);
      values[k] = v;
    }
    return { type: "table", values };
  }
  if (doc === undefined) return { type: "linear", slope: 0, offset: 0, origin: 0 };
  if ("linear" in doc && typeof doc.linear === "object")
    return { type: "linear", ...(doc.linear as { slope: number; offset: number; origin: number }) };
  if ("triangular" in doc && typeof doc.triangular === "object")
    return { type: "triangular", ...(doc.triangular as { low: number; top: number; high: number }) };
  if ("piecewise" in doc && Array.isArray(doc.piecewise)) {
    const points = doc.piecewise as [number, number][];
    if (points.some((p, k) => k > 0 && p[0] < points[k - 1][0]))
      throw new InputError(`${where}.piecewise`, "points must be in increasing order of value");
    return { type: "piecewise", points };
  }
  throw new InputError(where, "a numeric issue takes {linear|triangular|piecewise}, not option → value");
}
