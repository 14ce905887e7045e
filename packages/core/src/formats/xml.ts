import { XMLParser, XMLValidator } from "fast-xml-parser";
import { InputError } from "../errors.js";
import { checkXmlNesting } from "./nesting.js";

/** A parsed XML element: its tag, attributes (as written) and child elements in document order. */
export interface XmlElement {
  tag: string;
  attrs: Record<string, string>;
  children: XmlElement[];
}

// A DTD is the door to XXE and entity expansion ("billion laughs"); no scenario format needs one.
const DTD = /<!\s*(DOCTYPE|ENTITY)/i;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
  htmlEntities: true, // decodes numeric character references (&#10;) too
  ignoreDeclaration: true,
  ignorePiTags: true,
});

/**
 * Parses XML text into an element tree. Refuses a DOCTYPE or ENTITY
 * declaration before parsing, and malformed XML with its line; `file` names
 * the source in errors.
 */
export function parseXml(text: string, file: string): XmlElement[] {
  const dtd = DTD.exec(text);
  if (dtd) {
    throw new InputError(
      file,
      `contains a <!${dtd[1].toUpperCase()}> declaration; Parley refuses DTDs and entity declarations (they can read local files or expand without bound)`,
    );
  }
  checkXmlNesting(text, file);
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new InputError(`${file}: line ${valid.err.line}`, `is not well-formed XML (${valid.err.msg})`);
  }
  try {
    return toElements(parser.parse(text) as RawNode[]);
  } catch (err) {
    // The validator lets a few faults through (e.g. an unclosed comment); the parser then throws.
    throw new InputError(file, `is not well-formed XML (${(err as Error).message})`);
  }
}

type RawNode = Record<string, unknown>;

function toElements(nodes: RawNode[]): XmlElement[] {
  const out: XmlElement[] = [];
  for (const node of nodes) {
    const tag = Object.keys(node).find((k) => k !== ":@");
    if (tag === undefined || tag.startsWith("#") || tag.startsWith("?")) continue;
    const attrs = (node[":@"] ?? {}) as Record<string, string>;
    out.push({ tag, attrs: { ...attrs }, children: toElements((node[tag] ?? []) as RawNode[]) });
  }
  return out;
}

/** Direct children with the given tag. */
export function childrenNamed(el: XmlElement, tag: string): XmlElement[] {
  return el.children.filter((c) => c.tag === tag);
}

/** The first element with the given tag, searching depth-first in document order (the roots included). */
export function findFirst(roots: readonly XmlElement[], tag: string): XmlElement | undefined {
  for (const el of roots) {
    if (el.tag === tag) return el;
    const found = findFirst(el.children, tag);
    if (found) return found;
  }
  return undefined;
}

/** Every descendant with the given tag, in document order, not descending into `stopAt` tags. */
export function findAll(root: XmlElement, tag: string, stopAt: readonly string[] = []): XmlElement[] {
  const out: XmlElement[] = [];
  const visit = (el: XmlElement) => {
    for (const c of el.children) {
      if (c.tag === tag) out.push(c);
      if (!stopAt.includes(c.tag)) visit(c);
    }
  };
  visit(root);
  return out;
}
