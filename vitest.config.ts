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
        find: /^@parley\/node$/,
        replacement: fileURLToPath(new URL("./packages/node/src/index.ts", import.meta.url)),
      },
      {
        find: /^@parley\/core\/engine$/,
        replacement: fileURLToPath(new URL("./packages/core/src/engine.ts", import.meta.url)),
      },
      {
        find: /^@parley\/core\/catalog$/,
        replacement: fileURLToPath(new URL("./packages/core/src/catalog.ts", import.meta.url)),
      },
      {
        find: /^@parley\/core\/defaults$/,
        replacement: fileURLToPath(new URL("./packages/core/src/negotiation/defaults.ts", import.meta.url)),
      },
      {
        find: /^@parley\/core\/errors$/,
        replacement: fileURLToPath(new URL("./packages/core/src/errors.ts", import.meta.url)),
      },
      {
        find: /^@parley\/core\/formats\/genius$/,
        replacement: fileURLToPath(new URL("./packages/core/src/formats/genius.ts", import.meta.url)),
      },
      {
        find: /^@parley\/core\/formats\/geniusweb$/,
        replacement: fileURLToPath(new URL("./packages/core/src/formats/geniusweb.ts", import.meta.url)),
      },
      {
        find: /^@parley\/core\/formats\/parley$/,
        replacement: fileURLToPath(new URL("./packages/core/src/formats/parley.ts", import.meta.url)),
      },
      {
        find: /^@parley\/core$/,
        replacement: fileURLToPath(new URL("./packages/core/src/index.ts", import.meta.url)),
      },
    ],
  },
  test: {
    include: [
      "packages/*/src/**/*.test.ts",
      "packages/server/test/**/*.test.ts",
      "packages/web/src/**/*.test.tsx",
      "packages/web/e2e/**/*.test.ts",
      "test/**/*.test.ts",
    ],
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
