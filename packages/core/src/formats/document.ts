import { parse as parseYaml } from "yaml";
import type { z } from "zod";
import { InputError } from "../errors.js";
import { checkDocumentNesting } from "./nesting.js";
import { schemaError } from "./schema-error.js";

export { schemaError };

/**
 * Parses JSON or YAML text (JSON when it opens with `{`) and validates it
 * against `schema`; errors name `file` and the field at fault.
 */
export function parseDocument<S extends z.ZodType>(text: string, file: string, schema: S): z.output<S> {
  checkDocumentNesting(text, file);
  let raw: unknown;
  try {
    // logLevel "error": an odd tag is the schema's to judge, not a warning printed behind the reader's back.
    raw = text.trimStart().startsWith("{")
      ? JSON.parse(text)
      : parseYaml(text, { maxAliasCount: 100, logLevel: "error" });
  } catch (err) {
    throw new InputError(file, `is not valid JSON or YAML (${(err as Error).message.split("\n")[0]})`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw schemaError(file, parsed.error, raw);
  return parsed.data;
}
