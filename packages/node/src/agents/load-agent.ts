import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { type AgentDefinition, builtinAgent, hash53, InputError } from "@parley/core/engine";
import { DEFAULT_MOVE_BUDGET_MS } from "../isolation/isolated-seat.js";
import type { SandboxLimits } from "../sandbox/sandbox.js";
import type { AgentRef } from "./agent-ref.js";
import { checkAgent, NotAnAgent } from "./agent-shape.js";

/**
 * The one place an agent's code is loaded: a built-in agent, or a module
 * whose default export must be an AgentDefinition ({ name, description,
 * create() }) whose create() returns a Negotiator (init, propose, respond).
 * A module not marked trusted is loaded into the sandbox (`limits`: its heap
 * and the time one call may take, by default a move's budget).
 * Called inside the isolation (a worker thread), never in the main thread.
 * Throws InputError naming the file and what is missing.
 */
export async function loadAgent(ref: AgentRef, limits: SandboxLimits = {}): Promise<AgentDefinition> {
  if ("builtin" in ref) return builtinAgent(ref.builtin);
  if (!ref.trusted) {
    // Imported on demand: a worker with only built-in or trusted agents never loads the native addon.
    const { loadSandboxedAgent } = await import("../sandbox/sandbox.js");
    return loadSandboxedAgent(ref.module, { ...limits, callMs: limits.callMs ?? DEFAULT_MOVE_BUDGET_MS });
  }
  return importAgent(ref.module);
}

/** A trusted module, imported as plain code. */
async function importAgent(path: string): Promise<AgentDefinition> {
  const full = resolve(path);
  let mod: { default?: unknown };
  try {
    mod = (await import(pathToFileURL(full).href)) as { default?: unknown };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ERR_MODULE_NOT_FOUND" && !existsSync(full)) throw new InputError(path, "does not exist");
    throw new InputError(path, `cannot be loaded as an agent module (${(err as Error).message})`);
  }
  try {
    return checkAgent(mod.default);
  } catch (err) {
    if (err instanceof NotAnAgent) throw new InputError(path, err.message);
    throw err;
  }
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
