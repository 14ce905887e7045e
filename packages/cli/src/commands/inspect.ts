import type { Issue, Party, Scenario } from "@parley/core";
import { loadOptionsFrom, loadScenario } from "../scenario-loader.js";

/** The `--json` shape scripts rely on: keep it stable. */
export interface InspectJson {
  name: string;
  parties: { name: string; reservation: number; discount: number }[];
  issues: { name: string; kind: Issue["kind"]; values?: (string | number)[]; min?: number; max?: number }[];
  outcomes: string;
}

export interface InspectOptions {
  json?: boolean;
  parties?: string;
  maxFileMb?: number;
}

/** `parley inspect <scenario>` (declared in commands/index.ts). */
export async function inspect(path: string, opts: InspectOptions): Promise<void> {
  const scenario = await loadScenario(path, loadOptionsFrom(opts));
  process.stdout.write(
    opts.json ? `${JSON.stringify(inspectJson(scenario), null, 2)}\n` : describe(scenario),
  );
}

export function inspectJson(s: Scenario): InspectJson {
  return {
    name: s.name,
    parties: s.parties.map((p) => ({
      name: p.name,
      reservation: p.profile.reservation,
      discount: p.profile.discount,
    })),
    issues: s.space.issues.map((issue) =>
      issue.kind === "discrete"
        ? { name: issue.name, kind: issue.kind, values: issue.options.map((o) => o.value) }
        : { name: issue.name, kind: issue.kind, min: issue.min, max: issue.max },
    ),
    outcomes: s.space.size.toString(),
  };
}

/** Shown options per discrete issue before "… and N more". */
const MAX_OPTIONS_SHOWN = 8;

/** Human-readable description for someone who has never seen the scenario. */
export function describe(s: Scenario): string {
  const lines: string[] = [];
  lines.push(s.title ? `${s.title} (${s.name})` : s.name);
  if (s.description) lines.push("", s.description);
  if (s.source) lines.push(`Source: ${s.source}`);
  lines.push("", `Parties (${s.parties.length}):`);
  const width = Math.max(...s.parties.map((p) => p.name.length));
  s.parties.forEach((p, i) => {
    lines.push(`  ${i + 1}. ${p.name.padEnd(width)}  ${partySummary(p)}`);
    if (p.role || p.description) lines.push(`     ${[p.role, p.description].filter(Boolean).join(" — ")}`);
  });
  lines.push("", `Issues (${s.space.issueCount}), the points to agree on:`);
  for (const issue of s.space.issues) {
    lines.push(`  - ${issue.title ? `${issue.title} [${issue.name}]` : issue.name}: ${issueSummary(issue)}`);
    if (issue.description) lines.push(`      ${issue.description}`);
  }
  lines.push(
    "",
    `Outcomes: ${readableCount(s.space.size)} possible agreements (one option for every issue)`,
    "Utilities are in [0, 1]; the reservation value is what no agreement is worth to a party.",
    "",
  );
  return lines.join("\n");
}

function partySummary(p: Party): string {
  const kind =
    p.profile.utility.type === "additive" ? "weighted sum of issue values" : "hyper-rectangle constraints";
  const discount =
    p.profile.discount < 1
      ? `discount ${p.profile.discount} (utility × ${p.profile.discount}^t)`
      : "no discount";
  const red = p.profile.redLines.length > 0 ? `, ${p.profile.redLines.length} red line(s)` : "";
  return `reservation ${round(p.profile.reservation)}, ${discount}, ${kind}${red}`;
}

function issueSummary(issue: Issue): string {
  switch (issue.kind) {
    case "discrete": {
      const shown = issue.options.slice(0, MAX_OPTIONS_SHOWN).map((o) => o.value);
      const more = issue.options.length - shown.length;
      return `${issue.options.length} options: ${shown.join(" | ")}${more > 0 ? ` | … and ${more} more` : ""}`;
    }
    case "integer":
      return `whole number from ${issue.min} to ${issue.max} (${readableCount(BigInt(issue.max - issue.min + 1))} values)`;
    case "real":
      return `number from ${issue.min} to ${issue.max} (searched on ${issue.steps} evenly spaced points)`;
  }
}

/** `10,000,000,000 (1.0e10)`: grouped digits, plus scientific notation from a million up. */
export function readableCount(n: bigint): string {
  const grouped = n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  if (n < 1_000_000n) return grouped;
  return `${grouped} (${Number(n).toExponential(1).replace("e+", "e")})`;
}

function round(x: number): string {
  return String(Math.round(x * 1e6) / 1e6);
}
