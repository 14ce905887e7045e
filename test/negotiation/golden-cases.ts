import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  BUILTIN_AGENTS,
  type ProtocolName,
  referenceAnalysis,
  resultSummary,
  runNegotiation,
  type Scenario,
  type ScenarioAnalysis,
  syntheticScenario,
  traceToJsonl,
} from "@parley/core";
import { loadScenario } from "../../packages/cli/src/scenario-loader.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** One recorded negotiation: what `parley negotiate … --seed N` runs. */
export interface GoldenCase {
  scenario: string;
  protocol: ProtocolName;
  agents: string[];
  mediator?: string;
  seed: number;
  /** Mediated: settled points, as issue name → value. */
  settled?: Record<string, string>;
}

const PEACE = "scenarios/peace-plan/plan.yaml";
const LAPTOP = "scenarios/genius/anac/y2012/LaptopA";
const ENGLAND = "scenarios/genius/anac/y2010/EnglandZimbabwe";
const THREE = "synthetic:3";

/** Every built-in agent pair (both orders) on two scenarios, three-party SAOP, both mediators on two plans. */
export function goldenCases(): GoldenCase[] {
  const names = BUILTIN_AGENTS.map((a) => a.name);
  const cases: GoldenCase[] = [];
  for (const scenario of [LAPTOP, ENGLAND])
    for (const a of names)
      for (const b of names) cases.push({ scenario, protocol: "saop", agents: [a, b], seed: 7 });
  for (const agents of [
    ["boulware", "conceder", "linear"],
    ["nash-frequency", "tft", "micro"],
    ["random", "hardheaded", "steady"],
  ])
    for (const seed of [1, 2]) cases.push({ scenario: THREE, protocol: "saop", agents, seed });
  for (const mediator of ["annealing", "frontier"]) {
    for (const seed of [1, 2]) {
      cases.push({
        scenario: PEACE,
        protocol: "mediated",
        agents: ["linear", "linear", "linear", "linear"],
        mediator,
        seed,
      });
      cases.push({ scenario: ENGLAND, protocol: "mediated", agents: ["linear", "linear"], mediator, seed });
    }
    cases.push({
      scenario: ENGLAND,
      protocol: "mediated",
      agents: ["random", "boulware"],
      mediator,
      seed: 3,
    });
    cases.push({
      scenario: PEACE,
      protocol: "mediated",
      agents: ["boulware", "tft", "linear", "micro"],
      mediator,
      seed: 5,
      settled: { ceasefire: "phased", guarantees: "political-assurances", prisoners: "all-for-all" },
    });
  }
  return cases;
}

const loaded = new Map<string, Promise<{ scenario: Scenario; analysis: ScenarioAnalysis }>>();

/** The scenario and its analysis, loaded once (the CLI also analyses once per run). */
function goldenScenario(path: string): Promise<{ scenario: Scenario; analysis: ScenarioAnalysis }> {
  let s = loaded.get(path);
  if (!s) {
    s = (
      path === THREE
        ? Promise.resolve(syntheticScenario({ parties: 3, issues: 4, options: 5, seed: 11 }))
        : loadScenario(`${ROOT}${path}`, { onWarning: () => {} })
    ).then((scenario) => ({ scenario, analysis: referenceAnalysis(scenario) }));
    loaded.set(path, s);
  }
  return s;
}

export function goldenKey(c: GoldenCase): string {
  const settled = c.settled ? ` settled ${JSON.stringify(c.settled)}` : "";
  return `${c.protocol} ${c.scenario} ${c.agents.join(",")}${c.mediator ? ` ${c.mediator}` : ""} seed ${c.seed}${settled}`;
}

const sha = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 32);

/** Digests of the trace (JSON Lines) and of the `--json` output, exactly as the CLI writes them. */
export async function goldenDigest(c: GoldenCase): Promise<{ trace: string; json: string; events: number }> {
  const { scenario, analysis } = await goldenScenario(c.scenario);
  const settled = c.settled
    ? scenario.space.issues.map((issue, i) =>
        issue.name in c.settled! ? scenario.space.optionOf(i, c.settled![issue.name]) : null,
      )
    : undefined;
  const r = runNegotiation(scenario, {
    protocol: c.protocol,
    agents: c.agents,
    mediator: c.mediator,
    seed: c.seed,
    settled,
    analysis,
  });
  return {
    trace: sha(traceToJsonl(scenario.space, r.trace)),
    json: sha(`${JSON.stringify(resultSummary(r), null, 2)}\n`),
    events: r.trace.length,
  };
}

export const GOLDEN_FILE = fileURLToPath(new URL("./fixtures/golden-digests.json", import.meta.url));

export function readGolden(): Record<string, { trace: string; json: string; events: number }> {
  return JSON.parse(readFileSync(GOLDEN_FILE, "utf8"));
}
