import { BUILTIN_AGENTS, MEDIATORS } from "@parley/core";
import type { Command } from "commander";

export function registerAgents(program: Command): void {
  program
    .command("agents")
    .description("List the built-in negotiators (for --agents) and mediators (for --mediator)")
    .action(() => {
      const width = Math.max(
        ...BUILTIN_AGENTS.map((a) => a.name.length),
        ...Object.keys(MEDIATORS).map((m) => m.length),
      );
      const lines = ["Negotiators (--agents):"];
      for (const a of BUILTIN_AGENTS) lines.push(`  ${a.name.padEnd(width)}  ${a.description}`);
      lines.push("", "Mediators (--protocol mediated --mediator):");
      for (const [name, m] of Object.entries(MEDIATORS))
        lines.push(`  ${name.padEnd(width)}  ${m.description}`);
      lines.push(
        "",
        "A path to a module whose default export is { name, description, create() } also works (docs/negotiators.md).",
      );
      process.stdout.write(`${lines.join("\n")}\n`);
    });
}
