import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: [
      {
        find: /^@parley\/server$/,
        replacement: fileURLToPath(new URL("./packages/server/src/index.ts", import.meta.url)),
      },
      {
        find: /^@parley\/core\/engine$/,
        replacement: fileURLToPath(new URL("./packages/core/src/engine.ts", import.meta.url)),
      },
      {
        find: /^@parley\/core$/,
        replacement: fileURLToPath(new URL("./packages/core/src/index.ts", import.meta.url)),
      },
    ],
  },
  test: {
    include: ["packages/*/src/**/*.test.ts", "test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
