// @vitest-environment jsdom
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderPage } from "../test/render";
import { ROOM } from "../test/room-view";
import { HostRoom } from "./HostRoom";
import type { RoomView } from "./types";

const join = (seq: number, actor: RoomView["history"][number]["actor"]) => ({
  seq,
  kind: "join" as const,
  at: 0,
  actor,
  events: [],
});

describe("HostRoom", () => {
  it("shows per seat whether that person has joined and whether they are connected now", async () => {
    const room: RoomView = {
      ...ROOM,
      role: "host",
      party: undefined,
      state: "waiting",
      expected: null,
      scenario: { ...ROOM.scenario, parties: [...ROOM.scenario.parties, { name: "East" }] },
      seats: [...ROOM.seats, { party: 2, kind: "agent", agent: "boulware" }],
      mediator: { kind: "person" },
      seq: 2,
      history: [join(1, { role: "party", party: 0 }), join(2, { role: "mediator" })],
      connected: [
        { party: 0, sockets: 1 },
        { party: 1, sockets: 0 },
        { party: "mediator", sockets: 0 },
      ],
    };
    renderPage(<HostRoom room={room} token="t" connection="live" />);
    const seats = await screen.findByRole("table", { name: "Seats" });
    const row = (name: string) =>
      within(seats)
        .getAllByRole("row")
        .find((r) => within(r).queryByText(name) !== null)!;
    expect(row("North")).toHaveTextContent("joined, connected now");
    expect(row("South")).toHaveTextContent("not joined yet");
    expect(row("East")).toHaveTextContent("agent (boulware)on the server");
    expect(row("Mediator")).toHaveTextContent("joined, not connected now");
    // The history says who arrived, in order.
    const history = screen.getByRole("table", { name: "History" });
    expect(within(history).getAllByText("joined the room")).toHaveLength(2);
  });
});
