// @vitest-environment jsdom
import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderPage } from "../test/render";
import { ROOM } from "../test/room-view";
import { RoomHeader } from "./parts";
import type { RoomView } from "./types";

describe("RoomHeader", () => {
  it("counts rounds from 1 for people while the room runs, and the rounds played once it ended", async () => {
    renderPage(<RoomHeader room={ROOM} connection="live" who="Your seat: North" />);
    expect(await screen.findByRole("timer")).toHaveTextContent("Round 1 of 30");
    const ended: RoomView = {
      ...ROOM,
      state: "ended",
      expected: null,
      turn: null,
      outcome: { agreement: null, endedBy: "ended", rounds: 3, t: 0.1 },
    };
    renderPage(<RoomHeader room={ended} connection="live" who="Your seat: North" />);
    expect((await screen.findAllByRole("timer"))[1]).toHaveTextContent("Round 3 of 30");
  });

  it("reads the round from the last entry with events, not from a later join or chat", async () => {
    const waiting: RoomView = {
      ...ROOM,
      expected: null,
      history: [
        {
          seq: 1,
          kind: "move",
          at: 0,
          actor: { role: "party", party: 0 },
          events: [{ action: "offer", round: 4, t: 0 }],
        },
        { seq: 2, kind: "join", at: 0, actor: { role: "party", party: 1 }, events: [] },
      ],
    };
    renderPage(<RoomHeader room={waiting} connection="live" who="Your seat: North" />);
    expect(await screen.findByRole("timer")).toHaveTextContent("Round 5 of 30");
  });
});
