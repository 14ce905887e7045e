import type { RoomView } from "../rooms/types";

/** A two-party SAOP room as party 0 sees it at the start: the tests' starting point. */
export const ROOM: RoomView = {
  id: "r1",
  protocol: "saop",
  state: "running",
  role: "party",
  party: 0,
  scenario: { name: "two-points", issues: [], parties: [{ name: "North" }, { name: "South" }] },
  seats: [
    { party: 0, kind: "person" },
    { party: 1, kind: "person" },
  ],
  deadline: { rounds: 30 },
  startedAt: 0,
  deadlineAt: null,
  seq: 0,
  history: [],
  turn: { party: 0, kind: "offer" },
  expected: { kind: "offer", round: 0, t: 0, moves: ["offer", "end"], offer: null },
  outcome: null,
};
