import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const PARLEY = fileURLToPath(new URL("../../cli/bin/parley.js", import.meta.url));

/** Starts the built `parley serve` on a free port; resolves with its base URL once it prints its line. */
export function serve(db: string, args: string[] = []): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, [PARLEY, "serve", "--port", "0", "--db", db, ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once("line", (line) => {
      const m = /^Listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(line);
      if (m) resolve({ child, base: m[1] });
      else reject(new Error(`unexpected first line: ${line}`));
    });
    child.once("exit", (code) => reject(new Error(`parley serve exited (${code}): ${stderr}`)));
  });
}

/** kill -9, resolving once the process is gone. */
export function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });
}
