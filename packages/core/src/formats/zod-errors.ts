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

/** zod's "Invalid input: expected string, received undefined" reads better as "is missing". */
function plainMessage(message: string): string {
  const missing = /^Invalid input: expected (.+), received undefined$/.exec(message);
  return missing ? `is missing (expected ${missing[1]})` : message;
}
