// @vitest-environment jsdom
import { readParleyScenario, writeParleyScenario } from "@parley/core";
import { fireEvent, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderPage } from "../test/render";
import { analyse } from "./analyse";
import { PointsTable } from "./PointsTable";

// days: whole numbers 10–1010 (typed; option k is 10 + k), colour: named options (listed).
const YAML = `parley: 1
name: long-range
issues:
  - { name: days, kind: integer, min: 10, max: 1010 }
  - { name: colour, options: [red, green, blue] }
parties:
  - name: A
    weights: { days: 0.5, colour: 0.5 }
    values: { days: { linear: { slope: 0.001, offset: 0 } }, colour: { red: 1, green: 0.5 } }
  - name: B
    weights: { days: 0.5, colour: 0.5 }
    values: { days: { linear: { slope: -0.001, offset: 1 } }, colour: { blue: 1 } }
`;

describe("PointsTable", () => {
  it("settles a long whole-number range at a typed value and a point with options from its list", async () => {
    const scenario = readParleyScenario(YAML, "long-range.yaml");
    const settled: (number | null)[] = [null, null];
    const result = analyse({ json: writeParleyScenario(scenario, "json"), settled });
    const calls: [number, number | null][] = [];
    renderPage(
      <PointsTable
        result={result}
        scenario={scenario}
        settled={settled}
        onSet={(issue, option) => calls.push([issue, option])}
        actions={null}
      />,
    );
    const days = await screen.findByRole("textbox", { name: "days: settled at" });
    expect(days).toHaveAttribute("placeholder", "open");
    fireEvent.change(days, { target: { value: "640" } });
    expect(calls.at(-1)).toEqual([0, 630]);
    const colour = screen.getByRole("combobox", { name: "colour: settled at" });
    expect([...colour.querySelectorAll("option")].map((o) => o.textContent)).toEqual([
      "open",
      "red",
      "green",
      "blue",
    ]);
    fireEvent.change(colour, { target: { value: "2" } });
    expect(calls.at(-1)).toEqual([1, 2]);
  });
});
