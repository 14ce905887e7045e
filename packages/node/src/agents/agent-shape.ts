import type { AgentDefinition, Negotiator } from "@parley/core/engine";

/**
 * A module's default export that does not keep the agent contract; `message`
 * says why, for the loader to name the file. Pure: the sandbox runs this
 * inside its isolate as well.
 */
export class NotAnAgent extends Error {}

/**
 * Checks a module's default export: an AgentDefinition ({ name, description,
 * create() }) whose create() returns a negotiator (one is made to see).
 * A missing description becomes "".
 */
export function checkAgent(exported: unknown): AgentDefinition {
  const def = exported as Partial<AgentDefinition> | null | undefined;
  if (def === null || typeof def !== "object")
    throw new NotAnAgent("has no default export of an agent definition ({ name, description, create })");
  if (typeof def.name !== "string" || def.name.length === 0)
    throw new NotAnAgent("default export has no `name` (a non-empty string)");
  if (typeof def.create !== "function")
    throw new NotAnAgent("default export has no `create()` function returning a negotiator");
  let made: unknown;
  try {
    made = def.create();
  } catch (err) {
    throw new NotAnAgent(`create() threw: ${(err as Error).message}`);
  }
  checkNegotiator(made);
  if (typeof def.description === "string") return def as AgentDefinition;
  return { name: def.name, description: "", create: () => (def as AgentDefinition).create() };
}

/** What create() returned, if it has the methods every seat needs (init, propose, respond). */
export function checkNegotiator(made: unknown): Negotiator {
  const missing = ["init", "propose", "respond"].filter(
    (m) => typeof (made as Record<string, unknown> | null)?.[m] !== "function",
  );
  if (missing.length > 0)
    throw new NotAnAgent(`create() returned something that is not a negotiator (no ${missing.join(", ")})`);
  return made as Negotiator;
}
