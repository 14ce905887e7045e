import { BUILTIN_AGENTS } from "@parley/core/catalog";
import type { AgentRef } from "@parley/node";

/** An agent this server can seat (rooms) or enter (tournaments), as `GET /api/agents` lists it. */
export interface AgentSummary {
  name: string;
  description: string;
  source: "builtin" | "module";
}

/**
 * The agents of this server: the built-in negotiators, then the operator's modules named at start
 * (`--agent`). Nothing else: code is never uploaded.
 */
export class AgentList {
  constructor(private readonly modules: Record<string, string> = {}) {}

  list(): AgentSummary[] {
    return [
      ...BUILTIN_AGENTS.map((a) => ({
        name: a.name,
        description: a.description,
        source: "builtin" as const,
      })),
      ...Object.keys(this.modules).map((name) => ({
        name,
        description: "an agent module of this server's operator",
        source: "module" as const,
      })),
    ];
  }

  /** How the isolation loads `name`, or undefined when this server has no such agent. */
  ref(name: string): AgentRef | undefined {
    if (Object.hasOwn(this.modules, name)) return { module: this.modules[name] };
    return BUILTIN_AGENTS.some((a) => a.name === name) ? { builtin: name } : undefined;
  }
}
