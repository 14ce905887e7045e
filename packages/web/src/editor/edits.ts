import {
  type CurvePoint,
  curveTable,
  type DraftRange,
  flipped,
  followRange,
  risingLine,
  withPointAdded,
} from "./curve";
import {
  DEFAULT_RANGE,
  type Draft,
  type DraftOption,
  type DraftParty,
  type DraftPoint,
  type PointKind,
  starterOptions,
} from "./draft";
import { normalise, rescale, tidyWeights } from "./weights";

/** Edits of a draft: each returns a new draft and keeps every party's tables in step with the points. */

const move = <T>(items: readonly T[], from: number, delta: number): T[] => {
  const to = from + delta;
  if (to < 0 || to >= items.length) return [...items];
  const out = [...items];
  [out[from], out[to]] = [out[to], out[from]];
  return out;
};

const unusedName = (taken: readonly string[], stem: string) => {
  let n = taken.length + 1;
  while (taken.includes(`${stem} ${n}`)) n++;
  return `${stem} ${n}`;
};

const withParties = (draft: Draft, fn: (p: DraftParty) => DraftParty): Draft => ({
  ...draft,
  parties: draft.parties.map(fn),
});

export function setPoint(draft: Draft, i: number, patch: Partial<DraftPoint>): Draft {
  return { ...draft, points: draft.points.map((p, j) => (j === i ? { ...p, ...patch } : p)) };
}

export function addPoint(draft: Draft): Draft {
  const id = draft.nextId;
  const point: DraftPoint = {
    id,
    name: unusedName(
      draft.points.map((p) => p.name),
      "point",
    ),
    title: "",
    description: "",
    kind: "options",
    options: starterOptions(id + 1),
    range: DEFAULT_RANGE,
  };
  // A new point weighs 0 for everyone, so weights still sum to 1 until a party says otherwise.
  return withParties({ ...draft, nextId: id + 3, points: [...draft.points, point] }, (p) => ({
    ...p,
    weights: [...p.weights, 0],
    values: [...p.values, [0, 0]],
    redLines: [...p.redLines, [false, false]],
    curves: [...p.curves, risingLine(point.range)],
    redValues: [...p.redValues, ""],
  }));
}

export function removePoint(draft: Draft, i: number): Draft {
  const drop = <T>(xs: readonly T[]) => xs.filter((_, j) => j !== i);
  return withParties({ ...draft, points: drop(draft.points) }, (p) => ({
    ...p,
    weights: tidyWeights(normalise(drop(p.weights))),
    values: drop(p.values),
    redLines: drop(p.redLines),
    curves: drop(p.curves),
    redValues: drop(p.redValues),
  }));
}

export function movePoint(draft: Draft, i: number, delta: number): Draft {
  return withParties({ ...draft, points: move(draft.points, i, delta) }, (p) => ({
    ...p,
    weights: move(p.weights, i, delta),
    values: move(p.values, i, delta),
    redLines: move(p.redLines, i, delta),
    curves: move(p.curves, i, delta),
    redValues: move(p.redValues, i, delta),
  }));
}

const onOptions = (
  draft: Draft,
  i: number,
  options: (o: DraftOption[]) => DraftOption[],
  cells: <T>(row: T[], fill: T) => T[],
): Draft =>
  withParties(setPoint(draft, i, { options: options(draft.points[i].options) }), (p) => ({
    ...p,
    values: p.values.map((row, j) => (j === i ? cells(row, 0) : row)),
    redLines: p.redLines.map((row, j) => (j === i ? cells(row, false) : row)),
  }));

export function setOption(draft: Draft, i: number, k: number, patch: Partial<DraftOption>): Draft {
  return setPoint(draft, i, {
    options: draft.points[i].options.map((o, j) => (j === k ? { ...o, ...patch } : o)),
  });
}

export function addOption(draft: Draft, i: number): Draft {
  const taken = draft.points[i].options.map((o) => o.value);
  return onOptions(
    { ...draft, nextId: draft.nextId + 1 },
    i,
    (os) => [...os, { id: draft.nextId, value: unusedName(taken, "option"), description: "" }],
    (row, fill) => [...row, fill],
  );
}

export function removeOption(draft: Draft, i: number, k: number): Draft {
  return onOptions(
    draft,
    i,
    (os) => os.filter((_, j) => j !== k),
    (row) => row.filter((_, j) => j !== k),
  );
}

export function moveOption(draft: Draft, i: number, k: number, delta: number): Draft {
  return onOptions(
    draft,
    i,
    (os) => move(os, k, delta),
    (row) => move(row, k, delta),
  );
}

export function setParty(draft: Draft, k: number, patch: Partial<DraftParty>): Draft {
  return { ...draft, parties: draft.parties.map((p, j) => (j === k ? { ...p, ...patch } : p)) };
}

export function addParty(draft: Draft): Draft {
  const n = draft.points.length;
  const party: DraftParty = {
    id: draft.nextId,
    name: unusedName(
      draft.parties.map((p) => p.name),
      "Party",
    ),
    description: "",
    reservation: 0,
    discount: 1,
    weights: tidyWeights(draft.points.map(() => 1 / n)),
    values: draft.points.map((p) => p.options.map(() => 0)),
    redLines: draft.points.map((p) => p.options.map(() => false)),
    curves: draft.points.map((p) => risingLine(p.range)),
    redValues: draft.points.map(() => ""),
  };
  return { ...draft, nextId: draft.nextId + 1, parties: [...draft.parties, party] };
}

export function removeParty(draft: Draft, k: number): Draft {
  return { ...draft, parties: draft.parties.filter((_, j) => j !== k) };
}

/** A party moves with all its tables: they are its own, not indexed by party. */
export function moveParty(draft: Draft, k: number, delta: number): Draft {
  return { ...draft, parties: move(draft.parties, k, delta) };
}

/** Sets one weight; the party's other weights rescale so they still sum to 1. */
export function setWeight(draft: Draft, k: number, i: number, weight: number): Draft {
  return setParty(draft, k, { weights: tidyWeights(rescale(draft.parties[k].weights, i, weight)) });
}

export function setValue(draft: Draft, k: number, i: number, option: number, value: number): Draft {
  const party = draft.parties[k];
  return setParty(draft, k, {
    values: party.values.map((row, j) => (j === i ? row.map((v, o) => (o === option ? value : v)) : row)),
  });
}

export function setRedLine(draft: Draft, k: number, i: number, option: number, red: boolean): Draft {
  const party = draft.parties[k];
  return setParty(draft, k, {
    redLines: party.redLines.map((row, j) => (j === i ? row.map((v, o) => (o === option ? red : v)) : row)),
  });
}

/** Options or a number range; the other kind's options, range and tables stay for switching back. */
export function setPointKind(draft: Draft, i: number, kind: PointKind): Draft {
  return setPoint(draft, i, { kind });
}

/** Sets the range; each party's curve keeps its first and last points on the range's ends. */
export function setRange(draft: Draft, i: number, patch: Partial<DraftRange>): Draft {
  const from = draft.points[i].range;
  const to = { ...from, ...patch };
  return withParties(setPoint(draft, i, { range: to }), (p) => ({
    ...p,
    curves: p.curves.map((c, j) =>
      j === i && "points" in c ? { points: followRange(c.points, from, to) } : c,
    ),
  }));
}

/** Edits party k's curve of point i through its table: a kept linear or triangular one becomes that table. */
function onCurve(draft: Draft, k: number, i: number, edit: (table: CurvePoint[]) => CurvePoint[]): Draft {
  const party = draft.parties[k];
  const point = draft.points[i];
  const table = curveTable(party.curves[i], point.range);
  return setParty(draft, k, {
    curves: party.curves.map((c, j) => (j === i ? { points: edit(table) } : c)),
  });
}

/** Sets the value (x) or score (y) of row `row` of a curve's table. */
export function setCurvePoint(
  draft: Draft,
  k: number,
  i: number,
  row: number,
  patch: { x?: number; y?: number },
): Draft {
  return onCurve(draft, k, i, (t) =>
    t.map(([x, y], r): CurvePoint => (r === row ? [patch.x ?? x, patch.y ?? y] : [x, y])),
  );
}

export function addCurvePoint(draft: Draft, k: number, i: number): Draft {
  const point = draft.points[i];
  return onCurve(draft, k, i, (t) => withPointAdded(t, point.range, point.kind === "integer"));
}

export function removeCurvePoint(draft: Draft, k: number, i: number, row: number): Draft {
  return onCurve(draft, k, i, (t) => t.filter((_, r) => r !== row));
}

/** Rising becomes falling and back: every score s becomes 1 − s. */
export function flipCurve(draft: Draft, k: number, i: number): Draft {
  return onCurve(draft, k, i, flipped);
}

export function setRedValues(draft: Draft, k: number, i: number, text: string): Draft {
  const party = draft.parties[k];
  return setParty(draft, k, { redValues: party.redValues.map((v, j) => (j === i ? text : v)) });
}
