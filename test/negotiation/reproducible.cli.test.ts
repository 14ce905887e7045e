import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { bundledScenarioPath, loadBundled } from "../helpers/scenarios.js";
import { tempDir } from "../helpers/temp.js";

const cli = fileURLToPath(new URL("../../packages/cli/dist/main.js", import.meta.url));

describe("reproducibility of the command", () => {
  it("parley negotiate: same seed ⇒ byte-identical --json and --trace", async () => {
    const dir = tempDir("parley-negotiate-");
    const once = (k: number) => {
      const trace = join(dir, `trace${k}.jsonl`);
      const args = [
        "negotiate",
        bundledScenarioPath("anac/y2010/ItexvsCypress"),
        "--agents",
        "random,nash-frequency",
      ];
      const json = execFileSync("node", [cli, ...args, "--seed", "9", "--json", "--trace", trace], {
        encoding: "utf8",
      });
      return { json, trace: readFileSync(trace, "utf8") };
    };
    const first = once(1);
    expect(once(2)).toEqual(first);
    const parsed = JSON.parse(first.json);
    expect(Object.keys(parsed)).toEqual([
      "agreement",
      "rounds",
      "utilities",
      "advantages",
      "welfare",
      "paretoDistance",
      "nashDistance",
      "ksDistance",
      "errors",
    ]);
    const lines = first.trace
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ round: 0, t: 0, seat: 0, action: "offer" });
    const itex = await loadBundled("anac/y2010/ItexvsCypress");
    expect(Object.keys(lines[0].offer)).toEqual(itex.space.issues.map((i) => i.name));
    expect(lines[0].utilities).toHaveLength(2);
    expect(lines.some((l) => "ms" in l)).toBe(false);
  });
});
