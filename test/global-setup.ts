import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/** Builds every package once before the tests, so CLI tests run the real `parley` command. */
export default function setup(): void {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const build = spawnSync("npm", ["run", "build"], { cwd: root, encoding: "utf8" });
  if (build.status !== 0) {
    throw new Error(`npm run build failed (exit ${build.status}):\n${build.stdout}\n${build.stderr}`);
  }
}
