// @vitest-environment jsdom
import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderPage } from "../test/render";
import { RoomHeader } from "./parts";
import type { RoomView } from "./types";

const room: RoomView = {
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

describe("RoomHeader", () => {
  it("counts rounds from 1 for people while the room runs, and the rounds played once it ended", async () => {
    renderPage(<RoomHeader room={room} connection="live" who="Your seat: North" />);
    expect(await screen.findByRole("timer")).toHaveTextContent("Round 1 of 30");
    const ended: RoomView = {
      ...room,
      state: "ended",
      expected: null,
      turn: null,
      outcome: { agreement: null, endedBy: "ended", rounds: 3, t: 0.1 },
    };
    renderPage(<RoomHeader room={ended} connection="live" who="Your seat: North" />);
    expect((await screen.findAllByRole("timer"))[1]).toHaveTextContent("Round 3 of 30");
  });
});
