// @vitest-environment jsdom
import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderPage } from "../test/render";
import { ROOM } from "../test/room-view";
import type { Entry, RoomView } from "./types";
import { UtilityOverTime, utilitySeries } from "./UtilityOverTime";

/** An offer as party 0 sees it: the event carries party 0's own utility. */
const offer = (seq: number, party: number, round: number, utility: number): Entry => ({
  seq,
  kind: "move",
  at: 0,
  actor: { role: "party", party },
  move: { type: "offer" },
  events: [{ action: "offer", round, t: round / 30, party, offer: { price: "mid" }, utility }],
});

const room: RoomView = {
  ...ROOM,
  history: [
    { seq: 1, kind: "join", at: 0, actor: { role: "party", party: 0 }, events: [] },
    offer(2, 0, 0, 0.9),
    offer(3, 1, 0, 0.2),
    offer(4, 0, 1, 0.8),
    { seq: 5, kind: "chat", at: 0, actor: { role: "party", party: 1 }, chat: { text: "hm" }, events: [] },
    offer(6, 1, 1, 0.45),
    {
      seq: 7,
      kind: "move",
      at: 0,
      actor: { role: "party", party: 0 },
      move: { type: "accept" },
      events: [{ action: "agreement", round: 1, t: 0.1, offer: { price: "mid" }, utility: 0.45 }],
    },
  ],
};

describe("UtilityOverTime", () => {
  it("splits the seat's own utility of each offer into its own offers and the others', by round", () => {
    expect(utilitySeries(room)).toEqual({
      own: [
        { round: 1, utility: 0.9, id: "2.0" },
        { round: 2, utility: 0.8, id: "4.0" },
      ],
      others: [
        { round: 1, utility: 0.2, id: "3.0" },
        { round: 2, utility: 0.45, id: "6.0" },
      ],
    });
  });

  it("draws both series with each point labelled, and the reservation value", async () => {
    renderPage(<UtilityOverTime room={room} reservation={0.3} />);
    const chart = await screen.findByRole("img", {
      name: "Your utility of each offer: 2 yours, 2 their offers, rounds 1 to 2",
    });
    const titles = [...chart.querySelectorAll("title")].map((t) => t.textContent);
    expect(titles).toEqual([
      "Your reservation value 0.300",
      "Your offers, round 1: utility 0.900",
      "Your offers, round 2: utility 0.800",
      "Their offers, round 1: utility 0.200",
      "Their offers, round 2: utility 0.450",
    ]);
    expect(chart.querySelectorAll("circle")).toHaveLength(2);
    expect(chart.querySelectorAll("rect")).toHaveLength(2);
  });

  it("draws nothing before the first offer", () => {
    renderPage(<UtilityOverTime room={{ ...room, history: [] }} reservation={0.3} />);
    expect(screen.queryByRole("img")).toBeNull();
  });
});
