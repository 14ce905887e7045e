import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectRefused, runCli } from "../helpers/cli.js";
import { tempFiles } from "../helpers/temp-files.js";

const temp = tempFiles("parley-inputs-");
const work = temp.root;
const file = temp.file;

const DOMAIN = `<negotiation_template><utility_space><objective index="0" name="root">
  <issue index="1" name="colour" type="discrete"><item index="1" value="red"/><item index="2" value="blue"/></issue>
</objective></utility_space></negotiation_template>`;

const profile = (weight = "1") => `<utility_space><objective index="0" name="root">
  <issue index="1" name="colour"><item value="red" evaluation="1"/><item value="blue" evaluation="0.5"/></issue>
  <weight index="1" value="${weight}"/>
</objective></utility_space>`;

/** A GENIUS folder in the temp dir: `d.xml` plus the given profiles. */
function folder(name: string, files: Record<string, string>): string {
  return temp.folder(name, { "d.xml": DOMAIN, ...files });
}

const GOOD = { "a.xml": profile(), "b.xml": profile() };

describe("a folder with a profile that cannot be read", () => {
  const dir = folder("garbage-profile", { ...GOOD, "c.xml": "garbage, not XML" });

  it("is an error naming the file", () => {
    expectRefused(
      ["inspect", dir],
      /^parley: c\.xml: is not XML \(it starts with "garbage, not XML"\): not a GENIUS domain or profile$/,
    );
  });

  it("reads when --parties seats only the others", () => {
    const run = runCli(["inspect", dir, "--parties", "2,1", "--json"]);
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout).parties.map((p: { name: string }) => p.name)).toEqual(["b", "a"]);
  });

  it("is an error when --parties seats it", () => {
    expectRefused(["inspect", dir, "--parties", "1,3"], /^parley: c\.xml: is not XML/);
  });

  it("malformed XML among good profiles is named with its line", () => {
    const broken = folder("broken-profile", { ...GOOD, "c.xml": "<utility_space>\n<objective>" });
    expectRefused(["inspect", broken], /^parley: c\.xml: line \d+: is not well-formed XML/);
  });

  it("a garbage domain says it is garbage, not that there is no domain", () => {
    const dir2 = folder("garbage-domain", { ...GOOD, "d.xml": "junk" });
    expectRefused(
      ["inspect", dir2],
      /^parley: d\.xml: is not XML \(it starts with "junk"\): not a GENIUS domain or profile$/,
    );
  });
});

describe("schema errors say what was expected and what was found", () => {
  const doc = (issue: unknown, weights: unknown = { a: 1 }) =>
    JSON.stringify({
      parley: 1,
      name: "x",
      issues: [issue],
      parties: [{ name: "p", weights, values: { a: { x: 1 } } }],
    });

  it.each([
    [
      "an option of the wrong type",
      { name: "a", options: ["x", 3] },
      { a: 1 },
      /issues\[0\]\.options\[1\]: expected a string or an object, found number 3$/,
    ],
    [
      "a bound given as a string",
      { name: "a", kind: "integer", min: "1", max: 3 },
      { a: 1 },
      /issues\[0\]\.min: expected a number, found string "1"$/,
    ],
    [
      "a weight given as a string",
      { name: "a", options: ["x"] },
      { a: "1" },
      /parties\[0\]\.weights\.a: expected a number, found string "1"$/,
    ],
    [
      "a negative weight",
      { name: "a", options: ["x"] },
      { a: -1 },
      /parties\[0\]\.weights\.a: must be ≥ 0, found number -1$/,
    ],
  ])("%s", (name, issue, weights, message) => {
    expectRefused(["inspect", file(`${name.replaceAll(" ", "-")}.json`, doc(issue, weights))], message);
  });

  it("a GeniusWeb profile with a weight of the wrong type", () => {
    const dir = join(work, "geniusweb");
    mkdirSync(dir);
    writeFileSync(
      join(dir, "domain.json"),
      JSON.stringify({ name: "d", issuesValues: { a: { values: ["x", "y"] } } }),
    );
    writeFileSync(
      join(dir, "p.json"),
      JSON.stringify({
        LinearAdditiveUtilitySpace: {
          issueWeights: { a: [1] },
          issueUtilities: { a: { discreteutils: { valueUtilities: { x: 1 } } } },
        },
      }),
    );
    expectRefused(
      ["inspect", dir],
      /^parley: p\.json: LinearAdditiveUtilitySpace\.issueWeights\.a: expected a number, found an array of 1$/,
    );
  });
});

describe("all-zero weights are refused: every package would be worth 0", () => {
  const reason = "every issue weight is 0, so every package would be worth 0 to this party";
  it("in a GENIUS profile", () => {
    expectRefused(
      ["inspect", folder("zero-genius", { "a.xml": profile("0") })],
      new RegExp(`^parley: a\\.xml: ${reason}$`),
    );
  });
  it("in a Parley file", () => {
    const path = file(
      "zero.yaml",
      "parley: 1\nname: x\nissues: [{name: a, options: [x, y]}]\nparties: [{name: p, weights: {a: 0}, values: {a: {x: 1}}}]\n",
    );
    expectRefused(["inspect", path], new RegExp(`zero\\.yaml: parties\\[0\\]\\.weights: ${reason}$`));
  });
});

describe("warnings print once per message and are summarised past a few", () => {
  it("a folder of 1,000 profiles whose weights do not sum to 1 prints a handful of lines", () => {
    const profiles: Record<string, string> = {};
    for (let k = 0; k < 1000; k++) profiles[`p${String(k).padStart(4, "0")}.xml`] = profile("0.9");
    const run = runCli(["inspect", folder("thousand", profiles), "--parties", "1,2"]);
    expect(run.status).toBe(0);
    const lines = run.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(2); // only the seated profiles are read
    const all = runCli(["inspect", folder("thousand-all", { ...profiles }), "--json"]);
    expect(all.status).toBe(0);
    const warned = all.stderr.trimEnd().split("\n");
    expect(warned).toHaveLength(5);
    expect(warned[0]).toBe(
      "parley: warning: p0000.xml: weights sum to 0.9, not 1; used as written (as GENIUS does)",
    );
    expect(warned[4]).toBe(
      "parley: warning: … and 996 more warnings: 996 × weights sum to …, not …; used as written (as GENIUS does)",
    );
  });
});

describe("file-system problems: exit 2 and one line naming the path", () => {
  const scenario = folder("fs", GOOD);
  const aFile = file("a-file", "x");

  it.each([
    [
      "--plot into a missing folder",
      ["negotiate", scenario, "--agents", "boulware,conceder", "--plot", join(work, "nowhere", "d.png")],
      /^parley: --plot .*nowhere\/d\.png: the folder .*nowhere does not exist$/,
    ],
    [
      "--plot under a file",
      ["analyze", scenario, "--plot", join(aFile, "u.svg")],
      /^parley: --plot .*a-file\/u\.svg: .*a-file is a file, not a folder$/,
    ],
    [
      "--trace that is a folder",
      ["negotiate", scenario, "--agents", "boulware,conceder", "--trace", work],
      /^parley: --trace .*: is a folder; give a file name$/,
    ],
    [
      "tournament --out that is a file",
      ["tournament", scenario, "--agents", "boulware,conceder", "--rounds", "5", "--out", aFile],
      /^parley: .*a-file: is a file where a folder is needed \(EEXIST\)$/,
    ],
    [
      "tournament --plot into a missing folder",
      ["tournament", scenario, "--agents", "boulware,conceder", "--plot", join(work, "nowhere", "t.png")],
      /^parley: --plot .*nowhere\/t\.png: the folder .*nowhere does not exist$/,
    ],
    [
      "demo --out under a file",
      ["demo", "--out", join(aFile, "out")],
      /^parley: .*a-file\/out: a part of the path is a file, not a folder \(ENOTDIR\)$/,
    ],
    [
      "demo --out that is a file",
      ["demo", "--out", aFile],
      /^parley: .*a-file: is a file where a folder is needed \(EEXIST\)$/,
    ],
    [
      "convert into a missing folder",
      ["convert", scenario, join(work, "nowhere", "s.yaml")],
      /^parley: <out> .*nowhere\/s\.yaml: the folder .*nowhere does not exist$/,
    ],
    [
      "convert to a folder under a file",
      ["convert", scenario, join(aFile, "g")],
      /^parley: .*a-file\/g: a part of the path is a file, not a folder \(ENOTDIR\)$/,
    ],
    [
      "--outcomes that is a folder",
      ["eval", scenario, "--outcomes", work],
      /^parley: .*: is a folder where a file is needed \(EISDIR\)$/,
    ],
  ])("%s", (_, args, message) => {
    expectRefused(args, message);
  });
});

describe("inputs the fuzzer found hanging or unclear are refused fast, naming the file", () => {
  it("an integer issue with 10^15 values", () => {
    const dir = folder("huge-integer", {
      "d.xml": DOMAIN.replace(
        '<issue index="1" name="colour" type="discrete"><item index="1" value="red"/><item index="2" value="blue"/></issue>',
        '<issue index="1" name="colour" type="integer" lowerbound="0" upperbound="1000000000000000"/>',
      ),
      "a.xml": profile()
        .replace(/<item[^>]*>/g, "")
        .replace('name="colour">', 'name="colour"><evaluator ftype="linear" slope="0" offset="1"/>'),
    });
    expectRefused(
      ["inspect", dir],
      /^parley: d\.xml: issue\[index=1\]: has 1,000,000,000,000,001 values; Parley handles at most 1,000,000 per issue$/,
    );
  });

  it("XML nested 100,000 deep", () => {
    const deep = `${"<objective>".repeat(100_000)}${"</objective>".repeat(100_000)}`;
    const dir = folder("deep-xml", { ...GOOD, "c.xml": `<utility_space>${deep}</utility_space>` });
    expectRefused(["inspect", dir], /^parley: c\.xml: line 1: elements nest more than 100 levels deep$/);
  });

  it("YAML nested 100,000 deep", () => {
    const path = file("deep.yaml", `parley: 1\nname: ${"[".repeat(100_000)}${"]".repeat(100_000)}\n`);
    expectRefused(["inspect", path], /deep\.yaml: line 2: lists and objects nest more than 100 levels deep$/);
  });

  it("a settled-points file naming an issue or option the scenario lacks", () => {
    const settled = file("settled.json", JSON.stringify({ colour: "red", shape: "round" }));
    expectRefused(
      ["analyze", folder("settled", GOOD), "--settled", settled],
      /^parley: .*settled\.json: shape: is not an issue of the scenario$/,
    );
    const object = file("settled-object.json", JSON.stringify({ colour: { a: 1 } }));
    expectRefused(
      ["analyze", folder("settled2", GOOD), "--settled", object],
      /^parley: .*settled-object\.json: issue "colour": /,
    );
  });
});

describe("parley --version", () => {
  it("prints the package version", () => {
    const { version } = JSON.parse(
      readFileSync(new URL("../../packages/cli/package.json", import.meta.url), "utf8"),
    );
    for (const flag of ["--version", "-V"]) {
      const run = runCli([flag]);
      expect(run.status).toBe(0);
      expect(run.stdout).toBe(`${version}\n`);
    }
  });
});
