import type { Command } from "commander";

/** Every `parley` sub-command; one module each under commands/. */
export function registerCommands(program: Command): void {
  void program;
}
