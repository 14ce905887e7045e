import { parse as parseYaml } from "yaml";
import type { z } from "zod";
import { InputError } from "../errors.js";

/** The first schema violation as an InputError naming the field path, e.g. `parties[1].weights.price`. */
export function schemaError(file: string, error: z.ZodError): InputError {
  const issue = error.issues[0];
  const path = issue.path
    .map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
    .join("");
  return new InputError(path ? `${file}: ${path}` : file, plainMessage(issue.message));
}

/**
 * Parses JSON or YAML text (JSON when it opens with `{`) and validates it
 * against `schema`; errors name `file` and the field at fault.
 */
export function parseDocument<S extends z.ZodType>(text: string, file: string, schema: S): z.output<S> {
  let raw: unknown;
  try {
    raw = text.trimStart().startsWith("{") ? JSON.parse(text) : parseYaml(text, { maxAliasCount: 100 });
  } catch (err) {
    throw new InputError(file, `is not valid JSON or YAML (${(err as Error).message.split("\n")[0]})`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw schemaError(file, parsed.error);
  return parsed.data;
}

/** zod's "Invalid input: expected string, received undefined" reads better as "is missing". */
function plainMessage(message: string): string {
  const missing = /^Invalid input: expected (.+), received undefined$/.exec(message);
  return missing ? `is missing (expected ${missing[1]})` : message;
}
