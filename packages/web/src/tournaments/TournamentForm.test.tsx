// @vitest-environment jsdom
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { ScenarioSummary } from "../api";
import { renderPage } from "../test/render";
import { TournamentForm } from "./TournamentForm";
import type { AgentSummary, TournamentRequest } from "./tournaments-api";
import { plannedNegotiations, validateTournament } from "./validate";

// jsdom does not scroll; Mantine's combobox scrolls the option it moves to into view.
Element.prototype.scrollIntoView ??= () => {};

const scenarios: ScenarioSummary[] = [
  { name: "two-party", parties: ["A", "B"], issues: 3, outcomes: "27", source: "example" },
  { name: "three-party", parties: ["A", "B", "C"], issues: 2, outcomes: "9", source: "example" },
];
const agents: AgentSummary[] = [
  { name: "boulware", description: "concedes late; AC_next", source: "builtin" },
  { name: "conceder", description: "concedes early; AC_next", source: "builtin" },
  { name: "mine", description: "an agent module of this server's operator", source: "module" },
];

describe("tournament form", () => {
  it("names what is wrong with each field", () => {
    expect(validateTournament({ scenarios: [], agents: [], reps: "", rounds: 0, seed: " " })).toEqual({
      scenarios: "Pick at least one scenario.",
      agents: "Pick at least one agent.",
      reps: "A whole number from 1 to 10,000.",
      rounds: "A whole number from 1 to 100,000.",
      seed: "Give a seed: every random choice follows from it.",
    });
    expect(
      validateTournament({
        scenarios: ["x"],
        agents: ["a"],
        reps: 2.5,
        rounds: 100_001,
        seed: "s".repeat(101),
      }),
    ).toEqual({
      reps: "A whole number from 1 to 10,000.",
      rounds: "A whole number from 1 to 100,000.",
      seed: "At most 100 characters.",
    });
    expect(validateTournament({ scenarios: ["x"], agents: ["a"], reps: 3, rounds: 50, seed: "7" })).toEqual(
      {},
    );
  });

  it("counts every line-up (agents^parties) times the repetitions", () => {
    expect(plannedNegotiations([2, 3], 2, 5)).toBe((4 + 8) * 5);
    expect(plannedNegotiations([], 3, 5)).toBe(0);
  });

  it("shows the errors on submit, sends nothing until the form is valid, then sends the request", async () => {
    const sent: TournamentRequest[] = [];
    renderPage(<TournamentForm scenarios={scenarios} agents={agents} onSubmit={(r) => sent.push(r)} />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Start the tournament" }));
    expect(screen.getByText("Pick at least one scenario.")).toBeInTheDocument();
    expect(screen.getByText("Pick at least one agent.")).toBeInTheDocument();
    expect(sent).toEqual([]);

    // Keyboard only: type to filter the scenarios, then pick the one left.
    await user.type(screen.getByRole("combobox", { name: "Scenarios" }), "three{ArrowDown}{Enter}");
    await user.click(screen.getByRole("checkbox", { name: /boulware/ }));
    await user.click(screen.getByRole("checkbox", { name: /mine/ }));
    expect(screen.queryByText("Pick at least one scenario.")).not.toBeInTheDocument();
    // 2 agents on 3 parties: 8 line-ups × 2 repetitions.
    expect(screen.getByText(/^16 negotiations/)).toBeInTheDocument();

    const reps = screen.getByRole("textbox", { name: "Repetitions" });
    await user.clear(reps);
    expect(screen.getByText("A whole number from 1 to 10,000.")).toBeInTheDocument();
    await user.type(reps, "3");
    await user.clear(screen.getByRole("textbox", { name: "Seed" }));
    await user.type(screen.getByRole("textbox", { name: "Seed" }), "seven");
    await user.click(screen.getByRole("button", { name: "Start the tournament" }));
    expect(sent).toEqual([
      { scenarios: ["three-party"], agents: ["boulware", "mine"], reps: 3, rounds: 100, seed: "seven" },
    ]);
  });
});
