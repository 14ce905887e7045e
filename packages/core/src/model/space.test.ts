import { describe, expect, it } from "vitest";
import { InputError } from "../errors.js";
import { Rng } from "./rng.js";
import { OutcomeSpace } from "./space.js";

const space = new OutcomeSpace([
  { kind: "discrete", name: "colour", options: [{ value: "red" }, { value: "green" }, { value: "blue" }] },
  { kind: "integer", name: "count", min: -2, max: 2 },
  { kind: "real", name: "price", min: 0, max: 1, steps: 3 },
]);

describe("OutcomeSpace", () => {
  it("knows its exact size, even beyond 2^53", () => {
    expect(space.size).toBe(45n);
    const big = new OutcomeSpace(
      Array.from({ length: 50 }, (_, i) => ({ kind: "integer" as const, name: `i${i}`, min: 0, max: 9 })),
    );
    expect(big.size).toBe(10n ** 50n);
    const last = big.outcomeAt(10n ** 50n - 1n);
    expect(last.every((x) => x === 9)).toBe(true);
    expect(big.indexOf(last)).toBe(10n ** 50n - 1n);
  });

  it("maps index ↔ outcome in mixed radix and enumerates in the same order", () => {
    let index = 0n;
    for (const o of space.enumerate()) {
      expect(space.outcomeAt(index)).toEqual(Array.from(o));
      expect(space.indexOf(o)).toBe(index);
      index++;
    }
    expect(index).toBe(space.size);
  });

  it("converts values both ways and names the issue on a bad value", () => {
    const o = space.fromValues({ colour: "blue", count: 1, price: 0.5 });
    expect(o).toEqual([2, 3, 1]);
    expect(space.toValues(o)).toEqual({ colour: "blue", count: 1, price: 0.5 });
    expect(() => space.fromValues({ colour: "pink", count: 1, price: 0 })).toThrow(InputError);
    expect(() => space.fromValues({ colour: "red", count: 7, price: 0 })).toThrow(/count/);
    expect(() => space.fromValues({ colour: "red", count: 0 })).toThrow(/price.*has no value/);
    expect(() => space.fromValues({ colour: "red", count: 0, price: 0, size: 1 })).toThrow(/size/);
  });

  it("samples uniformly from a seed, reproducibly", () => {
    const a = Array.from({ length: 5 }, () => space.sample(new Rng(7)));
    expect(a.every((o) => JSON.stringify(o) === JSON.stringify(a[0]))).toBe(true);
    const rng = new Rng(42);
    const counts = new Array(3).fill(0);
    for (let i = 0; i < 30000; i++) counts[space.sample(rng)[0]]++;
    for (const c of counts) expect(Math.abs(c - 10000)).toBeLessThan(400);
    const big = new Rng(1).bigint(10n ** 40n);
    expect(big).toBeGreaterThanOrEqual(0n);
    expect(big).toBeLessThan(10n ** 40n);
  });
});
