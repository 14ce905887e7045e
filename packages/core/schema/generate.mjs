// Writes parley-scenario.schema.json from the zod schema in @parley/core (run `npm run schema`).
import { writeFileSync } from "node:fs";
import { parleyJsonSchema } from "../dist/index.js";

const target = new URL("./parley-scenario.schema.json", import.meta.url);
writeFileSync(target, `${JSON.stringify(parleyJsonSchema(), null, 2)}\n`);
process.stdout.write(`wrote ${target.pathname}\n`);
