import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const MAIN = `${ROOT}packages/cli/dist/main.js`;

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built `parley` command (test/global-setup.ts builds it) from the repository root. */
export function runCli(args: readonly string[]): CliRun {
  const run = spawnSync(process.execPath, [MAIN, ...args], { cwd: ROOT, encoding: "utf8" });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Exit code 2, nothing on stdout, exactly one line on stderr matching `message`, no stack trace. */
export function expectRefused(args: readonly string[], message: RegExp): void {
  const run = runCli(args);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(run.stderr.trimEnd().split("\n")).toEqual([expect.stringMatching(message)]);
  expect(run.stdout).toBe("");
  expect(run.status).toBe(2);
}
