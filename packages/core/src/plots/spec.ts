/** A Vega-Lite specification as plain data (core does not depend on vega-lite; renderers do). */
export type VegaLiteSpec = { $schema: string } & Record<string, unknown>;

export const VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";
