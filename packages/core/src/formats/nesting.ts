import { InputError } from "../errors.js";

/**
 * How deep elements or flow collections may nest. Scenario and record files
 * nest a handful of levels; a file nested a hundred thousand deep only makes
 * the XML and YAML parsers recurse for seconds before they give up.
 */
export const MAX_NESTING = 100;

/** Refuses XML whose elements nest deeper than MAX_NESTING, before it is parsed (one linear scan). */
export function checkXmlNesting(text: string, file: string): void {
  let depth = 0;
  let i = text.indexOf("<");
  while (i >= 0) {
    let end: number;
    if (text.startsWith("<!--", i)) end = text.indexOf("-->", i + 4);
    else if (text.startsWith("<![CDATA[", i)) end = text.indexOf("]]>", i + 9);
    else if (text[i + 1] === "?" || text[i + 1] === "!" || text[i + 1] === "/") {
      end = text.indexOf(">", i);
      if (text[i + 1] === "/") depth--;
    } else {
      end = tagEnd(text, i + 1);
      if (end >= 0 && text[end - 1] !== "/" && ++depth > MAX_NESTING)
        throw tooDeep(text, i, file, "elements");
    }
    if (end < 0) return; // unterminated: the XML validator says where
    i = text.indexOf("<", end);
  }
}

/** Index of the `>` closing a start tag, skipping quoted attribute values; -1 if there is none. */
function tagEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === ">") return i;
    if (c === '"' || c === "'") {
      i = text.indexOf(c, i + 1);
      if (i < 0) return -1;
    }
  }
  return -1;
}

/**
 * Refuses JSON or YAML whose flow collections (`[...]`, `{...}`) nest deeper
 * than MAX_NESTING, before it is parsed. Quoted strings and comments are skipped.
 */
export function checkDocumentNesting(text: string, file: string): void {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c) i++;
    } else if (c === 0x27 /* ' */) {
      const end = text.indexOf("'", i + 1);
      i = end < 0 ? text.length : end;
    } else if (c === 0x23 /* # */ && (i === 0 || /\s/.test(text[i - 1]))) {
      const end = text.indexOf("\n", i);
      i = end < 0 ? text.length : end;
    } else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > MAX_NESTING) throw tooDeep(text, i, file, "lists and objects");
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) depth--;
  }
}

function tooDeep(text: string, at: number, file: string, what: string): InputError {
  const line = text.slice(0, at).split("\n").length;
  return new InputError(`${file}: line ${line}`, `${what} nest more than ${MAX_NESTING} levels deep`);
}
