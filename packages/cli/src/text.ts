/** Width text is wrapped to: the terminal's, within reason, else 100. */
export function lineWidth(stream: NodeJS.WriteStream = process.stdout): number {
  const columns = stream.isTTY ? stream.columns : undefined;
  return Math.max(60, Math.min(columns ?? 100, 110));
}

/** Words of `text` on lines of at most `width` characters, each prefixed by `indent`. */
export function wrap(text: string, width: number, indent = ""): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines;
}

/** Bold and dim for headings and asides, only when writing to a terminal. */
export interface Style {
  bold(s: string): string;
  dim(s: string): string;
}

export function styleFor(stream: NodeJS.WriteStream = process.stdout): Style {
  const on = stream.isTTY === true && !process.env.NO_COLOR;
  return {
    bold: (s) => (on ? `\x1b[1m${s}\x1b[22m` : s),
    dim: (s) => (on ? `\x1b[2m${s}\x1b[22m` : s),
  };
}

export const PLAIN: Style = { bold: (s) => s, dim: (s) => s };

/** Rows as columns padded to their widest cell (the last column is not padded). */
export function columns(rows: readonly (readonly string[])[], indent = "  ", gap = "  "): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cell.length);
    });
  }
  return rows.map(
    (row) =>
      indent +
      row
        .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i])))
        .join(gap)
        .trimEnd(),
  );
}

export const f3 = (x: number) => x.toFixed(3);
