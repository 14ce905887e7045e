import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/**
 * Builds every package before the tests that run the real `parley` command. Several projects use
 * this setup; the first builds and marks the run (global setups share the main process), so one
 * `vitest run` builds at most once. PARLEY_BUILT=1 says the caller has built already (CI does).
 */
export default function setup(): void {
  if (process.env.PARLEY_BUILT === "1") return;
  const root = fileURLToPath(new URL("..", import.meta.url));
  const build = spawnSync("npm", ["run", "build"], { cwd: root, encoding: "utf8" });
  if (build.status !== 0) {
    throw new Error(`npm run build failed (exit ${build.status}):\n${build.stdout}\n${build.stderr}`);
  }
  process.env.PARLEY_BUILT = "1";
}
