import {
  type AgreementRule,
  MEDIATOR,
  MediatedSession,
  PreparedScenario,
  SaopSession,
  syntheticScenario,
} from "@parley/core";
import { describe, expect, it } from "vitest";

describe("sessions under an agreement rule", () => {
  const three = new PreparedScenario(syntheticScenario({ parties: 3, issues: 2, options: 3, seed: 1 }));
  const options = (rule: AgreementRule) => ({
    space: three.scenario.space,
    utilities: three.utilities,
    deadline: { rounds: 10 },
    rule,
  });

  it("SAOP: an offer passes once its author and those who accepted it form a winning coalition", () => {
    const s = new SaopSession(options({ kind: "quorum", quorum: 2, vetoes: [2] }));
    s.submit(0, { type: "offer", outcome: [1, 1] });
    s.submit(1, { type: "accept" });
    expect(s.outcome()).toBeNull(); // {0, 1} lacks the veto holder
    s.submit(2, { type: "accept" });
    expect(s.outcome()).toMatchObject({ endedBy: "agreement", agreement: [1, 1], coalition: [0, 1, 2] });
    const quick = new SaopSession(options({ kind: "quorum", quorum: 2, vetoes: [] }));
    quick.submit(0, { type: "offer", outcome: [2, 0] });
    quick.submit(1, { type: "accept" });
    expect(quick.outcome()).toMatchObject({ endedBy: "agreement", coalition: [0, 1] });
  });

  it("mediated: the final vote passes when those who ratified win, and fails once they cannot", () => {
    const vote = (rule: AgreementRule, answers: ("accept" | "reject")[]) => {
      const s = new MediatedSession(options(rule));
      s.submit(MEDIATOR, { type: "draft", outcome: [0, 0] });
      s.submit(MEDIATOR, { type: "final" });
      answers.forEach((a, seat) => {
        if (s.outcome() === null) s.submit(seat, { type: a });
      });
      return s;
    };
    const rule: AgreementRule = { kind: "quorum", quorum: 2, vetoes: [0] };
    expect(vote(rule, ["accept", "reject", "accept"]).outcome()).toMatchObject({
      endedBy: "agreement",
      coalition: [0, 2],
    });
    const vetoed = vote(rule, ["reject", "accept", "accept"]);
    expect(vetoed.outcome()?.endedBy).toBe("rejected");
    expect(vetoed.trace.filter((e) => e.action === "ratify" || e.action === "reject")).toHaveLength(1);
    expect(vote(rule, ["accept", "reject", "reject"]).outcome()?.endedBy).toBe("rejected");
    expect(vote({ kind: "unanimity" }, ["accept", "reject", "accept"]).outcome()?.endedBy).toBe("rejected");
  });
});
