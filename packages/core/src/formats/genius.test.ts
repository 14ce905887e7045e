import { describe, expect, it } from "vitest";
import { InputError } from "../errors.js";
import { compileUtility } from "../model/utility.js";
import { readGeniusScenario, type TextFile } from "./genius.js";

const domain = (issues: string) => `<negotiation_template><utility_space><objective index="0" name="root">
${issues}
</objective></utility_space></negotiation_template>`;
const profile = (body: string, tail = "") => `<utility_space><objective index="0" name="root">
${body}
</objective>${tail}</utility_space>`;

const colour = `<issue index="2" name="colour" type="discrete">
  <item index="1" value="red"/><item index="2" value="green"/><item index="3" value="blue"/>
</issue>`;
const size = `<issue index="1" name="size" type="integer" lowerbound="1" upperbound="5"/>`;

function read(files: Record<string, string>) {
  return readGeniusScenario(Object.entries(files).map(([name, text]): TextFile => ({ name, text })));
}

function errorOf(fn: () => unknown): InputError {
  try {
    fn();
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error("expected an InputError");
}

describe("readGeniusScenario", () => {
  const additive = profile(
    `<issue index="2" name="colour"><item value="blue" evaluation="4"/><item value="red" evaluation="8"/></issue>
     <issue index="1" name="size" type="integer" lowerbound="1" upperbound="5">
       <evaluator ftype="linear" slope="0.25" offset="0"/></issue>
     <weight index="1" value="0.4"/><weight index="2" value="0.6"/>`,
    `<discount_factor value="0.9"/><reservation value="0.3"/>`,
  );

  it("links profile weights and evaluations to domain issues by index, not position", () => {
    const { scenario, warnings } = read({ "b.xml": additive, "d.xml": domain(`${colour}\n${size}`) });
    expect(warnings).toEqual([]);
    expect(scenario.space.issues.map((i) => i.name)).toEqual(["colour", "size"]);
    const u = compileUtility(scenario.space, scenario.parties[0].profile);
    // colour: red 8/8, green unrated 0, blue 4/8; size: 0.25 · (x − 1)
    const at = (c: string, s: number) => u.utility(scenario.space.fromValues({ colour: c, size: s }));
    expect(at("red", 1)).toBeCloseTo(0.6, 15);
    expect(at("blue", 3)).toBeCloseTo(0.6 * 0.5 + 0.4 * 0.5, 15);
    expect(at("green", 5)).toBeCloseTo(0.4, 15);
    expect(scenario.parties[0]).toMatchObject({ name: "b", profile: { reservation: 0.3, discount: 0.9 } });
    expect(scenario.name).toBe("d");
  });

  it("tells the domain by content and orders parties by file name", () => {
    const { scenario } = read({
      "zeta.xml": additive,
      "alpha.xml": additive,
      "m-domain.xml": domain(colour + size),
    });
    expect(scenario.parties.map((p) => p.name)).toEqual(["alpha", "zeta"]);
  });

  it("flattens nested objectives and skips weights on objectives", () => {
    const nested = domain(`<objective index="7" name="group">${size}</objective>${colour}`);
    const p = profile(
      `<objective index="7" name="group"><issue index="1" name="size" type="integer" lowerbound="1" upperbound="5">
         <evaluator ftype="linear" slope="0.25" offset="0"/></issue></objective>
       <issue index="2" name="colour"><item value="red" evaluation="1"/></issue>
       <weight index="7" value="1.0"/><weight index="1" value="0.5"/><weight index="2" value="0.5"/>`,
    );
    const { scenario } = read({ "d.xml": nested, "p.xml": p });
    expect(scenario.space.issues.map((i) => i.name)).toEqual(["size", "colour"]);
    expect(scenario.parties[0].profile.utility).toMatchObject({ weights: [0.5, 0.5] });
  });

  it("uses weights as written, with a warning when they do not sum to 1, and caps U at 1", () => {
    const p = profile(
      `<issue index="2" name="colour"><item value="red" evaluation="1"/></issue>
       <issue index="1" name="size"><evaluator ftype="linear" slope="0.25" offset="0"/></issue>
       <weight index="1" value="0.9"/><weight index="2" value="0.9"/>`,
    );
    const { scenario, warnings } = read({ "d.xml": domain(colour + size), "p.xml": p });
    expect(warnings).toEqual([expect.stringMatching(/p\.xml: weights sum to 1\.8/)]);
    const u = compileUtility(scenario.space, scenario.parties[0].profile);
    expect(u.utility(scenario.space.fromValues({ colour: "red", size: 5 }))).toBe(1);
    expect(u.utility(scenario.space.fromValues({ colour: "red", size: 1 }))).toBeCloseTo(0.9, 15);
  });

  it.each([
    ["0", 1],
    ["-0.5", 1],
    ["1.5", 1],
    ["1", 1],
    ["0.25", 0.25],
  ])("reads discount %s as %s and a missing reservation as 0", (d, expected) => {
    const p = profile(
      `<weight index="2" value="1"/><issue index="2" name="colour"><item value="red" evaluation="1"/></issue>`,
      `<discount_factor value="${d}"/>`,
    );
    const { scenario } = read({ "d.xml": domain(colour), "p.xml": p });
    expect(scenario.parties[0].profile).toMatchObject({ discount: expected, reservation: 0 });
  });

  it("reads real issues with bounds on <range> or on the issue, and linear, constant and triangular evaluators", () => {
    const d = domain(`<issue index="1" name="a" type="real"><range lowerbound="0" upperbound="10"/></issue>
      <issue index="2" name="b" vtype="real" lowerbound="0" upperbound="10"/>
      <issue index="3" name="c" type="real"><range lowerbound="0" upperbound="10"/></issue>`);
    const p =
      profile(`<issue index="1" name="a" type="real"><evaluator ftype="linear" parameter0="0.2" parameter1="0.05"/></issue>
      <issue index="2" name="b" type="real"><evaluator ftype="constant" parameter0="0.7"/></issue>
      <issue index="3" name="c" type="real"><evaluator ftype="triangular" parameter0="2" parameter1="8" parameter2="4"/></issue>
      <weight index="1" value="0.5"/><weight index="2" value="0.25"/><weight index="3" value="0.25"/>`);
    const { scenario } = read({ "d.xml": d, "p.xml": p });
    expect(scenario.space.issues.map((i) => [i.kind, i.kind === "discrete" ? 0 : i.max])).toEqual([
      ["real", 10],
      ["real", 10],
      ["real", 10],
    ]);
    const u = compileUtility(scenario.space, scenario.parties[0].profile);
    // a: 0.05·6 + 0.2 = 0.5; b: 0.7; c: rises 2→4, falls 4→8, so at 6 it is 0.5
    expect(u.utilityOfValues([6, 3, 6])).toBeCloseTo(0.5 * 0.5 + 0.25 * 0.7 + 0.25 * 0.5, 15);
    expect(u.utilityOfValues([0, 3, 4])).toBeCloseTo(0.5 * 0.2 + 0.25 * 0.7 + 0.25, 15);
  });

  it("normalises a hyper-rectangle profile without maxutility by its true maximum", () => {
    const d = domain(`<issue index="1" name="x" type="integer" lowerbound="0" upperbound="9"/>
      <issue index="2" name="y" type="integer" lowerbound="0" upperbound="9"/>`);
    const p = `<utility_space type="nonlinear"><objective index="0" name="root"><utility>
      <ufun type="PlainUfun" weight="1" aggregation="sum">
        <hyperRectangle utility="30"><INCLUDES index="1" min="0" max="4"/></hyperRectangle>
        <hyperRectangle utility="50"><INCLUDES index="2" min="6" max="9"/></hyperRectangle>
        <hyperRectangle utility="40"><INCLUDES index="1" min="3" max="9"/><EXCLUDES index="2" min="7" max="9"/></hyperRectangle>
      </ufun></utility></objective></utility_space>`;
    const { scenario, warnings } = read({ "d.xml": d, "p.xml": p });
    // Best: x ∈ [3, 4], y = 6 → 30 + 50 + 40 = 120.
    expect(scenario.parties[0].profile.utility).toMatchObject({ type: "constraint", maxUtility: 120 });
    expect(warnings).toEqual([expect.stringMatching(/no maxutility; normalised by the true maximum 120/)]);
    const u = compileUtility(scenario.space, scenario.parties[0].profile);
    expect(u.utility(scenario.space.fromValues({ x: 4, y: 6 }))).toBe(1);
    expect(u.utility(scenario.space.fromValues({ x: 4, y: 8 }))).toBeCloseTo(80 / 120, 15);
  });

  it("keeps hyper-rectangle utilities in [0, 1] when maxutility understates the maximum or a rectangle is negative", () => {
    const d = domain(`<issue index="1" name="x" type="integer" lowerbound="0" upperbound="9"/>`);
    const p = `<utility_space type="nonlinear"><objective index="0" name="root"><utility maxutility="10">
      <ufun type="PlainUfun" weight="1" aggregation="sum">
        <hyperRectangle utility="300"><INCLUDES index="1" min="0" max="4"/></hyperRectangle>
        <hyperRectangle utility="-50"><INCLUDES index="1" min="5" max="9"/></hyperRectangle>
      </ufun></utility></objective></utility_space>`;
    const { scenario } = read({ "d.xml": d, "p.xml": p });
    const u = compileUtility(scenario.space, scenario.parties[0].profile);
    expect(u.utility(scenario.space.fromValues({ x: 1 }))).toBe(1);
    expect(u.utility(scenario.space.fromValues({ x: 7 }))).toBe(0);
  });

  it("skips a pareto.xml point list but refuses other non-XML files", () => {
    const p = profile(
      `<weight index="2" value="1"/><issue index="2" name="colour"><item value="red" evaluation="1"/></issue>`,
    );
    const files = {
      "d.xml": domain(colour),
      "p.xml": p,
      "pareto.xml": "0.5, 1.0\n1.0, 0.25\n",
      "notes.xml": "hello",
    };
    expect(() => read(files)).toThrow(/^notes\.xml: is not XML \(it starts with "hello"\)/);
    const { "notes.xml": _, ...withoutNotes } = files;
    expect(read(withoutNotes).warnings).toEqual([]);
  });

  describe("refuses bad input with the file, the element and the reason", () => {
    const good = profile(
      `<weight index="2" value="1"/><issue index="2" name="colour"><item value="red" evaluation="1"/></issue>`,
    );
    it.each([
      [
        "a DOCTYPE",
        { "d.xml": `<!DOCTYPE x [<!ENTITY a "aaaa">]>${domain(colour)}`, "p.xml": good },
        /^d\.xml: contains a <!DOCTYPE> declaration/,
      ],
      [
        "an ENTITY",
        { "d.xml": domain(colour), "p.xml": `<!ENTITY a SYSTEM "file:///etc/passwd">${good}` },
        /^p\.xml: contains a <!ENTITY> declaration/,
      ],
      [
        "broken XML",
        { "d.xml": domain(colour), "p.xml": "<utility_space><weight index='1'></utility_space>" },
        /^p\.xml: line 1: is not well-formed XML/,
      ],
      [
        "an unknown issue index",
        { "d.xml": domain(colour), "p.xml": profile(`<weight index="9" value="1"/>`) },
        /^p\.xml: weight\[index=9\]: issue index 9 is not an issue/,
      ],
      [
        "an item the domain lacks",
        {
          "d.xml": domain(colour),
          "p.xml": profile(
            `<weight index="2" value="1"/><issue index="2" name="colour"><item value="pink" evaluation="1"/></issue>`,
          ),
        },
        /^p\.xml: issue\[index=2\]: item "pink": is not an option of issue "colour"/,
      ],
      [
        "a negative weight",
        { "d.xml": domain(colour), "p.xml": profile(`<weight index="2" value="-1"/>`) },
        /^p\.xml: weight\[index=2\]: weight -1 is negative/,
      ],
      [
        "a NaN weight",
        { "d.xml": domain(colour), "p.xml": profile(`<weight index="2" value="NaN"/>`) },
        /^p\.xml: weight\[index=2\]: value="NaN" is not a number/,
      ],
      [
        "lower > upper",
        {
          "d.xml": domain(`<issue index="1" name="n" type="integer" lowerbound="5" upperbound="1"/>`),
          "p.xml": good,
        },
        /^d\.xml: issue\[index=1\]: lowerbound 5 is greater than upperbound 1/,
      ],
      [
        "two domains",
        { "d.xml": domain(colour), "e.xml": domain(colour), "p.xml": good },
        /more than one domain file: d\.xml, e\.xml/,
      ],
      ["no profile", { "d.xml": domain(colour) }, /^d\.xml: has no profile/],
    ])("%s", (_, files, message) => {
      expect(errorOf(() => read(files)).message).toMatch(message);
    });
  });
});
