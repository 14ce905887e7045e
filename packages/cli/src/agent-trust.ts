import { resolve } from "node:path";
import { InputError } from "@parley/core/errors";
import { type AgentRef, agentRef, isModulePath } from "@parley/node/agent-ref";

/** The trust flags `negotiate` and `tournament` share. */
export interface TrustOptions {
  /** Module paths to run as trusted code (`--trust`, repeatable). */
  trust?: string[];
  /** Every module runs as trusted code (`--trusted-agents`). */
  trustedAgents?: boolean;
}

/**
 * The agents as references. Agent modules run in the sandbox unless marked
 * trusted; built-in agents are Parley's own code and always run as it.
 * A `--trust` path that is none of the agent modules is an error.
 */
export function agentRefs(specs: readonly string[], opts: TrustOptions): AgentRef[] {
  const modules = new Set(specs.filter(isModulePath).map((spec) => resolve(spec)));
  const trusted = new Set<string>();
  for (const path of opts.trust ?? []) {
    if (!modules.has(resolve(path)))
      throw new InputError(`--trust ${path}`, "is not one of the agent modules of this command");
    trusted.add(resolve(path));
  }
  return specs.map((spec) => agentRef(spec, opts.trustedAgents === true || trusted.has(resolve(spec))));
}
