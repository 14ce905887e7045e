// Writes the JSON Schemas of Parley's file formats from their zod schemas in @parley/core (`npm run schema`).
import { writeFileSync } from "node:fs";
import { parleyJsonSchema, recordJsonSchema } from "../dist/index.js";

for (const [file, schema] of [
  ["parley-scenario.schema.json", parleyJsonSchema()],
  ["parley-record.schema.json", recordJsonSchema()],
]) {
  const target = new URL(`./${file}`, import.meta.url);
  writeFileSync(target, `${JSON.stringify(schema, null, 2)}\n`);
  process.stdout.write(`wrote ${target.pathname}\n`);
}
