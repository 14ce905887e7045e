import { InputError } from "../errors.js";
import { describeRule } from "../model/agreement-rule.js";
import type { AdditiveUtility, ConstraintUtility, ValueFunction } from "../model/profile.js";
import type { Party, Scenario } from "../model/scenario.js";
import type { Issue } from "../model/space.js";
import type { TextFile } from "./genius.js";

/** Files to write, with what the target format could not carry. */
export interface WriteResult {
  files: TextFile[];
  warnings: string[];
}

/**
 * Writes a scenario as a GENIUS folder: `<name>-domain.xml` and one
 * `<party>.xml` per party. Issue `index` is the issue's position (1-based).
 */
export function writeGeniusScenario(scenario: Scenario): WriteResult {
  const warnings: string[] = [];
  const names = folderNames(scenario, ".xml", warnings);
  const files: TextFile[] = [{ name: names.domain, text: writeDomain(scenario) }];
  scenario.parties.forEach((party, i) => {
    files.push({ name: names.parties[i], text: writeProfile(scenario, party, warnings) });
  });
  if (scenario.space.issues.some((i) => i.kind === "real" && i.steps !== 11))
    warnings.push("GENIUS real issues carry no grid size; reading them back uses 11 steps");
  warnings.push(...ruleLossWarnings(scenario, "GENIUS scenarios"));
  return { files, warnings };
}

/**
 * Neither GENIUS nor GeniusWeb scenario files state how a deal is made
 * (GeniusWeb's MOPAC sets voting powers in its session settings, not in a
 * profile): a rule other than unanimity, and every variant, are lost.
 */
export function ruleLossWarnings(scenario: Scenario, format: string): string[] {
  const names = scenario.parties.map((p) => p.name);
  const out: string[] = [];
  if (scenario.rule && scenario.rule.kind !== "unanimity")
    out.push(
      `${format} carry no agreement rule; "${describeRule(scenario.rule, names)}" is dropped (reading them back gives unanimity)`,
    );
  for (const v of scenario.ruleVariants ?? [])
    out.push(`${format} carry no agreement rule; the variant "${v.name}" is dropped`);
  return out;
}

/**
 * File names for a scenario folder (GENIUS or GeniusWeb): `<name>-domain<ext>`
 * and `<party><ext>`. Readers order parties by file name, so a warning says
 * when the names do not sort in party order.
 */
export function folderNames(
  scenario: Scenario,
  ext: string,
  warnings: string[],
): { domain: string; parties: string[] } {
  const stems = scenario.parties.map((p) => safeFileStem(p.name));
  if (new Set(stems).size !== stems.length)
    throw new InputError("parties", `two parties share the file name ${firstDuplicate(stems)}${ext}`);
  let domain = `${safeFileStem(scenario.name)}-domain`;
  while (stems.includes(domain)) domain = `_${domain}`;
  if (stems.some((n, i) => i > 0 && stems[i - 1] > n))
    warnings.push(
      "party names do not sort in party order; reading the folder back orders parties by file name",
    );
  return { domain: `${domain}${ext}`, parties: stems.map((n) => `${n}${ext}`) };
}

function writeDomain(s: Scenario): string {
  const issues = s.space.issues.map((issue, i) => issueXml(issue, i, "    ", () => ""));
  return [
    "<negotiation_template>",
    `<utility_space number_of_issues="${s.space.issueCount}">`,
    `  <objective index="0" etype="objective" type="objective" name=${attr(s.name)}>`,
    ...issues,
    "  </objective>",
    "</utility_space>",
    "</negotiation_template>",
    "",
  ].join("\n");
}

function writeProfile(s: Scenario, party: Party, warnings: string[]): string {
  const { utility, reservation, discount, redLines } = party.profile;
  if (redLines.length > 0)
    warnings.push(`party "${party.name}": GENIUS has no red lines; they are not written`);
  const tail = [
    `  <discount_factor value="${discount}"/>`,
    `  <reservation value="${reservation}"/>`,
    "</utility_space>",
    "",
  ];
  if (utility.type === "constraint") {
    return [
      '<utility_space type="nonlinear">',
      '  <objective index="0" etype="objective" type="objective" name="root">',
      ...s.space.issues.map((issue, i) => issueXml(issue, i, "    ", () => "")),
      ...constraintXml(utility),
      "  </objective>",
      ...tail,
    ].join("\n");
  }
  const weights = foldTableMaxima(utility);
  return [
    "<utility_space>",
    '  <objective index="0" etype="objective" type="objective" name="root">',
    ...s.space.issues.map((issue, i) =>
      issueXml(issue, i, "    ", (k) => evaluationOf(utility.values[i], issue, k, `party "${party.name}"`)),
    ),
    ...weights.map((w, i) => `    <weight index="${i + 1}" value="${w}"/>`),
    "  </objective>",
    ...tail,
  ].join("\n");
}

/**
 * GENIUS divides discrete evaluations by the issue's largest one; a table whose
 * best option is worth m < 1 is written as-is with its weight multiplied by m,
 * so that weight × value is unchanged.
 */
function foldTableMaxima(u: AdditiveUtility): number[] {
  return u.weights.map((w, i) => {
    const fn = u.values[i];
    if (fn.type !== "table") return w;
    const top = fn.values.reduce((a, b) => (b > a ? b : a), 0);
    return top > 0 && top < 1 ? w * top : w;
  });
}

/** The XML inside an issue of a profile: item evaluations or an evaluator (`k` is an option index). */
function evaluationOf(fn: ValueFunction, issue: Issue, k: number, who: string): string {
  const where = `${who}: issue "${issue.name}"`;
  if (issue.kind === "discrete") {
    if (fn.type !== "table") throw new InputError(where, "a discrete issue needs a table of values");
    return ` evaluation="${fn.values[k] ?? 0}"`;
  }
  if (k >= 0) return "";
  if (issue.kind === "integer") {
    if (fn.type !== "linear")
      throw new InputError(where, `GENIUS integer issues take only linear evaluators, not ${fn.type}`);
    const offset = fn.offset + fn.slope * (issue.min - fn.origin);
    return `<evaluator ftype="linear" slope="${fn.slope}" offset="${offset}"/>`;
  }
  switch (fn.type) {
    case "linear":
      return `<evaluator ftype="linear" parameter0="${fn.offset - fn.slope * fn.origin}" parameter1="${fn.slope}"/>`;
    case "triangular":
      return `<evaluator ftype="triangular" parameter0="${fn.low}" parameter1="${fn.high}" parameter2="${fn.top}"/>`;
    default:
      throw new InputError(where, `GENIUS real issues take linear or triangular evaluators, not ${fn.type}`);
  }
}

/**
 * One `<issue>`; `inner(k)` gives the evaluation attribute of option k of a
 * discrete issue, `inner(-1)` the evaluator element of a numeric one.
 */
function issueXml(issue: Issue, i: number, pad: string, inner: (k: number) => string): string {
  const head = `${pad}<issue index="${i + 1}" name=${attr(issue.name)}`;
  const desc = issue.description ? ` description=${attr(issue.description)}` : "";
  if (issue.kind === "discrete") {
    const items = issue.options.map(
      (o, k) =>
        `${pad}  <item index="${k + 1}" value=${attr(o.value)}${o.description ? ` description=${attr(o.description)}` : ""}${inner(k)}/>`,
    );
    return [
      `${head} etype="discrete" type="discrete" vtype="discrete"${desc}>`,
      ...items,
      `${pad}</issue>`,
    ].join("\n");
  }
  const evaluator = inner(-1);
  const body = evaluator ? [`${pad}  ${evaluator}`] : [];
  if (issue.kind === "integer") {
    return [
      `${head} etype="integer" type="integer" vtype="integer" lowerbound="${issue.min}" upperbound="${issue.max}"${desc}>`,
      ...body,
      `${pad}</issue>`,
    ].join("\n");
  }
  return [
    `${head} etype="real" type="real" vtype="real"${desc}>`,
    `${pad}  <range lowerbound="${issue.min}" upperbound="${issue.max}"/>`,
    ...body,
    `${pad}</issue>`,
  ].join("\n");
}

function constraintXml(u: ConstraintUtility): string[] {
  return [
    `    <utility maxutility="${u.maxUtility}">`,
    ...u.functions.flatMap((f) => [
      `      <ufun type="PlainUfun" weight="${f.weight}" aggregation="${f.aggregation}">`,
      ...f.rectangles.flatMap((r) => [
        `        <hyperRectangle utility="${r.utility}">`,
        ...r.bounds.map(
          (b) =>
            `          <${b.exclude ? "EXCLUDES" : "INCLUDES"} index="${b.issue + 1}" min="${b.min}" max="${b.max}"/>`,
        ),
        "        </hyperRectangle>",
      ]),
      "      </ufun>",
    ]),
    "    </utility>",
  ];
}

/** A quoted, escaped XML attribute value. */
function attr(value: string): string {
  const escaped = value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("\n", "&#10;")
    .replaceAll("\r", "&#13;")
    .replaceAll("\t", "&#9;");
  return `"${escaped}"`;
}

/** A file name stem that is safe on every file system. */
export function safeFileStem(name: string): string {
  const stem = name.replace(/[^A-Za-z0-9 ._-]+/g, "_").replace(/^[.\s]+|\s+$/g, "");
  return stem || "party";
}

function firstDuplicate(xs: string[]): string {
  return xs.find((x, i) => xs.indexOf(x) !== i) ?? "";
}
