import { z } from "zod";
import { PARLEY_FORMAT_VERSION } from "./parley-version.js";

export { PARLEY_FORMAT_VERSION };

const text = z.string().min(1);
const unit = z.number().min(0).max(1);

const optionSchema = z
  .object({
    value: text.describe("The option's identity, used in outcomes and profiles."),
    description: z.string().optional().describe("One line saying what choosing this option means."),
  })
  .strict();

const issueBase = {
  name: text.describe("The issue's identity, unique within the scenario."),
  title: z.string().optional(),
  description: z.string().optional(),
};

const discreteIssueSchema = z
  .object({
    ...issueBase,
    kind: z.literal("discrete").optional(),
    options: z.array(z.union([text, optionSchema])).min(1),
  })
  .strict();

const integerIssueSchema = z
  .object({ ...issueBase, kind: z.literal("integer"), min: z.number().int(), max: z.number().int() })
  .strict();

const realIssueSchema = z
  .object({
    ...issueBase,
    kind: z.literal("real"),
    min: z.number(),
    max: z.number(),
    steps: z
      .number()
      .int()
      .min(2)
      .optional()
      .describe("Grid points used to enumerate and search (default 11)."),
  })
  .strict();

export const issueSchema = z.union([discreteIssueSchema, integerIssueSchema, realIssueSchema]);

const numericValueSchema = z.union([
  z
    .object({
      linear: z.object({ slope: z.number(), offset: z.number(), origin: z.number().default(0) }).strict(),
    })
    .strict(),
  z
    .object({ triangular: z.object({ low: z.number(), top: z.number(), high: z.number() }).strict() })
    .strict(),
  z
    .object({ piecewise: z.array(z.tuple([z.number(), z.number()])).min(1) })
    .strict()
    .describe("Linear interpolation through (value, utility) points; 0 outside their range."),
]);

const issueValuesSchema = z.union([
  z
    .record(z.string(), unit)
    .describe("Discrete issue: option → value in [0, 1]; an option left out is worth 0."),
  numericValueSchema,
]);

const boundSchema = z.object({ issue: text, min: z.number(), max: z.number() }).strict();

const constraintSchema = z
  .object({
    maxUtility: z.number().positive(),
    functions: z
      .array(
        z
          .object({
            weight: z.number(),
            aggregation: z.enum(["sum", "min", "max"]).default("sum"),
            rectangles: z.array(
              z
                .object({
                  utility: z.number(),
                  includes: z.array(boundSchema).default([]),
                  excludes: z.array(boundSchema).default([]),
                })
                .strict(),
            ),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

export const partySchema = z
  .object({
    name: text,
    role: z.string().optional(),
    description: z.string().optional(),
    reservation: z.number().min(0).max(1).default(0).describe("Utility of no agreement at time 0."),
    discount: z
      .number()
      .min(0)
      .max(1)
      .default(1)
      .describe("GENIUS discount factor: utility at normalised time t is U·dᵗ; 1 means none."),
    weights: z.record(z.string(), z.number().min(0)).optional().describe("Additive profile: issue → weight."),
    values: z
      .record(z.string(), issueValuesSchema)
      .optional()
      .describe("Additive profile: issue → value function."),
    constraints: constraintSchema
      .optional()
      .describe("Non-linear (hyper-rectangle) profile, ANAC 2014 style."),
    redLines: z
      .record(z.string(), z.array(z.union([z.string(), z.number()])))
      .default({})
      .describe("Issue → options this party will never accept."),
  })
  .strict();

const partyRefSchema = z
  .union([text, z.number().int().min(1)])
  .describe("A party: its name, or its 1-based position in `parties`.");

const vetoesSchema = z.array(partyRefSchema).default([]).describe("Parties whose yes every deal needs.");

const quorumRuleSchema = z
  .object({
    quorum: z.number().int().min(1).describe("A deal needs the yes of at least this many parties."),
    vetoes: vetoesSchema,
  })
  .strict();

const weightedRuleSchema = z
  .object({
    powers: z
      .record(z.string(), z.number().min(0))
      .describe("Party name → voting power; every party is listed."),
    threshold: z
      .number()
      .positive()
      .describe("A deal needs the yes of parties with at least this power in total."),
    vetoes: vetoesSchema,
  })
  .strict();

export const agreementRuleSchema = z
  .union([z.literal("unanimity"), quorumRuleSchema, weightedRuleSchema])
  .describe(
    "How a deal is made: unanimity (the default), a quorum with vetoes, or weighted votes with vetoes.",
  );

const ruleVariantSchema = z
  .object({
    name: text.describe("The variant's identity, e.g. signatories."),
    description: z.string().optional(),
    agreement: agreementRuleSchema,
  })
  .strict();

export const parleyScenarioSchema = z
  .object({
    parley: z
      .literal(PARLEY_FORMAT_VERSION, {
        error: `must be ${PARLEY_FORMAT_VERSION}: the first key of a Parley scenario file is the format version, "parley: ${PARLEY_FORMAT_VERSION}"`,
      })
      .describe("Format version."),
    name: text,
    title: z.string().optional(),
    description: z.string().optional(),
    source: z.string().optional(),
    issues: z.array(issueSchema).min(1),
    parties: z.array(partySchema).min(1),
    agreement: agreementRuleSchema.optional(),
    agreementVariants: z
      .array(ruleVariantSchema)
      .optional()
      .describe("Other agreement rules worth comparing, each with a name."),
  })
  .strict();

export type ParleyScenarioDocument = z.input<typeof parleyScenarioSchema>;
export type ParleyScenarioParsed = z.output<typeof parleyScenarioSchema>;

/** The JSON Schema people and editors validate against (shipped as schema/parley-scenario.schema.json). */
export function parleyJsonSchema(): Record<string, unknown> {
  return {
    $id: "https://parley.dev/schema/parley-scenario-1.json",
    title: "Parley scenario",
    ...z.toJSONSchema(parleyScenarioSchema, { io: "input" }),
  };
}
