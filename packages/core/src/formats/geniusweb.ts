import { z } from "zod";
import { InputError, withLocation } from "../errors.js";
import type { ValueFunction } from "../model/profile.js";
import { evaluateNumeric } from "../model/profile.js";
import type { Party } from "../model/scenario.js";
import type { Issue, OutcomeSpace } from "../model/space.js";
import { byName, fileStem } from "./file-names.js";
import type { ReadResult, TextFile } from "./genius.js";
import { schemaError } from "./schema-error.js";
import { checkedSpace } from "./space-limits.js";
import { checkWeights } from "./weights.js";

/**
 * GeniusWeb JSON: a domain `{name, issuesValues}` and LinearAdditiveUtilitySpace
 * profiles. Both the 1.x value-set names (`discreteutils`, `numberutils`) and
 * the later class names (`DiscreteValueSetUtilities`, `NumberValueSetUtilities`)
 * are read; a number range is `[low, high, step]` or `{low, high, step}`.
 */

const finite = z.number().refine(Number.isFinite, "must be a finite number");
const rangeSchema = z.union([
  z.tuple([finite, finite, finite]),
  z.object({ low: finite, high: finite, step: finite }).transform((r) => [r.low, r.high, r.step] as const),
]);
const valueSetSchema = z.union([
  z.object({ values: z.array(z.union([z.string(), finite])).min(1) }),
  z.object({ range: rangeSchema }),
]);
export const geniusWebDomainSchema = z.object({
  name: z.string().min(1),
  issuesValues: z.record(z.string(), valueSetSchema),
});

const discreteUtils = z.object({ valueUtilities: z.record(z.string(), z.number().min(0).max(1)) });
const numberUtils = z.object({
  lowValue: finite,
  lowUtility: finite,
  highValue: finite,
  highUtility: finite,
});
const valueSetUtilitiesSchema = z.union([
  z.object({ discreteutils: discreteUtils }).strict(),
  z.object({ DiscreteValueSetUtilities: discreteUtils }).strict(),
  z.object({ numberutils: numberUtils }).strict(),
  z.object({ NumberValueSetUtilities: numberUtils }).strict(),
]);
export const geniusWebProfileSchema = z.object({
  LinearAdditiveUtilitySpace: z.object({
    name: z.string().optional(),
    domain: geniusWebDomainSchema.optional(),
    issueWeights: z.record(z.string(), z.number().min(0).max(1)),
    issueUtilities: z.record(z.string(), valueSetUtilitiesSchema),
    reservationBid: z
      .object({ issuevalues: z.record(z.string(), z.union([z.string(), finite])) })
      .nullable()
      .optional(),
  }),
});

type Domain = z.output<typeof geniusWebDomainSchema>;
type Profile = z.output<typeof geniusWebProfileSchema>["LinearAdditiveUtilitySpace"];

function parseJson(file: TextFile): unknown {
  try {
    return JSON.parse(file.text);
  } catch (err) {
    throw new InputError(file.name, `is not valid JSON (${(err as Error).message})`);
  }
}

/**
 * Reads a GeniusWeb scenario from JSON files: at most one domain and one
 * LinearAdditiveUtilitySpace profile per party, in file-name order. Without a
 * domain file, the domain embedded in the first profile is used.
 */
export function readGeniusWebScenario(
  files: readonly TextFile[],
  options: { name?: string; source?: string } = {},
): ReadResult {
  const warnings: string[] = [];
  const sorted = byName(files);
  let domain: { file: string; doc: Domain } | undefined;
  const profiles: { file: string; doc: Profile }[] = [];
  for (const file of sorted) {
    const raw = parseJson(file);
    if (typeof raw === "object" && raw !== null && "issuesValues" in raw) {
      if (domain) throw new InputError(file.name, `is a second domain (the first is ${domain.file})`);
      const parsed = geniusWebDomainSchema.safeParse(raw);
      if (!parsed.success) throw schemaError(file.name, parsed.error, raw);
      domain = { file: file.name, doc: parsed.data };
    } else if (typeof raw === "object" && raw !== null && "LinearAdditiveUtilitySpace" in raw) {
      const parsed = geniusWebProfileSchema.safeParse(raw);
      if (!parsed.success) throw schemaError(file.name, parsed.error, raw);
      profiles.push({ file: file.name, doc: parsed.data.LinearAdditiveUtilitySpace });
    } else {
      throw new InputError(
        file.name,
        "is neither a GeniusWeb domain (issuesValues) nor a LinearAdditiveUtilitySpace profile",
      );
    }
  }
  if (profiles.length === 0)
    throw new InputError(sorted.map((f) => f.name).join(", ") || "(no files)", "hold no profile (no party)");
  const embedded = profiles[0].doc.domain;
  const source = domain ?? (embedded ? { file: `${profiles[0].file}: domain`, doc: embedded } : undefined);
  if (!source)
    throw new InputError(profiles[0].file, "there is no domain file and the profile embeds no domain");
  const issues = Object.entries(source.doc.issuesValues).map(([name, set]) =>
    issueOf(name, set, `${source.file}: issuesValues.${name}`),
  );
  const space = checkedSpace(issues, source.file, (i) => `${source.file}: issuesValues.${issues[i].name}`);
  const parties = profiles.map(({ file, doc }) =>
    withLocation(file, () => partyOf(space, file, doc, warnings)),
  );
  const scenario = { name: options.name ?? source.doc.name, space, parties };
  return {
    scenario: options.source === undefined ? scenario : { ...scenario, source: options.source },
    warnings,
  };
}

function issueOf(name: string, set: Domain["issuesValues"][string], where: string): Issue {
  if ("values" in set) {
    const values = set.values.map(String);
    if (new Set(values).size !== values.length) throw new InputError(where, "lists a value twice");
    return { kind: "discrete", name, options: values.map((value) => ({ value })) };
  }
  const [low, high, step] = set.range;
  if (low > high) throw new InputError(where, `range low ${low} is greater than high ${high}`);
  if (!(step > 0)) throw new InputError(where, `range step ${step} is not positive`);
  const count = Math.floor((high - low) / step + 1e-9) + 1;
  if (Number.isInteger(low) && Number.isInteger(high) && step === 1)
    return { kind: "integer", name, min: low, max: high };
  // The grid low, low+step, ... stops at or below high; Parley's real grid ends on its max.
  return { kind: "real", name, min: low, max: low + (count - 1) * step, steps: Math.max(count, 2) };
}

function partyOf(space: OutcomeSpace, file: string, doc: Profile, warnings: string[]): Party {
  for (const issue of [...Object.keys(doc.issueWeights), ...Object.keys(doc.issueUtilities)]) {
    if (space.issueIndex(issue) < 0)
      throw new InputError(`issue "${issue}"`, "is not an issue of the domain");
  }
  const weights = space.issues.map((issue) => doc.issueWeights[issue.name] ?? 0);
  const values = space.issues.map((issue) => valueFunctionOf(issue, doc.issueUtilities[issue.name]));
  const noted: string[] = [];
  checkWeights(weights, "issueWeights", noted); // errors get the file from withLocation; warnings need it here
  warnings.push(...noted.map((w) => `${file}: ${w}`));
  const bid = doc.reservationBid?.issuevalues;
  let reservation = 0;
  if (bid) {
    // GeniusWeb: the reservation value is the utility of the reservation bid (issues it leaves out count 0).
    for (const [issueName, value] of Object.entries(bid)) {
      const i = space.issueIndex(issueName);
      if (i < 0)
        throw new InputError(`reservationBid.issuevalues.${issueName}`, "is not an issue of the domain");
      withLocation("reservationBid", () => space.optionOf(i, value));
      const fn = values[i];
      reservation +=
        weights[i] *
        (fn.type === "table" ? fn.values[space.optionOf(i, value)] : evaluateNumeric(fn, Number(value)));
    }
  }
  return {
    name: fileStem(file, ".json"),
    profile: { utility: { type: "additive", weights, values }, reservation, discount: 1, redLines: [] },
  };
}

type Utilities = Profile["issueUtilities"][string];

function valueFunctionOf(issue: Issue, u: Utilities | undefined): ValueFunction {
  const where = `issueUtilities.${issue.name}`;
  if (issue.kind === "discrete") {
    const values = new Array<number>(issue.options.length).fill(0);
    if (u === undefined) return { type: "table", values };
    const d =
      "discreteutils" in u
        ? u.discreteutils
        : "DiscreteValueSetUtilities" in u
          ? u.DiscreteValueSetUtilities
          : null;
    if (!d) throw new InputError(where, "a discrete issue needs discrete value utilities");
    for (const [value, x] of Object.entries(d.valueUtilities)) {
      const k = issue.options.findIndex((o) => o.value === value);
      if (k < 0)
        throw new InputError(`${where}: "${value}"`, `is not a value of issue "${issue.name}" in the domain`);
      values[k] = x;
    }
    return { type: "table", values };
  }
  if (u === undefined) return { type: "linear", slope: 0, offset: 0, origin: 0 };
  const n =
    "numberutils" in u ? u.numberutils : "NumberValueSetUtilities" in u ? u.NumberValueSetUtilities : null;
  if (!n) throw new InputError(where, "a number issue needs number utilities");
  if (n.lowValue > n.highValue)
    throw new InputError(where, `lowValue ${n.lowValue} is greater than highValue ${n.highValue}`);
  return {
    type: "piecewise",
    points: [
      [n.lowValue, n.lowUtility],
      [n.highValue, n.highUtility],
    ],
  };
}
