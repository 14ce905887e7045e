import {
  HOST,
  InvalidMove,
  MEDIATOR,
  MediatedSession,
  OBSERVER,
  PreparedScenario,
  replay,
  syntheticScenario,
  visibleEvent,
} from "@parley/core";
import { describe, expect, it } from "vitest";

const scenario = syntheticScenario({ parties: 2, issues: 4, options: 3, seed: 5 });
const prepared = new PreparedScenario(scenario);
const setup = {
  protocol: "mediated" as const,
  space: scenario.space,
  utilities: prepared.utilities,
  deadline: { rounds: 10 },
  settled: [null, 2, null, null],
};

describe("a person in the mediator's seat", () => {
  it("drafts, proposes, reads the votes, adopts, locks and unlocks, polls, calls the final vote; the parties ratify", () => {
    const s = new MediatedSession(setup);
    const actions = () => s.trace.map((e) => `${e.seat === MEDIATOR ? "M" : e.seat} ${e.action}`);
    expect(s.expected()).toEqual({
      kind: "draft",
      seat: MEDIATOR,
      settled: [null, 2, null, null],
      state: { round: 0, t: 0 },
    });
    expect(() => s.submit(MEDIATOR, { type: "draft", outcome: [0, 0, 0, 0] })).toThrow(
      /changes settled issue/,
    );
    expect(() => s.submit(0, { type: "vote", vote: "better" })).toThrow(/the mediator must move, not seat 1/);
    s.submit(MEDIATOR, { type: "draft", outcome: [0, 2, 0, 0] });
    expect(s.currentDraft).toEqual([0, 2, 0, 0]);

    // Round 0: a revision of two points; both parties vote; the mediator sees the votes and adopts it.
    expect(s.expected()).toMatchObject({ kind: "mediate", seat: MEDIATOR, draft: [0, 2, 0, 0], poll: null });
    s.submit(MEDIATOR, { type: "propose", outcome: [1, 2, 1, 0] });
    expect(s.expected()).toMatchObject({
      kind: "vote",
      seat: 0,
      revision: [1, 2, 1, 0],
      draft: [0, 2, 0, 0],
    });
    expect(() => s.submit(MEDIATOR, { type: "decide", adopt: true })).toThrow(InvalidMove);
    s.submit(0, { type: "vote", vote: "better" });
    s.submit(1, { type: "vote", vote: "worse" });
    expect(s.expected()).toMatchObject({
      kind: "decide",
      seat: MEDIATOR,
      revision: [1, 2, 1, 0],
      votes: ["better", "worse"],
    });
    s.submit(MEDIATOR, { type: "decide", adopt: true });
    expect(s.currentDraft).toEqual([1, 2, 1, 0]);

    // Round 1: lock point 0 at the draft's option, unlock the settled point 1, and propose a change to point 1 only.
    s.submit(MEDIATOR, { type: "lock", issue: 0 });
    expect(() => s.submit(MEDIATOR, { type: "lock", issue: 0 })).toThrow(/already settled/);
    s.submit(MEDIATOR, { type: "unlock", issue: 1 });
    expect(s.settledPoints).toEqual([1, null, null, null]);
    expect(() => s.submit(MEDIATOR, { type: "propose", outcome: [0, 0, 1, 0] })).toThrow(/settled issue/);
    s.submit(MEDIATOR, { type: "propose", outcome: [1, 0, 1, 0] });
    s.submit(0, { type: "vote", vote: "worse" });
    s.submit(1, { type: "vote", vote: "same" });
    s.submit(MEDIATOR, { type: "decide", adopt: false });
    expect(s.currentDraft).toEqual([1, 2, 1, 0]);

    // Round 2: a straw poll; the answers reach the mediator at its next step and bind no one.
    s.submit(MEDIATOR, { type: "poll" });
    expect(s.expected()).toMatchObject({ kind: "ratify", seat: 0, final: false });
    s.submit(0, { type: "accept" });
    s.submit(1, { type: "reject" });
    expect(s.outcome()).toBeNull();
    expect(s.expected()).toMatchObject({
      kind: "mediate",
      poll: { answers: [true, false], state: { round: 2 } },
      state: { round: 3 },
    });

    // Round 3: the final vote, called early; both ratify.
    s.submit(MEDIATOR, { type: "final" });
    expect(s.expected()).toMatchObject({ kind: "ratify", seat: 0, final: true, draft: [1, 2, 1, 0] });
    s.submit(0, { type: "accept" });
    s.submit(1, { type: "accept" });
    expect(s.outcome()).toMatchObject({ endedBy: "agreement", agreement: [1, 2, 1, 0], rounds: 4 });
    expect(actions()).toEqual([
      "M revise",
      "M propose",
      "0 vote",
      "1 vote",
      "M revise",
      "M lock",
      "M unlock",
      "M propose",
      "0 vote",
      "1 vote",
      "M poll",
      "0 ratify",
      "1 reject",
      "M final",
      "0 ratify",
      "1 ratify",
      "M agreement",
    ]);
    expect(s.trace[5]).toMatchObject({ action: "lock", issue: 0, round: 1 });
    expect(s.trace[5].utilities).toBeUndefined();

    // The mediator sees the votes and answers but no utility; party 1 never sees party 0's vote.
    const mediatorView = s.trace.map((e) => visibleEvent("mediated", e, MEDIATOR));
    expect(mediatorView.filter((e) => e?.action === "vote").map((e) => e!.vote)).toEqual([
      "better",
      "worse",
      "worse",
      "same",
    ]);
    expect(mediatorView.every((e) => e && e.utilities === undefined && e.utility === undefined)).toBe(true);
    const partyView = s.trace.map((e) => visibleEvent("mediated", e, 1)).filter((e) => e !== null);
    expect(
      partyView
        .filter((e) => e.action === "vote" || e.action === "ratify" || e.action === "reject")
        .map((e) => e.seat),
    ).toEqual([1, 1, 1, 1]);
    expect(s.trace.map((e) => visibleEvent("mediated", e, OBSERVER)).filter((e) => e?.seat === 0)).toEqual(
      [],
    );
    expect(s.trace.map((e) => visibleEvent("mediated", e, HOST))).toEqual(s.trace);

    // The log rebuilds it.
    const again = replay(setup, JSON.parse(JSON.stringify(s.log)));
    expect(again.trace).toEqual(s.trace);
    expect(again.outcome()).toEqual(s.outcome());
  });

  it("a rejection in the final vote ends without agreement; the mediator may end it too; the last round forces the final vote", () => {
    const rejected = new MediatedSession(setup);
    rejected.submit(MEDIATOR, { type: "draft", outcome: [0, 2, 0, 0] });
    rejected.submit(MEDIATOR, { type: "final" });
    rejected.submit(0, { type: "accept" });
    rejected.submit(1, { type: "reject" });
    expect(rejected.outcome()).toMatchObject({ endedBy: "rejected", agreement: null, rounds: 1 });

    const ended = new MediatedSession(setup);
    ended.submit(MEDIATOR, { type: "draft", outcome: [0, 2, 0, 0] });
    ended.submit(MEDIATOR, { type: "end" });
    expect(ended.outcome()).toMatchObject({ endedBy: "ended" });
    expect(ended.trace.at(-1)).toMatchObject({ seat: MEDIATOR, action: "end" });

    const short = new MediatedSession({ ...setup, deadline: { rounds: 2 } });
    short.submit(MEDIATOR, { type: "draft", outcome: [0, 2, 0, 0] });
    short.submit(MEDIATOR, { type: "propose", outcome: [1, 2, 0, 0] });
    short.submit(0, { type: "vote", vote: "same" });
    short.submit(1, { type: "vote", vote: "same" });
    short.submit(MEDIATOR, { type: "decide", adopt: true });
    expect(short.expected()).toMatchObject({ kind: "ratify", seat: 0, final: true, state: { round: 1 } });
    expect(() => short.submit(MEDIATOR, { type: "poll" })).toThrow(/seat 1 must move, not the mediator/);
  });
});
