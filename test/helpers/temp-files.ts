import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";

/** A temporary folder for one test file's inputs, removed after its tests. */
export function tempFiles(prefix: string) {
  const root = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  return {
    root,
    /** Writes one file and returns its path. */
    file(name: string, text: string): string {
      const path = join(root, name);
      writeFileSync(path, text);
      return path;
    },
    /** Makes a folder of the given files and returns its path. */
    folder(name: string, files: Record<string, string>): string {
      const dir = join(root, name);
      mkdirSync(dir);
      for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
      return dir;
    },
  };
}
