import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { InputError, utilitySpaceSpec } from "@parley/core";
import { afterAll, describe, expect, it } from "vitest";
import { renderPlot } from "./plot-render.js";

const spec = utilitySpaceSpec({
  parties: ["England", "Zimbabwe"],
  outcomes: [
    [0.2, 0.9],
    [0.5, 0.5],
    [0.9, 0.3],
  ],
  frontier: [
    [0.2, 0.9],
    [0.9, 0.3],
  ],
  solutions: [{ name: "Nash", utilities: [0.9, 0.3] }],
  reservation: [0.1, 0.2],
});

describe("renderPlot", () => {
  const dir = mkdtempSync(join(tmpdir(), "parley-plot-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes an SVG with the axis titles", async () => {
    const out = join(dir, "space.svg");
    await renderPlot(spec, out);
    const svg = readFileSync(out, "utf8");
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain("England utility");
    expect(svg).toContain("Nash");
  });

  it("writes a PNG", async () => {
    const out = join(dir, "space.png");
    await renderPlot(spec, out);
    expect(readFileSync(out).subarray(1, 4).toString("latin1")).toBe("PNG");
  });

  it("refuses other extensions", async () => {
    await expect(renderPlot(spec, join(dir, "space.pdf"))).rejects.toThrow(InputError);
  });
});
