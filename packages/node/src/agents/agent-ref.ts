import { resolve } from "node:path";

/** Which agent fills a seat: a built-in agent by name, or a module file whose default export is an AgentDefinition. */
export type AgentRef = { builtin: string } | { module: string };

/** An agent of a tournament: where it comes from, and the name its definition gives. */
export type AgentSource = AgentRef & { name: string };

/** True when an agent spec (as the CLI takes it) names a module file rather than a built-in agent. */
export function isModulePath(spec: string): boolean {
  return /[\\/]/.test(spec) || /\.(c|m)?js$/.test(spec);
}

/** An agent spec as a reference; module paths are resolved from the working directory. */
export function agentRef(spec: string): AgentRef {
  return isModulePath(spec) ? { module: resolve(spec) } : { builtin: spec };
}

/** How an agent is named before its definition is loaded: a built-in name, or the module's path as given. */
export function refLabel(ref: AgentRef): string {
  return "module" in ref ? ref.module : ref.builtin;
}
