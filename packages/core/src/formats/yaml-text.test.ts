import { describe, expect, it } from "vitest";
import { InputError } from "../errors.js";
import { readYaml, writeYaml } from "./yaml-text.js";

/** The InputError message `readYaml` refuses `text` with. */
function refusal(text: string): string {
  try {
    readYaml(text, "f.yaml");
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as InputError).message;
  }
  throw new Error("accepted");
}

describe("readYaml", () => {
  it("reads the YAML 1.2 core schema: no dates, no yes/no booleans, no merge keys", () => {
    expect(readYaml("a: 2001-12-14\nb: yes\nc: 0x1F\nd: ~\n<<: {e: 1}\n", "f.yaml")).toEqual({
      a: "2001-12-14",
      b: "yes",
      c: 31,
      d: null,
      "<<": { e: 1 },
    });
  });

  it("names the file, line and column of a syntax error or a duplicate key", () => {
    expect(refusal("a: 1\na: 2\n")).toBe(
      "f.yaml: is not valid JSON or YAML (duplicated mapping key at line 2, column 1)",
    );
    expect(refusal('name: "ceasefire\n')).toMatch(
      /^f\.yaml: is not valid JSON or YAML \(.+ at line 2, column 1\)$/,
    );
    expect(refusal("")).toBe(
      "f.yaml: is not valid JSON or YAML (expected a document, but the input is empty)",
    );
  });

  it("reads an unknown tag as its untagged content, for the schema to judge", () => {
    expect(readYaml("a: !!binary aGk=\nb: !point {x: 1}\nc: !list [1]\n", "f.yaml")).toEqual({
      a: "aGk=",
      b: { x: 1 },
      c: [1],
    });
    const proto = readYaml("a: !tagged {__proto__: {polluted: 1}}\n", "f.yaml") as { a: object };
    expect(Object.getPrototypeOf(proto.a)).toBe(Object.prototype);
    expect(Object.keys(proto.a)).toEqual(["__proto__"]);
  });

  it("reads aliases that repeat a value a few times", () => {
    const doc = "table: &t {low: 0, high: 1}\nparties:\n  - values: *t\n  - values: *t\n";
    expect(readYaml(doc, "f.yaml")).toEqual({
      table: { low: 0, high: 1 },
      parties: [{ values: { low: 0, high: 1 } }, { values: { low: 0, high: 1 } }],
    });
  });

  it("refuses aliases that expand a short file into billions of values, or into a cycle", () => {
    const levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"];
    for (let k = 1; k < 9; k++)
      levels.push(
        `a${k}: &a${k} [${Array(10)
          .fill(`*a${k - 1}`)
          .join(", ")}]`,
      );
    expect(refusal(`${levels.join("\n")}\n`)).toMatch(
      /^f\.yaml: its aliases \(\*name\) expand to more than \d+ values$/,
    );
    expect(refusal("a: &a [*a]\n")).toMatch(
      /^f\.yaml: with its aliases \(\*name\) expanded, lists and objects nest/,
    );
    expect(
      refusal(
        `${Array.from({ length: 101 }, (_, k) => `a${k}: &a${k} 1`).join("\n")}\nb: [${Array.from({ length: 101 }, (_, k) => `*a${k}`).join(", ")}]\n`,
      ),
    ).toMatch(/^f\.yaml: is not valid JSON or YAML \(.*alias/);
  });

  it("refuses aliases that nest lists deeper than a file may", () => {
    const deep = (k: number) =>
      `d${k}: &d${k} ${"[".repeat(60)}${k === 0 ? "1" : `*d${k - 1}`}${"]".repeat(60)}`;
    expect(refusal(`${deep(0)}\n${deep(1)}\n`)).toMatch(
      /^f\.yaml: with its aliases \(\*name\) expanded, lists and objects nest more than 100 levels deep$/,
    );
  });
});

describe("writeYaml", () => {
  it("writes text readYaml reads back to the same value, long lines unfolded", () => {
    const value = { name: "plan", description: "x ".repeat(200).trim(), list: [1, "2", "it's", { a: null }] };
    const text = writeYaml(value);
    expect(text.split("\n")[1]).toBe(`description: ${value.description}`);
    expect(readYaml(text, "f.yaml")).toEqual(value);
  });
});
