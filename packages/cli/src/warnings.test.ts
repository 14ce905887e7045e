import { describe, expect, it } from "vitest";
import { reportWarnings } from "./warnings.js";

function printed(source: string, warnings: string[]): string[] {
  const lines: string[] = [];
  reportWarnings(source, warnings, (m) => lines.push(m));
  return lines;
}

describe("reportWarnings", () => {
  it("prints each message once per source, however often it is read", () => {
    expect(printed("/a", ["x.xml: w", "x.xml: w", "y.xml: v"])).toEqual(["x.xml: w", "y.xml: v"]);
    expect(printed("/a", ["x.xml: w"])).toEqual([]);
    expect(printed("/b", ["x.xml: w"])).toEqual(["x.xml: w"]);
  });

  it("summarises past five, counting by kind", () => {
    const warnings = [
      ...Array.from({ length: 8 }, (_, k) => `p${k}.xml: weights sum to 0.${k}, not 1`),
      'q.xml: no weight for issue "a"; using 0',
    ];
    expect(printed("/c", warnings)).toEqual([
      "p0.xml: weights sum to 0.0, not 1",
      "p1.xml: weights sum to 0.1, not 1",
      "p2.xml: weights sum to 0.2, not 1",
      "p3.xml: weights sum to 0.3, not 1",
      '… and 5 more warnings: 4 × weights sum to …, not …; 1 × no weight for issue "a"; using …',
    ]);
  });
});
