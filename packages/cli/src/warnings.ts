/** How many warnings print in full before the rest are summarised. */
const SHOWN = 5;

/** Warnings already printed by this command, by source: one scenario read twice warns once. */
const printed = new Set<string>();

/**
 * Prints a reader's warnings: each message once per command, the first few in
 * full, the rest as one line counting them by kind, so a folder of a thousand
 * profiles prints a handful of lines, not a thousand. `warn` replaces stderr.
 */
export function reportWarnings(
  source: string,
  warnings: readonly string[],
  warn?: (message: string) => void,
): void {
  const fresh = [...new Set(warnings)].filter((w) => !printed.has(`${source}\n${w}`));
  for (const w of fresh) printed.add(`${source}\n${w}`);
  const write = warn ?? ((m: string) => process.stderr.write(`parley: warning: ${m}\n`));
  if (fresh.length <= SHOWN) {
    for (const w of fresh) write(w);
    return;
  }
  for (const w of fresh.slice(0, SHOWN - 1)) write(w);
  write(summary(fresh.slice(SHOWN - 1)));
}

/** "… and 996 more: 995 × weights sum to …, not 1; 1 × no weight for issue …" */
function summary(rest: readonly string[]): string {
  const kinds = new Map<string, number>();
  for (const w of rest) {
    const kind = w.replace(/^[^:]*: /, "").replace(/-?\d+(\.\d+)?(e[-+]?\d+)?/gi, "…");
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  const top = [...kinds].sort((a, b) => b[1] - a[1]);
  const listed = top.slice(0, 3).map(([kind, n]) => `${n} × ${kind}`);
  if (top.length > 3) listed.push(`${top.length - 3} other kinds`);
  return `… and ${rest.length} more warnings: ${listed.join("; ")}`;
}
