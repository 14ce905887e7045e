import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { readParleyScenario, type Scenario } from "@parley/core";
import { readScenarioFiles } from "../scenarios/read-files";

/** Scenarios with number ranges, for the editor's tests. */

const root = join(import.meta.dirname, "../../../..");
const folder = (dir: string) =>
  readdirSync(dir).map((name) => ({ name, text: readFileSync(join(dir, name), "utf8") }));

/** GENIUS's IntegerDomain: two integer issues from -5 to 5, each party a linear function on each. */
export const integerDomain = (): Scenario =>
  readScenarioFiles(folder(join(root, "scenarios/genius/other/IntegerDomain")), "IntegerDomain").scenario;

/** A real range with a triangular and a piecewise curve, an integer one, red lines on both. */
export const RANGES_YAML = `parley: 1
name: ranges
issues:
  - { name: price, kind: real, min: 10, max: 20, steps: 6 }
  - { name: days, kind: integer, min: 1, max: 30 }
  - { name: colour, options: [red, blue] }
parties:
  - name: Buyer
    weights: { price: 0.5, days: 0.3, colour: 0.2 }
    values:
      price: { triangular: { low: 8, top: 12, high: 19 } }
      days: { piecewise: [[1, 1], [7, 0.8], [30, 0]] }
      colour: { red: 1 }
    redLines: { price: [20], days: [29, 30] }
  - name: Seller
    reservation: 0.2
    weights: { price: 0.6, days: 0.2, colour: 0.2 }
    values:
      price: { linear: { slope: 0.1, offset: 0, origin: 10 } }
      days: { linear: { slope: 0.05, offset: 0.2 } }
      colour: { blue: 1 }
`;

export const ranges = () => readParleyScenario(RANGES_YAML, "ranges.yaml");
