// @vitest-environment jsdom
import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderPage } from "../test/render";
import { forgetOwnerToken, keepOwnerToken, ownerToken } from "./owner-tokens";
import { TournamentActions } from "./TournamentActions";

describe("tournament actions", () => {
  it("keeps a tournament's owner token in localStorage by its id, until forgotten", () => {
    keepOwnerToken("t1", "secret");
    expect(localStorage.getItem("parley.tournament.t1")).toBe("secret");
    expect(ownerToken("t1")).toBe("secret");
    expect(ownerToken("t2")).toBeUndefined();
    forgetOwnerToken("t1");
    expect(ownerToken("t1")).toBeUndefined();
  });

  it("offers Cancel while it runs and Delete once stopped, only with the owner token", async () => {
    keepOwnerToken("mine", "secret");
    const running = renderPage(<TournamentActions t={{ id: "mine", state: "running" }} />);
    expect(await screen.findByRole("button", { name: "Cancel the tournament" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Delete" })).toBeNull();
    running.unmount();

    const done = renderPage(<TournamentActions t={{ id: "mine", state: "done" }} />);
    expect(await screen.findByRole("button", { name: "Delete" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Cancel the tournament" })).toBeNull();
    done.unmount();

    for (const state of ["queued", "cancelled"] as const) {
      const other = renderPage(<TournamentActions t={{ id: "someone-elses", state }} />);
      expect(
        await screen.findByText("Only the browser that started this tournament can cancel or delete it."),
      ).toBeInTheDocument();
      expect(screen.queryByRole("button")).toBeNull();
      other.unmount();
    }
  });
});
