import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Logs the URL of every ES module Node loads, one `LOAD <url>` line on stderr. */
const HOOKS = `export async function load(url, context, next) {
  process.stderr.write("LOAD " + url + "\\n");
  return next(url, context);
}`;
const REGISTER = `import { register } from "node:module"; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(HOOKS)}`)});`;

/** The npm packages a fresh Node.js loads to import `entry` from the built core. */
function packagesLoadedBy(entry: string): string[] {
  const run = spawnSync(
    process.execPath,
    [
      "--import",
      `data:text/javascript,${encodeURIComponent(REGISTER)}`,
      "--input-type=module",
      "-e",
      `await import(${JSON.stringify(entry)});`,
    ],
    { cwd: ROOT, encoding: "utf8" },
  );
  expect(run.status, run.stderr).toBe(0);
  const names = run.stderr
    .split("\n")
    .flatMap((line) => line.match(/^LOAD .*\/node_modules\/((?:@[^/]+\/)?[^/]+)\//)?.[1] ?? []);
  return [...new Set(names)].filter((name) => !name.startsWith("@parley/")).sort();
}

// Start-up time of `parley` is mostly module loading: each reader and writer loads only the libraries
// it uses (bench/startup.mjs measures the time; this checks the cause without timing anything).
describe("what the core's readers and writers load", () => {
  it("writing Parley JSON loads no YAML library and no schemas", () => {
    expect(packagesLoadedBy("@parley/core/formats/parley-document")).toEqual([]);
  });

  it("reading Parley JSON or YAML loads js-yaml and zod, not the slower yaml package", () => {
    expect(packagesLoadedBy("@parley/core/formats/parley")).toEqual(["js-yaml", "zod"]);
  });

  it("reading GENIUS XML loads the XML parser, no YAML library and no schemas", () => {
    const loaded = packagesLoadedBy("@parley/core/formats/genius");
    expect(loaded).toContain("fast-xml-parser");
    for (const name of ["js-yaml", "yaml", "zod"]) expect(loaded).not.toContain(name);
  });
});
