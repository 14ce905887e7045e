// The `parley` command as a few bundled files: Node.js 20 spends most of a command's start-up
// resolving and compiling modules one by one (zod alone is 95 files), so tsc's output (build/) is
// bundled into dist/, one chunk per command as commands/index.ts imports them lazily.
// Bundled: the CLI, @parley/core and the libraries it and commander need. Left to Node.js:
// @parley/node and @parley/server (worker files and native modules found next to their own code),
// plotting libraries and everything else.
import { defineConfig } from "rolldown";

const BUNDLED = /^(@parley\/core|commander|zod|js-yaml|fast-xml-parser)(\/|$)/;
const CORE_ERRORS = /\/packages\/core\/dist\/errors\.js$|\/@parley\/core\/dist\/errors\.js$/;

export default defineConfig({
  input: "build/main.js",
  platform: "node",
  plugins: [
    {
      // One InputError and SeatStopped class in the process: @parley/node, loaded unbundled by
      // negotiate and tournament, throws and checks the ones of @parley/core/errors.
      name: "core-errors-external",
      async resolveId(source, importer, options) {
        if (source === "@parley/core/errors") return { id: source, external: true };
        if (!source.startsWith(".") || !importer) return null;
        const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
        return resolved && CORE_ERRORS.test(resolved.id)
          ? { id: "@parley/core/errors", external: true }
          : null;
      },
    },
  ],
  external: (id) => !id.startsWith(".") && !id.startsWith("/") && !BUNDLED.test(id),
  output: {
    dir: "dist",
    format: "esm",
    cleanDir: true,
    sourcemap: true,
    // chunks/ sits as deep as main.js's old commands/ folder: demo.ts finds the scenarios from there.
    chunkFileNames: "chunks/[name]-[hash].js",
  },
});
