import { readFileSync } from "node:fs";
import { parleyJsonSchema } from "@parley/core";
import { describe, expect, it } from "vitest";

describe("packages/core/schema/parley-scenario.schema.json", () => {
  it("is what `npm run schema` generates from the zod schema today", () => {
    const committed = readFileSync(
      new URL("../../packages/core/schema/parley-scenario.schema.json", import.meta.url),
      "utf8",
    );
    expect(committed).toBe(`${JSON.stringify(parleyJsonSchema(), null, 2)}\n`);
  });
});
