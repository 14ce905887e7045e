// Instruction counts for benchmarks whose wall and CPU time the machine's load would blur.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Instructions one run of `node --single-threaded --predictable ...args` executes, counted by
 * valgrind's callgrind. Without background compiler or GC threads the count repeats run to run.
 */
export function countInstructions(args, { cwd } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "parley-callgrind-"));
  const out = join(dir, "callgrind.out");
  try {
    execFileSync(
      "valgrind",
      [
        "--tool=callgrind",
        `--callgrind-out-file=${out}`,
        process.execPath,
        "--single-threaded",
        "--predictable",
        ...args,
      ],
      { cwd, stdio: "ignore" },
    );
    return Number(/^summary: (\d+)/m.exec(readFileSync(out, "utf8"))[1]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
