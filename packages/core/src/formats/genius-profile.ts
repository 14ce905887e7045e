import { InputError } from "../errors.js";
import {
  type ConstraintFunction,
  type HyperRectangle,
  normaliseDiscount,
  type Profile,
  type UtilityDefinition,
  type ValueFunction,
} from "../model/profile.js";
import { constraintMaximum } from "./constraint-max.js";
import { type GeniusIssue, indexOf, issueElements, numberAttr, utilitySpaceOf } from "./genius-issues.js";
import { checkWeights } from "./weights.js";
import { childrenNamed, findAll, findFirst, type XmlElement } from "./xml.js";

/** Below this, an issue's largest evaluation counts as zero (GENIUS then values every option 0). */
const ZERO_EVALUATION = 1e-12;

/** True when a parsed GENIUS file is a profile (weights, evaluations or hyper-rectangles), not a domain. */
export function isGeniusProfile(roots: readonly XmlElement[]): boolean {
  const has = (tag: string) => findFirst(roots, tag) !== undefined;
  if (has("weight") || has("hyperRectangle") || has("evaluator") || has("ufun")) return true;
  const items = (el: XmlElement): boolean =>
    (el.tag === "item" && el.attrs.evaluation !== undefined) || el.children.some(items);
  return roots.some(items);
}

/** Reads one GENIUS profile against the domain's issues (`issues[k]` is issue k of the space). */
export function readGeniusProfile(
  roots: readonly XmlElement[],
  issues: readonly GeniusIssue[],
  file: string,
  warnings: string[],
): Profile {
  const space = utilitySpaceOf(roots, file);
  const position = new Map(issues.map((g, k) => [g.index, k]));
  const utilityEl = findFirst([space], "utility");
  const utility =
    utilityEl && childrenNamed(utilityEl, "ufun").length > 0
      ? readConstraintUtility(utilityEl, issues, position, file, warnings)
      : readAdditiveUtility(space, issues, position, file, warnings);
  return {
    utility,
    reservation: readReservation(space, file),
    discount: readDiscount(space, file),
    redLines: [],
  };
}

function readReservation(space: XmlElement, file: string): number {
  const el = findFirst([space], "reservation");
  return el ? numberAttr(el, "value", `${file}: reservation`, 0) : 0;
}

function readDiscount(space: XmlElement, file: string): number {
  const el = findFirst([space], "discount_factor");
  return el ? normaliseDiscount(numberAttr(el, "value", `${file}: discount_factor`, 1)) : 1;
}

function positionOf(position: Map<number, number>, index: number, where: string): number {
  const k = position.get(index);
  if (k === undefined) throw new InputError(where, `issue index ${index} is not an issue of the domain`);
  return k;
}

function readAdditiveUtility(
  space: XmlElement,
  issues: readonly GeniusIssue[],
  position: Map<number, number>,
  file: string,
  warnings: string[],
): UtilityDefinition {
  const n = issues.length;
  const weights = new Array<number | undefined>(n).fill(undefined);
  // Objectives carry indexes too, and some files weight them (e.g. the root at 1.0): not an issue weight.
  const objectives = new Set(
    findAll(space, "objective", ["issue"])
      .map((o) => Number(o.attrs.index))
      .filter((i) => !position.has(i)),
  );
  for (const el of findAll(space, "weight", ["issue"])) {
    const index = indexOf(el, `${file}: weight`);
    const where = `${file}: weight[index=${index}]`;
    if (objectives.has(index)) continue;
    const k = positionOf(position, index, where);
    const w = numberAttr(el, "value", where);
    if (w < 0) throw new InputError(where, `weight ${w} is negative`);
    if (weights[k] !== undefined) throw new InputError(where, "the issue has two weights");
    weights[k] = w;
  }
  const evaluated = new Map<number, XmlElement>();
  for (const el of issueElements(space)) {
    const index = indexOf(el, `${file}: issue${el.attrs.name ? ` "${el.attrs.name}"` : ""}`);
    const k = positionOf(position, index, `${file}: issue[index=${index}]`);
    evaluated.set(k, el);
  }
  const values = issues.map((g, k): ValueFunction => {
    const el = evaluated.get(k);
    const where = `${file}: issue[index=${g.index}]`;
    if (!el) {
      if (weights[k])
        throw new InputError(where, `has weight ${weights[k]} but no evaluation in this profile`);
      return g.issue.kind === "discrete"
        ? { type: "table", values: new Array<number>(g.issue.options.length).fill(0) }
        : { type: "linear", slope: 0, offset: 0, origin: 0 };
    }
    return readValueFunction(el, g, where);
  });
  const missing = issues.filter((_, k) => weights[k] === undefined).map((g) => `"${g.issue.name}"`);
  if (missing.length > 0) warnings.push(`${file}: no weight for issue ${missing.join(", ")}; using 0`);
  const w = weights.map((x) => x ?? 0);
  checkWeights(w, file, warnings);
  return { type: "additive", weights: w, values };
}

function readValueFunction(el: XmlElement, g: GeniusIssue, where: string): ValueFunction {
  const issue = g.issue;
  if (issue.kind === "discrete") {
    const evaluations = new Array<number>(issue.options.length).fill(0);
    const position = new Map(issue.options.map((o, k) => [o.value, k]));
    for (const item of childrenNamed(el, "item")) {
      const value = item.attrs.value;
      const itemWhere = `${where}: item "${value ?? "?"}"`;
      if (value === undefined) throw new InputError(itemWhere, "has no value attribute");
      const k = position.get(value);
      if (k === undefined)
        throw new InputError(itemWhere, `is not an option of issue "${issue.name}" in the domain`);
      const e = numberAttr(item, "evaluation", itemWhere, 0);
      if (e < 0) throw new InputError(itemWhere, `evaluation ${e} is negative`);
      evaluations[k] = e;
    }
    const top = evaluations.reduce((a, b) => (b > a ? b : a), 0);
    return { type: "table", values: evaluations.map((e) => (top > ZERO_EVALUATION ? e / top : 0)) };
  }
  const evaluator = childrenNamed(el, "evaluator")[0];
  if (!evaluator) throw new InputError(where, `the ${issue.kind} issue has no <evaluator>`);
  const ftype = (evaluator.attrs.ftype ?? "linear").trim().toLowerCase();
  const at = `${where}: evaluator`;
  const p = (i: number) => numberAttr(evaluator, `parameter${i}`, at);
  switch (ftype) {
    case "linear":
      // Integer evaluators count from the issue's lower bound (slope/offset); real ones use x itself.
      if (evaluator.attrs.slope !== undefined) {
        const origin = numberAttr(el, "lowerbound", where, issue.min);
        return {
          type: "linear",
          slope: numberAttr(evaluator, "slope", at),
          offset: numberAttr(evaluator, "offset", at, 0),
          origin,
        };
      }
      return { type: "linear", slope: p(1), offset: p(0), origin: 0 };
    case "constant":
      return { type: "linear", slope: 0, offset: p(0), origin: 0 };
    case "triangular":
      return { type: "triangular", low: p(0), high: p(1), top: p(2) };
    default:
      throw new InputError(at, `unknown ftype "${ftype}" (expected linear, constant or triangular)`);
  }
}

function readConstraintUtility(
  utilityEl: XmlElement,
  issues: readonly GeniusIssue[],
  position: Map<number, number>,
  file: string,
  warnings: string[],
): UtilityDefinition {
  const functions = childrenNamed(utilityEl, "ufun").map((ufun, fi): ConstraintFunction => {
    const where = `${file}: ufun[${fi + 1}]`;
    const aggregation = (ufun.attrs.aggregation ?? "sum").trim().toLowerCase();
    if (aggregation !== "sum" && aggregation !== "min" && aggregation !== "max")
      throw new InputError(where, `unknown aggregation "${aggregation}" (expected sum, min or max)`);
    return {
      weight: numberAttr(ufun, "weight", where, 1),
      aggregation,
      rectangles: childrenNamed(ufun, "hyperRectangle").map((rect, ri) =>
        readRectangle(rect, issues, position, `${where}: hyperRectangle[${ri + 1}]`),
      ),
    };
  });
  const written = utilityEl.attrs.maxutility;
  if (written !== undefined) {
    const maxUtility = numberAttr(utilityEl, "maxutility", `${file}: utility`);
    if (maxUtility <= 0) throw new InputError(`${file}: utility`, `maxutility ${maxUtility} is not positive`);
    return { type: "constraint", maxUtility, functions };
  }
  const found = constraintMaximum(
    issues.map((g) => g.issue),
    functions,
  );
  if (found.value <= 0) throw new InputError(`${file}: utility`, "no outcome has a positive utility");
  warnings.push(
    `${file}: no maxutility; normalised by ${found.exact ? "the true maximum" : "an upper bound on the maximum"} ${found.value}`,
  );
  return { type: "constraint", maxUtility: found.value, functions };
}

function readRectangle(
  rect: XmlElement,
  issues: readonly GeniusIssue[],
  position: Map<number, number>,
  where: string,
): HyperRectangle {
  const bounds = rect.children
    .filter((c) => c.tag === "INCLUDES" || c.tag === "EXCLUDES")
    .map((b) => {
      const index = indexOf(b, `${where}: ${b.tag}`);
      const at = `${where}: ${b.tag}[index=${index}]`;
      const issue = positionOf(position, index, at);
      if (issues[issue].issue.kind !== "integer")
        throw new InputError(
          at,
          `hyper-rectangles need integer issues; "${issues[issue].issue.name}" is not`,
        );
      return {
        issue,
        min: numberAttr(b, "min", at),
        max: numberAttr(b, "max", at),
        exclude: b.tag === "EXCLUDES",
      };
    });
  return { utility: numberAttr(rect, "utility", where), bounds };
}
