import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectRefused, runCli } from "../helpers/cli.js";
import { tempFiles } from "../helpers/temp-files.js";

const temp = tempFiles("parley-bad-input-");
const work = temp.root;
const file = temp.file;

const DOMAIN = `<negotiation_template><utility_space><objective index="0" name="root">
  <issue index="1" name="colour" type="discrete"><item index="1" value="red"/><item index="2" value="blue"/></issue>
  <issue index="2" name="size" type="integer" lowerbound="1" upperbound="5"/>
</objective></utility_space></negotiation_template>`;

const profile = (weight1 = "0.5", item = "red") => `<utility_space><objective index="0" name="root">
  <issue index="1" name="colour"><item value="${item}" evaluation="1"/></issue>
  <issue index="2" name="size"><evaluator ftype="linear" slope="0.25" offset="0"/></issue>
  <weight index="1" value="${weight1}"/><weight index="2" value="0.5"/>
</objective><reservation value="0.2"/></utility_space>`;

/** A GENIUS folder made in the temp dir: `d.xml` plus `p.xml`, with any file replaced. */
function geniusFolder(name: string, files: Record<string, string> = {}): string {
  return temp.folder(name, { "d.xml": DOMAIN, "p.xml": profile(), ...files });
}

describe("the CLI refuses bad input: exit 2, one line naming file, element and reason, no stack trace", () => {
  it("accepts the well-formed base folder (so the cases below fail for their own reason)", () => {
    const run = runCli(["inspect", geniusFolder("good"), "--json"]);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).parties).toEqual([{ name: "p", reservation: 0.2, discount: 1 }]);
  });

  it("a missing scenario", () => {
    expectRefused(["inspect", join(work, "nowhere")], /^parley: .*nowhere: does not exist$/);
  });

  it("unreadable XML", () => {
    const dir = geniusFolder("broken", { "p.xml": "<utility_space>\n<objective>\n</utility_space>" });
    expectRefused(["inspect", dir], /^parley: p\.xml: line 3: is not well-formed XML \(.+\)$/);
  });

  it("an unknown issue index", () => {
    const dir = geniusFolder("index", {
      "p.xml": profile().replace('<weight index="2"', '<weight index="7"'),
    });
    expectRefused(
      ["inspect", dir],
      /^parley: p\.xml: weight\[index=7\]: issue index 7 is not an issue of the domain$/,
    );
  });

  it("an item the domain lacks", () => {
    const dir = geniusFolder("item", { "p.xml": profile("0.5", "green") });
    expectRefused(
      ["inspect", dir],
      /^parley: p\.xml: issue\[index=1\]: item "green": is not an option of issue "colour" in the domain$/,
    );
  });

  it.each([
    ["negative", "-0.5", /weight -0\.5 is negative/],
    ["NaN", "NaN", /value="NaN" is not a number/],
  ])("a %s weight", (kind, value, reason) => {
    const dir = geniusFolder(`weight-${kind}`, { "p.xml": profile(value) });
    expectRefused(["inspect", dir], new RegExp(`^parley: p\\.xml: weight\\[index=1\\]: ${reason.source}$`));
  });

  it("an integer range with lower > upper", () => {
    const dir = geniusFolder("range", {
      "d.xml": DOMAIN.replace('lowerbound="1" upperbound="5"', 'lowerbound="9" upperbound="5"'),
    });
    expectRefused(
      ["inspect", dir],
      /^parley: d\.xml: issue\[index=2\]: lowerbound 9 is greater than upperbound 5$/,
    );
  });

  it("a Parley YAML file that fails the schema", () => {
    const path = file(
      "bad.yaml",
      "parley: 1\nname: x\nissues:\n  - name: a\n    options: [x, y]\nparties:\n  - name: p\n    reservation: 2\n    weights: {a: 1}\n    values: {a: {x: 1}}\n",
    );
    expectRefused(["inspect", path], /^parley: .*bad\.yaml: parties\[0\]\.reservation: .+$/);
  });

  it("a Parley JSON file that fails the schema", () => {
    const path = file("bad.json", JSON.stringify({ parley: 1, name: "x", issues: [], parties: [] }));
    expectRefused(["inspect", path], /^parley: .*bad\.json: issues: .+$/);
  });

  it.each([
    ["DOCTYPE", `<!DOCTYPE u [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>\n${profile()}`],
    ["external entity", `<!DOCTYPE u [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n${profile()}`],
    ["ENTITY", `<!ENTITY a "b">${profile()}`],
  ])("XML with a %s declaration", (kind, text) => {
    const dir = geniusFolder(`dtd-${kind.replace(" ", "-")}`, { "p.xml": text });
    expectRefused(
      ["inspect", dir],
      /^parley: p\.xml: contains a <!(DOCTYPE|ENTITY)> declaration; Parley refuses DTDs/,
    );
  });

  it("a file over the size limit, before parsing it (--max-file-mb raises the limit)", () => {
    // 1.5 MB of malformed XML: refused for its size, so it was never parsed.
    const dir = geniusFolder("big", { "p.xml": `${profile()}<!-- ${"x".repeat(1_500_000)}` });
    expectRefused(
      ["inspect", dir, "--max-file-mb", "1"],
      /^parley: p\.xml: is 1\.4 MB, over the 1\.0 MB limit \(raise it with --max-file-mb\)$/,
    );
    expectRefused(
      ["inspect", dir, "--max-file-mb", "2"],
      /^parley: p\.xml: is not well-formed XML \(Comment is not closed\.\)$/,
    );
  });

  it("an outcomes file naming an option the scenario lacks", () => {
    const outcomes = file(
      "outcomes.json",
      JSON.stringify([
        { colour: "red", size: 2 },
        { colour: "pink", size: 2 },
      ]),
    );
    expectRefused(
      ["eval", geniusFolder("eval"), "--outcomes", outcomes],
      /^parley: .*outcomes\.json: \[1\]: issue "colour": "pink" is not one of its options \("red", "blue"\)$/,
    );
  });

  it("a party number the scenario lacks", () => {
    expectRefused(
      ["inspect", geniusFolder("parties"), "--parties", "1,2"],
      /^parley: --parties: there is no party 2/,
    );
  });

  it("a Parley file without its format version, or without a required field", () => {
    const body =
      "issues: [{name: a, options: [p, q]}]\nparties: [{name: A, weights: {a: 1}, values: {a: {p: 1}}}]\n";
    expectRefused(
      ["inspect", file("noversion.yaml", `name: x\n${body}`)],
      /noversion\.yaml: parley: must be 1: .*"parley: 1"$/,
    );
    expectRefused(
      ["inspect", file("noname.yaml", `parley: 1\n${body}`)],
      /noname\.yaml: name: is missing \(expected a string\)$/,
    );
  });

  it("a folder with two Parley scenarios", () => {
    const dir = join(work, "two-plans");
    mkdirSync(dir);
    writeFileSync(join(dir, "a.yaml"), "parley: 1\n");
    writeFileSync(join(dir, "b.yml"), "parley: 1\n");
    expectRefused(
      ["inspect", dir],
      /two-plans: holds several Parley scenarios \(a\.yaml, b\.yml\): name the file$/,
    );
  });

  it("--debug adds the stack trace", () => {
    const run = runCli(["inspect", join(work, "nowhere"), "--debug"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/\n\s+at /);
  });
});
