import {
  type Expectation,
  HOST,
  MEDIATOR,
  OBSERVER,
  type TraceEvent,
  visibleEvent,
  visibleExpectation,
} from "@parley/core";
import { describe, expect, it } from "vitest";

const offer: TraceEvent = {
  round: 2,
  t: 0.2,
  seat: 0,
  action: "offer",
  offer: [1, 2],
  utilities: [0.9, 0.3, 0.5],
};
const accept: TraceEvent = {
  round: 2,
  t: 0.25,
  seat: 1,
  action: "accept",
  offer: [1, 2],
  utilities: [0.9, 0.3, 0.5],
};
const end: TraceEvent = { round: 3, t: 0.3, seat: 2, action: "end" };
const fault: TraceEvent = { round: 3, t: 0.3, seat: 2, action: "fault", reason: "threw: boom" };
const deadline: TraceEvent = { round: 9, t: 1, ms: 1000, seat: MEDIATOR, action: "deadline" };
const agreement: TraceEvent = {
  round: 2,
  t: 0.25,
  seat: MEDIATOR,
  action: "agreement",
  offer: [1, 2],
  utilities: [0.9, 0.3, 0.5],
};

const revise: TraceEvent = {
  round: 4,
  t: 0.4,
  seat: MEDIATOR,
  action: "revise",
  offer: [0, 1],
  utilities: [0.4, 0.6],
};
const propose: TraceEvent = { ...revise, action: "propose" };
const poll: TraceEvent = { ...revise, action: "poll" };
const lock: TraceEvent = { round: 4, t: 0.4, seat: MEDIATOR, action: "lock", issue: 1 };
const vote: TraceEvent = { round: 4, t: 0.4, seat: 1, action: "vote", vote: "worse" };
const ratify: TraceEvent = { round: 4, t: 0.4, seat: 0, action: "ratify" };
const reject: TraceEvent = { round: 4, t: 0.4, seat: 1, action: "reject" };

describe("visibleEvent", () => {
  it("SAOP: every move is public; a party sees its own utility only, the others no utility at all", () => {
    for (const e of [offer, accept, agreement]) {
      const { utilities, ...bare } = e;
      expect(visibleEvent("saop", e, 0)).toEqual({ ...bare, utility: utilities![0] });
      expect(visibleEvent("saop", e, 2)).toEqual({ ...bare, utility: utilities![2] });
      expect(visibleEvent("saop", e, OBSERVER)).toEqual(bare);
      expect(visibleEvent("saop", e, MEDIATOR)).toEqual(bare);
      expect(visibleEvent("saop", e, HOST)).toBe(e);
    }
    for (const e of [end, fault, deadline])
      for (const viewer of [0, 1, 2, OBSERVER, MEDIATOR, HOST])
        expect(visibleEvent("saop", e, viewer)).toEqual(e);
    // The event itself is untouched.
    expect(offer.utilities).toEqual([0.9, 0.3, 0.5]);
  });

  it("mediated: drafts, revisions, polls and locks are public; votes and answers only for their party and the mediator", () => {
    for (const e of [revise, propose, poll]) {
      const { utilities, ...bare } = e;
      expect(visibleEvent("mediated", e, 1)).toEqual({ ...bare, utility: utilities![1] });
      expect(visibleEvent("mediated", e, MEDIATOR)).toEqual(bare);
      expect(visibleEvent("mediated", e, OBSERVER)).toEqual(bare);
      expect(visibleEvent("mediated", e, HOST)).toBe(e);
    }
    expect(visibleEvent("mediated", lock, 0)).toEqual(lock);
    expect(visibleEvent("mediated", lock, OBSERVER)).toEqual(lock);
    for (const e of [vote, ratify, reject]) {
      expect(visibleEvent("mediated", e, e.seat)).toEqual(e);
      expect(visibleEvent("mediated", e, MEDIATOR)).toEqual(e);
      expect(visibleEvent("mediated", e, HOST)).toEqual(e);
      expect(visibleEvent("mediated", e, 1 - e.seat)).toBeNull();
      expect(visibleEvent("mediated", e, OBSERVER)).toBeNull();
    }
    // In SAOP the same actions (had a party made them) would be public: visibility is the protocol's rule.
    expect(visibleEvent("saop", vote, 0)).toEqual(vote);
  });

  it("refuses a viewer that is neither a seat nor MEDIATOR, OBSERVER or HOST", () => {
    expect(() => visibleEvent("saop", offer, -7)).toThrow(/not a viewer/);
  });
});

describe("visibleExpectation", () => {
  const decide: Expectation = {
    kind: "decide",
    seat: MEDIATOR,
    revision: [0, 1],
    draft: [1, 1],
    votes: ["better", "worse"],
    state: { round: 3, t: 0.3 },
  };
  const mediate: Expectation = {
    kind: "mediate",
    seat: MEDIATOR,
    draft: [1, 1],
    settled: [null, null],
    poll: { answers: [true, false], state: { round: 2, t: 0.2 } },
    state: { round: 3, t: 0.3 },
  };
  it("the votes and poll answers the mediator reads are hidden from everyone else", () => {
    expect(visibleExpectation(decide, MEDIATOR)).toBe(decide);
    expect(visibleExpectation(decide, HOST)).toBe(decide);
    expect(visibleExpectation(decide, 0)).toEqual({ ...decide, votes: [] });
    expect(visibleExpectation(mediate, OBSERVER)).toEqual({ ...mediate, poll: null });
    const vote: Expectation = {
      kind: "vote",
      seat: 1,
      revision: [0, 1],
      draft: [1, 1],
      state: { round: 3, t: 0.3 },
    };
    expect(visibleExpectation(vote, 0)).toBe(vote);
  });
});
