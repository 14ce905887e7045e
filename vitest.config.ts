import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Tests run against the sources, not dist/, so a change needs no build before `npm run test:unit`. */
const alias = [
  { find: /^@parley\/server$/, replacement: here("./packages/server/src/index.ts") },
  { find: /^@parley\/node$/, replacement: here("./packages/node/src/index.ts") },
  { find: /^@parley\/node\/agent-ref$/, replacement: here("./packages/node/src/agents/agent-ref.ts") },
  { find: /^@parley\/core\/defaults$/, replacement: here("./packages/core/src/negotiation/defaults.ts") },
  { find: /^@parley\/core\/(analysis|plots|record)$/, replacement: here("./packages/core/src/$1/index.ts") },
  // engine, catalog, errors, formats/*, model/*
  { find: /^@parley\/core\/(.*)$/, replacement: here("./packages/core/src/$1.ts") },
  { find: /^@parley\/core$/, replacement: here("./packages/core/src/index.ts") },
];

/** Tests that spawn the built `parley` command; test/global-setup.ts builds it once per run. */
const CLI = ["packages/*/src/**/*.cli.test.ts", "test/**/*.cli.test.ts", "test/**/cli*.test.ts"];
/** Statistical and property checks that take seconds each. */
const SLOW = ["packages/*/src/**/*.slow.test.ts", "test/**/*.slow.test.ts"];
const BUILD = ["test/global-setup.ts"];

/** The DOM the web components render into: whichever of happy-dom or jsdom is installed. */
const webEnvironment =
  ["happy-dom", "jsdom"].find((name) => existsSync(here(`./node_modules/${name}`))) ?? "node";

export default defineConfig({
  resolve: { alias },
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // A project whose files do not exist yet (server, web, e2e) is not an error.
    passWithNoTests: true,
    setupFiles: ["test/setup.ts"],
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          // Pure tests: a worker imports the sources once for all its files, not once per file.
          isolate: false,
          include: ["packages/*/src/**/*.test.ts", "test/**/*.test.ts"],
          exclude: [...CLI, ...SLOW, "**/node_modules/**", "**/dist/**"],
        },
      },
      { extends: true, test: { name: "cli", include: CLI, globalSetup: BUILD } },
      { extends: true, test: { name: "slow", include: SLOW } },
      {
        extends: true,
        test: {
          name: "server",
          include: ["packages/server/test/**/*.test.ts"],
          environment: "node",
          globalSetup: BUILD,
        },
      },
      {
        extends: true,
        test: { name: "web", include: ["packages/web/src/**/*.test.tsx"], environment: webEnvironment },
      },
      {
        extends: true,
        test: { name: "e2e", include: ["packages/web/e2e/**/*.test.ts"], globalSetup: BUILD },
      },
    ],
  },
});
