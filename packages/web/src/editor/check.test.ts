import { describe, expect, it } from "vitest";
import { checkDraft } from "./check";
import { starterDraft } from "./draft";
import { removeOption, setOption, setPoint } from "./edits";

describe("live validation", () => {
  it("gives the core reader's message for a duplicate point name, located at that point", () => {
    const d = setPoint(starterDraft(), 1, { name: "price" });
    expect(checkDraft(d).error).toEqual({
      field: "issues[1]",
      reason: 'issue name "price" is used twice',
      point: 1,
      option: undefined,
      party: undefined,
    });
  });

  it("locates an empty option name at its option, and warns about a point with one option", () => {
    const empty = checkDraft(setOption(starterDraft(), 0, 2, { value: "" })).error;
    expect(empty).toMatchObject({ field: "issues[0].options[2]", point: 0, option: 2 });
    const one = checkDraft(removeOption(removeOption(starterDraft(), 1, 2), 1, 1));
    expect(one.error).toBeUndefined();
    expect(one.warnings).toEqual([
      {
        field: "issues[1].options",
        point: 1,
        reason: 'has one option, so there is nothing to choose on "delivery"',
      },
    ]);
  });
});
