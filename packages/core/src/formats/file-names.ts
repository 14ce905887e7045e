/** A file name without its directory and the given extension (e.g. ".xml"), as party names use it. */
export function fileStem(name: string, extension: string): string {
  const base = name.slice(Math.max(name.lastIndexOf("/"), name.lastIndexOf("\\")) + 1);
  return base.toLowerCase().endsWith(extension) ? base.slice(0, -extension.length) : base;
}

/** Sorts files by name in code-point order (the order GENIUS folders list parties in). */
export function byName<T extends { name: string }>(files: readonly T[]): T[] {
  return [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
