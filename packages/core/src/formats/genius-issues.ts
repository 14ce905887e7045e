import { InputError } from "../errors.js";
import { DEFAULT_REAL_STEPS, type Issue } from "../model/space.js";
import { childrenNamed, findAll, findFirst, type XmlElement } from "./xml.js";

/** An issue as a GENIUS file declares it, with the `index` that links profiles to it. */
export interface GeniusIssue {
  index: number;
  issue: Issue;
  element: XmlElement;
}

/** The first `<utility_space>` of a parsed GENIUS file (possibly inside `<negotiation_template>`). */
export function utilitySpaceOf(roots: readonly XmlElement[], file: string): XmlElement {
  const space = findFirst(roots, "utility_space");
  if (!space) throw new InputError(file, "has no <utility_space> element: not a GENIUS domain or profile");
  return space;
}

/** The `<issue>` elements under a utility space, nested objectives flattened in document order. */
export function issueElements(space: XmlElement): XmlElement[] {
  return findAll(space, "issue", ["issue"]);
}

/** The GENIUS `index` of an element (weights, issues, bounds); `where` names it in errors. */
export function indexOf(el: XmlElement, where: string): number {
  const raw = el.attrs.index;
  const index = Number(raw);
  if (raw === undefined || raw.trim() === "" || !Number.isInteger(index)) {
    throw new InputError(
      where,
      raw === undefined ? "has no index attribute" : `index "${raw}" is not an integer`,
    );
  }
  return index;
}

/** A numeric attribute; `fallback` when absent (or an InputError when there is none). */
export function numberAttr(el: XmlElement, name: string, where: string, fallback?: number): number {
  const raw = el.attrs[name];
  if (raw === undefined || raw.trim() === "") {
    if (fallback !== undefined) return fallback;
    throw new InputError(where, `has no ${name} attribute`);
  }
  const x = Number(raw);
  if (!Number.isFinite(x)) throw new InputError(where, `${name}="${raw}" is not a number`);
  return x;
}

/** An issue's kind: `type`, else `vtype`, else discrete. */
export function kindOf(el: XmlElement): string {
  return (el.attrs.type ?? el.attrs.vtype ?? "discrete").trim().toLowerCase();
}

/** Reads the issues of a GENIUS domain, in document order. */
export function readGeniusIssues(space: XmlElement, file: string): GeniusIssue[] {
  const byIndex = new Set<number>();
  const names = new Set<string>();
  const out: GeniusIssue[] = [];
  for (const el of issueElements(space)) {
    const index = indexOf(el, `${file}: issue${el.attrs.name ? ` "${el.attrs.name}"` : ""}`);
    const where = `${file}: issue[index=${index}]`;
    if (byIndex.has(index)) throw new InputError(where, "another issue has the same index");
    byIndex.add(index);
    const name = el.attrs.name;
    if (!name) throw new InputError(where, "has no name");
    if (names.has(name)) throw new InputError(where, `another issue is also named "${name}"`);
    names.add(name);
    const issue = readIssue(el, name, where);
    if (el.attrs.description) issue.description = el.attrs.description;
    out.push({ index, issue, element: el });
  }
  if (out.length === 0) throw new InputError(file, "declares no <issue>");
  return out;
}

function readIssue(el: XmlElement, name: string, where: string): Issue {
  const kind = kindOf(el);
  switch (kind) {
    case "discrete": {
      const values = new Set<string>();
      const options = childrenNamed(el, "item").map((item, k) => {
        const value = item.attrs.value;
        if (value === undefined) throw new InputError(`${where}: item[${k + 1}]`, "has no value attribute");
        if (values.has(value)) throw new InputError(`${where}: item "${value}"`, "is listed twice");
        values.add(value);
        const description = item.attrs.description;
        return description && description !== value ? { value, description } : { value };
      });
      if (options.length === 0) throw new InputError(where, "is discrete but lists no <item>");
      return { kind: "discrete", name, options };
    }
    case "integer": {
      const [min, max] = boundsOf(el, where);
      if (!Number.isInteger(min) || !Number.isInteger(max))
        throw new InputError(where, `integer bounds ${min}..${max} are not integers`);
      if (min > max) throw new InputError(where, `lowerbound ${min} is greater than upperbound ${max}`);
      return { kind: "integer", name, min, max };
    }
    case "real": {
      const [min, max] = boundsOf(el, where);
      if (min > max) throw new InputError(where, `lowerbound ${min} is greater than upperbound ${max}`);
      return { kind: "real", name, min, max, steps: DEFAULT_REAL_STEPS };
    }
    default:
      throw new InputError(where, `unknown issue type "${kind}" (expected discrete, integer or real)`);
  }
}

/** `lowerbound`/`upperbound` from a `<range>` child, else from the issue itself (files do both). */
function boundsOf(el: XmlElement, where: string): [number, number] {
  const range = childrenNamed(el, "range").find((r) => r.attrs.lowerbound !== undefined) ?? el;
  return [numberAttr(range, "lowerbound", where), numberAttr(range, "upperbound", where)];
}
