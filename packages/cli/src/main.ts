#!/usr/bin/env node
import { readFileSync } from "node:fs";
import { InputError } from "@parley/core/errors";
import { Command, CommanderError } from "commander";
import { registerCommands } from "./commands/index.js";
import { fileSystemError } from "./files.js";

const program = new Command()
  .name("parley")
  .description("Parley: model, analyse and run multi-party, multi-issue negotiations.")
  .version(packageVersion(), "-V, --version", "print Parley's version")
  .option("--debug", "show stack traces for errors")
  .showHelpAfterError()
  .exitOverride();

registerCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  process.exitCode = reportError(err, process.argv.includes("--debug"));
}

/** Prints an error the way a user should see it and returns the exit code. */
function reportError(err: unknown, debug: boolean): number {
  if (err instanceof CommanderError) return err.exitCode; // commander already printed it
  const input = err instanceof InputError ? err : fileSystemError(err);
  if (input) {
    process.stderr.write(`parley: ${input.message}\n`);
    if (debug) process.stderr.write(`${(err as Error).stack}\n`);
    return 2;
  }
  process.stderr.write(`parley: ${err instanceof Error ? err.message : String(err)}\n`);
  if (debug && err instanceof Error) process.stderr.write(`${err.stack}\n`);
  else process.stderr.write("(run with --debug for the stack trace)\n");
  return 1;
}

/** The version in this package's package.json (dist/main.js, the bundle, and build/main.js sit one folder below it). */
function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
    version: string;
  };
  return pkg.version;
}
