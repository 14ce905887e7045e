import { resolve } from "node:path";

/**
 * Which agent fills a seat: a built-in agent by name, or a module file whose
 * default export is an AgentDefinition. A module runs in the sandbox unless
 * `trusted` (then it runs as plain code in the worker, faster, with every right of the process).
 */
export type AgentRef = { builtin: string } | { module: string; trusted?: boolean };

/** An agent of a tournament: where it comes from, and the name its definition gives. */
export type AgentSource = AgentRef & { name: string };

/** True when an agent spec (as the CLI takes it) names a module file rather than a built-in agent. */
export function isModulePath(spec: string): boolean {
  return /[\\/]/.test(spec) || /\.(c|m)?js$/.test(spec);
}

/** An agent spec as a reference; module paths are resolved from the working directory. */
export function agentRef(spec: string, trusted = false): AgentRef {
  return isModulePath(spec) ? { module: resolve(spec), ...(trusted ? { trusted } : {}) } : { builtin: spec };
}

/** True for a module that runs as plain code (trusted), which the worker must guard (private copies, late errors). */
export function runsUnsandboxed(ref: AgentRef): boolean {
  return "module" in ref && ref.trusted === true;
}

/** How an agent is named before its definition is loaded: a built-in name, or the module's path as given. */
export function refLabel(ref: AgentRef): string {
  return "module" in ref ? ref.module : ref.builtin;
}
