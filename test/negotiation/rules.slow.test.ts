import { readFileSync } from "node:fs";
import {
  type AgreementRule,
  PreparedScenario,
  readParleyScenario,
  runNegotiation,
  type Scenario,
  wins,
} from "@parley/core";
import { describe, expect, it } from "vitest";

const FIXTURE = "test/fixtures/rules/six-regions.yaml";
const sixRegions = readParleyScenario(
  readFileSync(new URL(`../../${FIXTURE}`, import.meta.url), "utf8"),
  FIXTURE,
);
const QUORUM: AgreementRule = { kind: "quorum", quorum: 4, vetoes: [0, 1] };

function underRule(scenario: Scenario, rule?: AgreementRule): Scenario {
  return rule ? { ...scenario, rule } : scenario;
}

describe("negotiations on a six-party game under a quorum with vetoes", () => {
  const agents = sixRegions.parties.map(() => "conceder");
  const seeds = [1, 2, 3, 4, 5, 6];
  const run = (protocol: "saop" | "mediated", rule?: AgreementRule) =>
    seeds.map((seed) =>
      runNegotiation(underRule(sixRegions, rule), {
        protocol,
        agents,
        seed,
        rounds: protocol === "saop" ? 60 : 200,
      }),
    );

  it.each(["mediated", "saop"] as const)(
    "%s: agreements unanimity cannot reach, passed by winning coalitions",
    (protocol) => {
      const unanimous = run(protocol);
      const quorum = run(protocol, QUORUM);
      // Unanimity has no agreement zone here, so no rational agreement.
      expect(unanimous.filter((r) => r.agreement !== null)).toHaveLength(0);
      const agreed = quorum.filter((r) => r.agreement !== null);
      expect(agreed.length).toBeGreaterThan(0);
      const utilities = new PreparedScenario(sixRegions).utilities;
      for (const r of agreed) {
        const coalition = r.metrics?.coalition ?? [];
        expect(r.coalition).toEqual(coalition);
        const mask = coalition.reduce((m, p) => m | (1 << p), 0);
        expect(wins(QUORUM, 6, mask)).toBe(true);
        for (const p of coalition)
          expect(utilities[p].utility(r.agreement!)).toBeGreaterThanOrEqual(
            utilities[p].profile.reservation - 1e-9,
          );
      }
      for (const r of unanimous) expect(r.coalition).toBeUndefined();
    },
  );
});
