import { readFileSync } from "node:fs";
import { parleyJsonSchema, recordJsonSchema } from "@parley/core";
import { describe, expect, it } from "vitest";

describe("the JSON Schemas shipped in packages/core/schema", () => {
  it.each([
    ["parley-scenario.schema.json", parleyJsonSchema],
    ["parley-record.schema.json", recordJsonSchema],
  ])("%s is what `npm run schema` generates from the zod schema today", (file, generate) => {
    const committed = readFileSync(new URL(`../../packages/core/schema/${file}`, import.meta.url), "utf8");
    expect(committed).toBe(`${JSON.stringify(generate(), null, 2)}\n`);
  });
});
