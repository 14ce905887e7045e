import type { z } from "zod";
import { InputError } from "../errors.js";
import { checkDocumentNesting } from "./nesting.js";
import { schemaError } from "./schema-error.js";
import { readYaml } from "./yaml-text.js";

export { schemaError };

/**
 * Parses JSON or YAML text (JSON when it opens with `{`) and validates it
 * against `schema`; errors name `file` and the field at fault.
 */
export function parseDocument<S extends z.ZodType>(text: string, file: string, schema: S): z.output<S> {
  checkDocumentNesting(text, file);
  let raw: unknown;
  if (text.trimStart().startsWith("{")) {
    try {
      raw = JSON.parse(text);
    } catch (err) {
      throw new InputError(file, `is not valid JSON or YAML (${(err as Error).message.split("\n")[0]})`);
    }
  } else raw = readYaml(text, file);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw schemaError(file, parsed.error, raw);
  return parsed.data;
}
