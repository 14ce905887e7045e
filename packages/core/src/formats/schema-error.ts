import type { z } from "zod";
import { InputError } from "../errors.js";

type Issue = z.core.$ZodIssue;
type Path = readonly PropertyKey[];

/**
 * The first schema violation as an InputError naming the field path (e.g.
 * `parties[1].weights.price`) and saying what was expected and what was found.
 * `input` is the document that was checked: the value found is read from it.
 * For a union (e.g. an issue that is discrete, integer or real) the branch
 * that came closest is reported, not zod's bare "Invalid input".
 */
export function schemaError(file: string, error: z.ZodError, input?: unknown): InputError {
  const { path, reason } = explain(error.issues[0], [], input);
  const field = formatPath(path);
  return new InputError(field ? `${file}: ${field}` : file, reason);
}

function explain(issue: Issue, base: Path, input: unknown): { path: Path; reason: string } {
  const path = [...base, ...issue.path];
  if (issue.code === "invalid_union" && issue.errors.length > 0) {
    const branches = issue.errors.filter((b) => b.length > 0);
    const fewest = Math.min(...branches.map((b) => b.length));
    const best = branches.filter((b) => b.length === fewest);
    // Every branch failed on the value itself (e.g. "a string or an object"): list what would do.
    if (best.every((b) => b[0].code === "invalid_type" && b[0].path.length === 0)) {
      const expected = [...new Set(best.map((b) => (b[0] as { expected: string }).expected))];
      return {
        path,
        reason: `expected ${orList(expected.map(article))}, found ${describe(valueAt(input, path))}`,
      };
    }
    return explain(best[0][0], path, input);
  }
  const found = valueAt(input, path);
  switch (issue.code) {
    case "invalid_type":
      return found === MISSING
        ? { path, reason: `is missing (expected ${article(issue.expected)})` }
        : { path, reason: `expected ${article(issue.expected)}, found ${describe(found)}` };
    case "invalid_value":
      return {
        path,
        reason:
          issue.message && !issue.message.startsWith("Invalid")
            ? issue.message
            : `expected ${orList(issue.values.map((v) => JSON.stringify(v)))}, found ${describe(found)}`,
      };
    case "too_small":
    case "too_big": {
      const op = issue.code === "too_small" ? (issue.inclusive ? "≥" : ">") : issue.inclusive ? "≤" : "<";
      const bound = String(issue.code === "too_small" ? issue.minimum : issue.maximum);
      if (issue.origin === "array" || issue.origin === "string" || issue.origin === "set") {
        const unit = issue.origin === "string" ? "characters" : "items";
        return { path, reason: `needs ${op} ${bound} ${unit}, found ${describe(found)}` };
      }
      return { path, reason: `must be ${op} ${bound}, found ${describe(found)}` };
    }
    case "unrecognized_keys":
      return {
        path,
        reason: `has unknown ${issue.keys.length === 1 ? "key" : "keys"} ${issue.keys.map((k) => `"${k}"`).join(", ")}`,
      };
    case "not_multiple_of":
      return { path, reason: `must be a multiple of ${String(issue.divisor)}, found ${describe(found)}` };
    default:
      return { path, reason: issue.message.replace(/^Invalid input: /, "") };
  }
}

const MISSING = Symbol("missing");

function valueAt(input: unknown, path: Path): unknown {
  let v: unknown = input;
  for (const key of path) {
    if (typeof v !== "object" || v === null || !Object.hasOwn(v, key)) return MISSING;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/** A value as a person would name it: `string "1"`, `number -3`, `null`, `an array`. */
function describe(v: unknown): string {
  if (v === MISSING || v === undefined) return "nothing";
  if (v === null) return "null";
  if (Array.isArray(v)) return `an array of ${v.length}`;
  if (typeof v === "string") return `string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "bigint")
    return `${typeof v} ${String(v)}`;
  if (typeof v === "object") return "an object";
  return typeof v;
}

function article(type: string): string {
  // zod names a whole number "int".
  if (type === "int") return "an integer";
  if (type === "array" || type === "object") return `an ${type}`;
  if (/^[a-z]+$/.test(type)) return `a ${type}`;
  return type;
}

function orList(items: string[]): string {
  return items.length <= 1
    ? (items[0] ?? "")
    : `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}

function formatPath(path: Path): string {
  return path
    .map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
    .join("");
}
