import { mkdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { InputError } from "@parley/core/errors";

/**
 * Writing Parley's outputs (plots, traces, reports, converted scenarios):
 * every file-system failure becomes an InputError naming the path and saying
 * why in words (exit 2, one line), never a raw ENOENT/EEXIST/ENOTDIR.
 */

/** Writes a file, or throws an InputError naming `path`. */
export function writeOutput(path: string, data: string | Uint8Array): void {
  try {
    writeFileSync(path, data);
  } catch (err) {
    throw fileSystemError(err, path) ?? err;
  }
}

/** Creates a folder (and its parents), or throws an InputError naming `path`. */
export function makeFolder(path: string): void {
  try {
    mkdirSync(path, { recursive: true });
  } catch (err) {
    throw fileSystemError(err, path) ?? err;
  }
}

/**
 * Checks, before any work is done, that a file can be written at `path`: its
 * folder exists and `path` is not a folder. `flag` names the option in errors.
 */
export function checkWritable(path: string, flag: string): void {
  const parent = dirname(resolve(path));
  const kind = kindOf(parent);
  if (kind === "missing")
    throw new InputError(`${flag} ${path}`, `the folder ${dirname(path)} does not exist`);
  if (kind === "file") throw new InputError(`${flag} ${path}`, `${dirname(path)} is a file, not a folder`);
  if (kindOf(path) === "folder") throw new InputError(`${flag} ${path}`, "is a folder; give a file name");
}

function kindOf(path: string): "missing" | "file" | "folder" {
  try {
    return statSync(path).isDirectory() ? "folder" : "file";
  } catch {
    return "missing";
  }
}

const REASONS: Record<string, string> = {
  ENOENT: "no such file or folder (a folder on the way does not exist)",
  ENOTDIR: "a part of the path is a file, not a folder",
  EEXIST: "is a file where a folder is needed",
  EISDIR: "is a folder where a file is needed",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EROFS: "is on a read-only file system",
  ENOSPC: "no space left on the device",
  EDQUOT: "disk quota exceeded",
  ENAMETOOLONG: "the name is too long",
  EMFILE: "too many open files",
  ELOOP: "too many symbolic links",
  EBUSY: "is busy",
};

/**
 * A Node file-system error (it carries `code`, and usually `path`) as an
 * InputError naming the path; undefined for any other error.
 */
export function fileSystemError(err: unknown, path?: string): InputError | undefined {
  if (!(err instanceof Error)) return undefined;
  const { code, path: errPath, syscall } = err as NodeJS.ErrnoException;
  const where = path ?? errPath;
  if (typeof code !== "string" || !/^E[A-Z]+$/.test(code) || where === undefined || syscall === undefined)
    return undefined;
  return new InputError(where, `${REASONS[code] ?? `cannot ${syscall} it`} (${code})`);
}
