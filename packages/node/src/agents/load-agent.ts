import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { type AgentDefinition, builtinAgent, hash53, InputError } from "@parley/core/engine";
import type { AgentRef } from "./agent-ref.js";

/**
 * The one place an agent's code is loaded: a built-in agent, or a module
 * whose default export must be an AgentDefinition ({ name, description,
 * create() }) whose create() returns a Negotiator (init, propose, respond).
 * Called inside the isolation (a worker thread), never in the main thread.
 * Throws InputError naming the file and what is missing.
 */
export async function loadAgent(ref: AgentRef): Promise<AgentDefinition> {
  if ("builtin" in ref) return builtinAgent(ref.builtin);
  const path = ref.module;
  const full = resolve(path);
  let mod: { default?: unknown };
  try {
    mod = (await import(pathToFileURL(full).href)) as { default?: unknown };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ERR_MODULE_NOT_FOUND" && !existsSync(full)) throw new InputError(path, "does not exist");
    throw new InputError(path, `cannot be loaded as an agent module (${(err as Error).message})`);
  }
  const def = mod.default as Partial<AgentDefinition> | undefined;
  if (def === null || typeof def !== "object")
    throw new InputError(
      path,
      "has no default export of an agent definition ({ name, description, create })",
    );
  if (typeof def.name !== "string" || def.name.length === 0)
    throw new InputError(path, "default export has no `name` (a non-empty string)");
  if (typeof def.create !== "function")
    throw new InputError(path, "default export has no `create()` function returning a negotiator");
  let negotiator: unknown;
  try {
    negotiator = def.create();
  } catch (err) {
    throw new InputError(path, `create() threw: ${(err as Error).message}`);
  }
  const missing = ["init", "propose", "respond"].filter(
    (m) => typeof (negotiator as Record<string, unknown> | null)?.[m] !== "function",
  );
  if (missing.length > 0)
    throw new InputError(
      path,
      `create() returned something that is not a negotiator (no ${missing.join(", ")})`,
    );
  if (typeof def.description === "string") return def as AgentDefinition;
  return { name: def.name, description: "", create: () => (def as AgentDefinition).create() };
}

/**
 * What identifies a module agent's code: a hash of the module file's content
 * (not its path, so a tournament resumes from another working directory; not
 * the files it imports).
 */
export function moduleFingerprint(path: string): string {
  const full = resolve(path);
  if (!existsSync(full)) throw new InputError(path, "does not exist");
  return `module#${hash53(readFileSync(full, "utf8")).toString(16)}`;
}
