import {
  CORE_SCHEMA,
  defineMappingTag,
  defineScalarTag,
  defineSequenceTag,
  dump,
  load,
  YAMLException,
} from "js-yaml";
import { InputError } from "../errors.js";
import { MAX_NESTING } from "./nesting.js";

// js-yaml rather than the `yaml` package: it loads in about a fifth of the time and parses a
// scenario several times faster, which is most of what `parley` spends starting up on a YAML file.

/** Alias nodes (`*name`) one document may hold, as many as Parley allowed before. */
const MAX_ALIASES = 100;

/**
 * Tags Parley does not know (`!!binary`, `!custom`) read as their untagged content, so the schema
 * judges the value as it would judge it without the tag, instead of the reader refusing the file.
 */
const UNKNOWN_TAG = "";
const anyScalar = defineScalarTag(UNKNOWN_TAG, {
  matchByTagPrefix: true,
  resolve: (source) => source,
  identify: () => false,
});
const anySequence = defineSequenceTag<unknown[]>(UNKNOWN_TAG, {
  matchByTagPrefix: true,
  create: () => [],
  addItem: (items, item) => {
    items.push(item);
  },
  identify: () => false,
});
const anyMapping = defineMappingTag<Record<string, unknown>>(UNKNOWN_TAG, {
  matchByTagPrefix: true,
  create: () => ({}),
  addPair: (map, key, value) => {
    // defineProperty: a `__proto__` key stays a plain key, as in untagged mappings.
    Object.defineProperty(map, String(key), { value, enumerable: true, writable: true, configurable: true });
    return "";
  },
  has: (map, key) => Object.hasOwn(map, String(key)),
  keys: (map) => Object.keys(map),
  get: (map, key) => map[String(key)],
  identify: () => false,
});
const SCHEMA = CORE_SCHEMA.withTags(anyScalar, anySequence, anyMapping);

/**
 * Parses one YAML document (YAML 1.2 core schema; duplicate keys refused). Errors are
 * InputErrors naming `file` and the line: "is not valid JSON or YAML (reason at line L, column C)".
 * Aliases share one value in the result, so a few can stand for billions of nodes ("billion
 * laughs"); a document whose aliases expand it beyond a bound linear in its length is refused.
 */
export function readYaml(text: string, file: string): unknown {
  let value: unknown;
  try {
    value = load(text, { schema: SCHEMA, maxAliases: MAX_ALIASES, maxDepth: MAX_NESTING });
  } catch (err) {
    if (!(err instanceof YAMLException)) throw err;
    const at = err.mark ? ` at line ${err.mark.line + 1}, column ${err.mark.column + 1}` : "";
    throw new InputError(file, `is not valid JSON or YAML (${err.reason}${at})`);
  }
  checkExpansion(value, 10 * text.length + 10_000, file);
  return value;
}

/** YAML text of a plain value (objects, arrays, strings, numbers, booleans), no line folding. */
export function writeYaml(value: unknown): string {
  return dump(value, { lineWidth: -1 });
}

/**
 * Refuses a value that, with shared (aliased) parts counted each time they appear, has more than
 * `maxNodes` nodes or nests deeper than MAX_NESTING: what the schema would walk. Stops as soon as
 * a bound is passed, so a bomb (or an alias cycle) costs at most `maxNodes` steps.
 */
function checkExpansion(root: unknown, maxNodes: number, file: string): void {
  const stack: { value: unknown; depth: number }[] = [{ value: root, depth: 0 }];
  let nodes = 0;
  while (stack.length > 0) {
    const { value, depth } = stack.pop() as { value: unknown; depth: number };
    if (++nodes > maxNodes)
      throw new InputError(file, `its aliases (*name) expand to more than ${maxNodes} values`);
    if (value === null || typeof value !== "object") continue;
    if (depth >= MAX_NESTING)
      throw new InputError(
        file,
        `with its aliases (*name) expanded, lists and objects nest more than ${MAX_NESTING} levels deep`,
      );
    for (const child of Object.values(value)) stack.push({ value: child, depth: depth + 1 });
  }
}
