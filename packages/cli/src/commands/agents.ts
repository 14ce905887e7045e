import { BUILTIN_AGENTS, MEDIATORS } from "@parley/core/catalog";

/** `parley agents` (declared in commands/index.ts). */
export function listAgents(): void {
  const width = Math.max(
    ...BUILTIN_AGENTS.map((a) => a.name.length),
    ...Object.keys(MEDIATORS).map((m) => m.length),
  );
  const lines = ["Negotiators (--agents):"];
  for (const a of BUILTIN_AGENTS) lines.push(`  ${a.name.padEnd(width)}  ${a.description}`);
  lines.push("", "Mediators (--protocol mediated --mediator):");
  for (const [name, m] of Object.entries(MEDIATORS)) lines.push(`  ${name.padEnd(width)}  ${m.description}`);
  lines.push(
    "",
    "A path to a module whose default export is { name, description, create() } also works (docs/negotiators.md).",
  );
  process.stdout.write(`${lines.join("\n")}\n`);
}
