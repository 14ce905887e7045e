import { columns, type Style, wrap } from "../text.js";

/**
 * The walkthrough as a small document, so the terminal and the Markdown
 * report say exactly the same thing.
 */
export type Block =
  | { kind: "title"; text: string; subtitle?: string }
  | { kind: "heading"; text: string }
  | { kind: "text"; text: string }
  /** A warning the reader must not miss (the disclaimer). */
  | { kind: "note"; text: string }
  | { kind: "list"; items: string[] }
  | { kind: "table"; head: string[]; rows: string[][] }
  /** Commands to type. */
  | { kind: "code"; lines: string[] }
  /** A picture: the report embeds it; the terminal says where it is. */
  | { kind: "image"; file: string; caption: string };

export function toTerminal(blocks: readonly Block[], width: number, style: Style): string {
  const out: string[] = [];
  blocks.forEach((b, i) => {
    // A blank line between blocks, except under a heading.
    if (i > 0 && b.kind !== "heading" && blocks[i - 1].kind !== "heading") out.push("");
    switch (b.kind) {
      case "title":
        out.push(style.bold(b.text), ...(b.subtitle ? [b.subtitle] : []), "=".repeat(Math.min(width, 72)));
        break;
      case "heading":
        out.push("", style.bold(b.text), "-".repeat(Math.min(b.text.length, width)));
        break;
      case "text":
        out.push(...wrap(b.text, width));
        break;
      case "note":
        out.push(...wrap(b.text, width, "! ").map((l) => style.bold(l)));
        break;
      case "list":
        for (const item of b.items) {
          const [first, ...rest] = wrap(item, width - 2, "  ");
          out.push(`- ${first.slice(2)}`, ...rest);
        }
        break;
      case "table":
        out.push(...tableLines(b.head, b.rows, width, style));
        break;
      case "code":
        out.push(...b.lines.map((l) => `  ${l}`));
        break;
      case "image":
        out.push(...wrap(`${b.file}: ${b.caption}`, width, "  "));
        break;
    }
  });
  return `${out.join("\n")}\n`;
}

/** Columns when they fit the width; else each row's last cell goes on the lines below the others. */
function tableLines(head: string[], rows: string[][], width: number, style: Style): string[] {
  const lines = columns([head, ...rows]);
  if (lines.every((l) => l.length <= width)) return lines.map((l, i) => (i === 0 ? style.dim(l) : l));
  const firsts = columns([head, ...rows].map((r) => r.slice(0, -1)));
  return [head, ...rows].flatMap((row, i) => {
    const last = wrap(row[row.length - 1], width, "        ");
    return i === 0 ? [style.dim(`${firsts[0]}  ${row[row.length - 1]}`)] : [firsts[i], ...last];
  });
}

export function toMarkdown(blocks: readonly Block[]): string {
  const out: string[] = [];
  const cell = (s: string) => s.replaceAll("|", "\\|");
  for (const b of blocks) {
    switch (b.kind) {
      case "title":
        out.push(`# ${b.text}`, "", ...(b.subtitle ? [b.subtitle, ""] : []));
        break;
      case "heading":
        out.push(`## ${b.text}`, "");
        break;
      case "text":
        out.push(b.text, "");
        break;
      case "note":
        out.push(`> **${b.text}**`, "");
        break;
      case "list":
        out.push(...b.items.map((i) => `- ${i}`), "");
        break;
      case "table":
        out.push(
          `| ${b.head.map(cell).join(" | ")} |`,
          `| ${b.head.map(() => "---").join(" | ")} |`,
          ...b.rows.map((r) => `| ${r.map(cell).join(" | ")} |`),
          "",
        );
        break;
      case "code":
        out.push("```sh", ...b.lines, "```", "");
        break;
      case "image":
        out.push(`![${b.caption}](${b.file})`, "", `*${b.caption}*`, "");
        break;
    }
  }
  return `${out.join("\n").trimEnd()}\n`;
}
