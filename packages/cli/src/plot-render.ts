import { extname } from "node:path";
import { InputError } from "@parley/core/errors";
import type { TopLevelSpec } from "vega-lite";
import { checkWritable, writeOutput } from "./files.js";

/** Scale of PNG output relative to the SVG's size, so text stays crisp. */
const PNG_SCALE = 2;

/**
 * Renders a Vega-Lite spec (built by one of core's plots/ functions) to an
 * SVG or PNG file, chosen by the extension of `outPath`. Headless: vega's
 * View renders to an SVG string; resvg rasterises it for PNG. The plotting
 * libraries load on first use, so commands that draw nothing start fast.
 */
export async function renderPlot(spec: object, outPath: string): Promise<void> {
  const ext = plotFormat(outPath);
  const svg = await renderSvg(spec);
  if (ext === ".svg") {
    writeOutput(outPath, svg);
    return;
  }
  const { Resvg } = await import("@resvg/resvg-js");
  const png = new Resvg(svg, {
    background: "white",
    fitTo: { mode: "zoom", value: PNG_SCALE },
    font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans" },
  })
    .render()
    .asPng();
  writeOutput(outPath, png);
}

/** Checks a plot path before any work is done: a .svg or .png file in a folder that exists. */
export function checkPlotPath(outPath: string, flag = "--plot"): void {
  plotFormat(outPath);
  checkWritable(outPath, flag);
}

function plotFormat(outPath: string): ".svg" | ".png" {
  const ext = extname(outPath).toLowerCase();
  if (ext !== ".svg" && ext !== ".png") throw new InputError(outPath, "plot files must end in .svg or .png");
  return ext;
}

/** The chart as an SVG string. */
export async function renderSvg(spec: object): Promise<string> {
  const [{ parse, View }, { compile }] = await Promise.all([import("vega"), import("vega-lite")]);
  const { spec: vegaSpec } = compile(spec as TopLevelSpec);
  const view = new View(parse(vegaSpec), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
