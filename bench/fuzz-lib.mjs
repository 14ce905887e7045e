// Property-based fuzzing of Parley's readers: mutations of the bundled scenarios (and of files
// Parley writes from them) fed to every reader. Shared by bench/fuzz.mjs (10^5 cases per reader,
// on the built packages) and test/formats/fuzz.test.ts (a sample, on the sources); the caller
// passes the readers in, so each side uses its own build of them.
import fc from "fast-check";
import { parse as fromYaml, stringify as toYaml } from "yaml";

// ---------------------------------------------------------------------------------------------
// Values a mutation puts where a number, a string or an object was.

/** Attribute values that break GENIUS XML readers that trust their input. */
export const EVIL_ATTRIBUTES = [
  "",
  " ",
  "abc",
  "NaN",
  "Infinity",
  "-Infinity",
  "1e308",
  "-1e308",
  "1e400",
  "-1e400",
  "99999999999999999999999",
  "9007199254740993",
  "-1",
  "-0",
  "0",
  "0.5",
  "1.5",
  "2",
  "1000000",
  "0x10",
  "1,5",
  "true",
  "&#0;",
  "\u0000",
  "__proto__",
  "constructor",
  "x".repeat(10_000),
];

/** JSON values (as text) that break JSON/YAML readers that trust their input. */
export const EVIL_JSON = [
  '""',
  '"abc"',
  "null",
  "true",
  "false",
  "0",
  "-0",
  "-1",
  "0.5",
  "1.5",
  "2",
  "1e308",
  "-1e308",
  "1e400",
  "-1e400",
  "9007199254740993",
  "123456789012345678901234567890",
  "[]",
  "{}",
  "[1, 2, 3]",
  '{"__proto__": {"polluted": 1}}',
  '{"constructor": {"prototype": {"polluted": 1}}}',
  '"1"',
  '"NaN"',
  '"Infinity"',
  `"${"x".repeat(10_000)}"`,
  `[${Array.from({ length: 1_000 }, () => "0").join(",")}]`,
];

const TAGS = [
  "issue",
  "item",
  "weight",
  "objective",
  "utility_space",
  "negotiation_template",
  "evaluator",
  "range",
  "utility",
  "ufun",
  "hyperRectangle",
  "INCLUDES",
  "EXCLUDES",
  "reservation",
  "discount_factor",
  "junk",
];
const ATTRIBUTES = [
  "index",
  "name",
  "value",
  "type",
  "vtype",
  "etype",
  "evaluation",
  "lowerbound",
  "upperbound",
  "ftype",
  "slope",
  "offset",
  "parameter0",
  "parameter1",
  "parameter2",
  "min",
  "max",
  "maxutility",
  "weight",
  "utility",
  "aggregation",
];
const KEYS = [
  "parley",
  "name",
  "issues",
  "parties",
  "options",
  "kind",
  "min",
  "max",
  "steps",
  "weights",
  "values",
  "reservation",
  "discount",
  "constraints",
  "redLines",
  "linear",
  "piecewise",
  "triangular",
  "issuesValues",
  "LinearAdditiveUtilitySpace",
  "issueWeights",
  "issueUtilities",
  "discreteutils",
  "numberutils",
  "valueUtilities",
  "range",
  "reservationBid",
  "events",
  "people",
  "sources",
  "when",
  "type",
  "id",
  "__proto__",
  "constructor",
  "toString",
  "",
];
/** Text spliced in by byte-level mutations: structure characters, entities, YAML tricks, odd code points. */
const SNIPPETS = [
  "<",
  ">",
  "/>",
  "</",
  '"',
  "'",
  "&",
  "&amp;",
  "&#x0;",
  "&lt;",
  "<![CDATA[x]]>",
  "<!-- x -->",
  "<!DOCTYPE x>",
  "<?xml version='1.0'?>",
  "{",
  "}",
  "[",
  "]",
  ":",
  ",",
  "\n",
  "\t",
  "\r\n",
  "\u0000",
  "\uFEFF",
  "\uD800",
  "😀",
  "*a",
  "&a ",
  "!!binary ",
  "!!js/function ",
  "<<: ",
  "? ",
  "- ",
  "|",
  "%YAML 1.2\n---\n",
  "---\n",
  "...\n",
  "1e400",
  "NaN",
  "-",
  "0",
];

const MAX_INDEX = 1 << 30;
const at = fc.nat({ max: MAX_INDEX });
const depth = fc.constantFrom(2, 10, 100, 1_000, 10_000, 100_000);

// ---------------------------------------------------------------------------------------------
// Byte-level mutations of any text.

const textMutation = fc.oneof(
  fc.record({
    op: fc.constant("flip"),
    at,
    with: fc.oneof(fc.constantFrom(...SNIPPETS), fc.string({ maxLength: 2, unit: "binary" })),
  }),
  fc.record({ op: fc.constant("truncate"), at }),
  fc.record({ op: fc.constant("delete"), at, length: fc.nat({ max: 200 }) }),
  fc.record({ op: fc.constant("duplicate"), at, length: fc.nat({ max: 400 }) }),
  fc.record({ op: fc.constant("insert"), at, with: fc.constantFrom(...SNIPPETS) }),
);

function applyText(text, m) {
  const i = text.length === 0 ? 0 : m.at % (text.length + 1);
  switch (m.op) {
    case "flip":
      return text.slice(0, i) + m.with + text.slice(i + 1);
    case "truncate":
      return text.slice(0, i);
    case "delete":
      return text.slice(0, i) + text.slice(i + m.length);
    case "duplicate":
      return text.slice(0, i) + text.slice(i, i + m.length) + text.slice(i);
    case "insert":
      return text.slice(0, i) + m.with + text.slice(i);
  }
  throw new Error(`unknown text mutation ${m.op}`);
}

// ---------------------------------------------------------------------------------------------
// XML: a small tree of the seed files (which are well-formed), mutated and written back.

/** Parses well-formed seed XML into {tag, attrs: [[k, v]], children}; text and comments are dropped. */
export function parseSeedXml(text) {
  const root = { tag: "#root", attrs: [], children: [] };
  const stack = [root];
  const token = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
  for (let m = token.exec(text); m !== null; m = token.exec(text)) {
    const [, close, tag, attrText, selfClose] = m;
    if (close) {
      stack.pop();
      continue;
    }
    const attrs = [...attrText.matchAll(/([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)].map((a) => [
      a[1],
      a[2] ?? a[3],
    ]);
    const el = { tag, attrs, children: [] };
    stack[stack.length - 1].children.push(el);
    if (!selfClose) stack.push(el);
  }
  return root;
}

const escapeAttr = (v) => v.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;");

function writeXml(node) {
  if (node.tag === "#root") return node.children.map(writeXml).join("\n");
  if (node.nest) {
    // Deep nesting, written iteratively: the element inside `depth` wrappers of its own tag.
    const { depth: d, tag } = node.nest;
    return `<${tag}>`.repeat(d) + writeXml({ ...node, nest: undefined }) + `</${tag}>`.repeat(d);
  }
  const attrs = node.attrs.map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join("");
  if (node.children.length === 0) return `<${node.tag}${attrs}/>`;
  return `<${node.tag}${attrs}>${node.children.map(writeXml).join("")}</${node.tag}>`;
}

function clone(node) {
  return { ...node, attrs: node.attrs.map((a) => [...a]), children: node.children.map(clone) };
}

/** Every element of the tree with its parent, in document order. */
function elements(root) {
  const out = [];
  const walk = (node) => {
    for (const child of node.children) {
      out.push({ node: child, parent: node });
      walk(child);
    }
  };
  walk(root);
  return out;
}

const xmlMutation = fc.oneof(
  fc.record({ op: fc.constant("delete-element"), at }),
  fc.record({ op: fc.constant("duplicate-element"), at }),
  fc.record({ op: fc.constant("delete-attribute"), at, attr: at }),
  fc.record({ op: fc.constant("duplicate-attribute"), at, attr: at }),
  fc.record({ op: fc.constant("set-attribute"), at, attr: at, value: fc.constantFrom(...EVIL_ATTRIBUTES) }),
  fc.record({
    op: fc.constant("add-attribute"),
    at,
    name: fc.constantFrom(...ATTRIBUTES),
    value: fc.constantFrom(...EVIL_ATTRIBUTES),
  }),
  fc.record({ op: fc.constant("rename"), at, tag: fc.constantFrom(...TAGS) }),
  fc.record({ op: fc.constant("move"), at, to: at }),
  fc.record({
    op: fc.constant("nest"),
    at,
    depth,
    tag: fc.constantFrom("objective", "issue", "utility_space", "item"),
  }),
);

function applyXml(root, m) {
  const all = elements(root);
  if (all.length === 0) return;
  const { node, parent } = all[m.at % all.length];
  const attr = node.attrs.length > 0 ? m.attr % node.attrs.length : -1;
  switch (m.op) {
    case "delete-element":
      parent.children.splice(parent.children.indexOf(node), 1);
      return;
    case "duplicate-element":
      parent.children.splice(parent.children.indexOf(node), 0, clone(node));
      return;
    case "delete-attribute":
      if (attr >= 0) node.attrs.splice(attr, 1);
      return;
    case "duplicate-attribute":
      if (attr >= 0) node.attrs.push([...node.attrs[attr]]);
      return;
    case "set-attribute":
      if (attr >= 0) node.attrs[attr][1] = m.value;
      return;
    case "add-attribute":
      node.attrs.push([m.name, m.value]);
      return;
    case "rename":
      node.tag = m.tag;
      return;
    case "move": {
      const target = all[m.to % all.length].node;
      if (target === node || elements(node).some((e) => e.node === target)) return;
      parent.children.splice(parent.children.indexOf(node), 1);
      target.children.push(node);
      return;
    }
    case "nest":
      node.nest = { depth: m.depth, tag: m.tag };
      return;
  }
  throw new Error(`unknown XML mutation ${m.op}`);
}

// ---------------------------------------------------------------------------------------------
// JSON/YAML: a tree whose objects are entry lists (so keys can be duplicated), written as JSON,
// flow YAML or block YAML.

function toTree(value) {
  if (Array.isArray(value)) return { array: value.map(toTree) };
  if (value !== null && typeof value === "object")
    return { entries: Object.entries(value).map(([k, v]) => [k, toTree(v)]) };
  return { raw: JSON.stringify(value) };
}

function writeJson(tree) {
  if (tree.raw !== undefined) return tree.raw;
  if (tree.nest) {
    const { depth: d, open } = tree.nest;
    const inner = writeJson({ ...tree, nest: undefined });
    return open === "[" ? "[".repeat(d) + inner + "]".repeat(d) : '{"a":'.repeat(d) + inner + "}".repeat(d);
  }
  if (tree.array) return `[${tree.array.map(writeJson).join(",")}]`;
  return `{${tree.entries.map(([k, v]) => `${JSON.stringify(k)}:${writeJson(v)}`).join(",")}}`;
}

/** Block YAML through the yaml library (duplicate keys and deep nests are lost: flow YAML keeps them). */
function writeBlockYaml(tree) {
  const plain = (t) => {
    if (t.raw !== undefined) {
      try {
        return JSON.parse(t.raw);
      } catch {
        return t.raw;
      }
    }
    if (t.array) return t.array.map(plain);
    return Object.fromEntries(t.entries.map(([k, v]) => [k, plain(v)]));
  };
  return toYaml(plain(tree), { lineWidth: 0 });
}

function containers(tree) {
  const out = [];
  const walk = (t) => {
    if (t.array)
      t.array.forEach((v, i) => {
        out.push({ parent: t, index: i, node: v });
        walk(v);
      });
    if (t.entries)
      t.entries.forEach((e, i) => {
        out.push({ parent: t, index: i, node: e[1] });
        walk(e[1]);
      });
  };
  walk(tree);
  return out;
}

const jsonMutation = fc.oneof(
  fc.record({ op: fc.constant("delete"), at }),
  fc.record({ op: fc.constant("duplicate"), at }),
  fc.record({ op: fc.constant("set"), at, value: fc.constantFrom(...EVIL_JSON) }),
  fc.record({ op: fc.constant("rename"), at, key: fc.constantFrom(...KEYS) }),
  fc.record({
    op: fc.constant("add"),
    at,
    key: fc.constantFrom(...KEYS),
    value: fc.constantFrom(...EVIL_JSON),
  }),
  fc.record({ op: fc.constant("nest"), at, depth, open: fc.constantFrom("[", "{") }),
);

function applyJson(tree, m) {
  const all = containers(tree);
  if (all.length === 0) return;
  const { parent, index, node } = all[m.at % all.length];
  const list = parent.array ?? parent.entries;
  switch (m.op) {
    case "delete":
      list.splice(index, 1);
      return;
    case "duplicate":
      list.splice(
        index,
        0,
        parent.array ? structuredClone(list[index]) : [list[index][0], structuredClone(list[index][1])],
      );
      return;
    case "set":
      if (parent.array) list[index] = { raw: m.value };
      else list[index][1] = { raw: m.value };
      return;
    case "rename":
      if (parent.entries) list[index][0] = m.key;
      return;
    case "add":
      if (node.entries) node.entries.push([m.key, { raw: m.value }]);
      else if (node.array) node.array.push({ raw: m.value });
      return;
    case "nest":
      node.nest = { depth: m.depth, open: m.open };
      return;
  }
  throw new Error(`unknown JSON mutation ${m.op}`);
}

// ---------------------------------------------------------------------------------------------
// Targets: one per reader, each with its seeds and how a mutated case is built and read.

/**
 * A fuzz target over folders of files, one file mutated per case: `arbitrary` yields cases,
 * `read(case)` runs the reader on one, `names(case)` are the file names an error must mention.
 */
function folderTarget(name, folders, syntax, read) {
  const seeds = folders.map((files) =>
    files.map((f) => ({ name: f.name, tree: syntax.parse(f.text), text: f.text })),
  );
  const arbitrary = fc
    .record({
      seed: fc.nat({ max: seeds.length - 1 }),
      file: at,
      tree: fc.array(syntax.mutation, { maxLength: 3 }),
      text: fc.array(textMutation, { maxLength: 2 }),
    })
    .filter((c) => c.tree.length + c.text.length > 0)
    .map((c) => {
      const folder = seeds[c.seed];
      const k = c.file % folder.length;
      const tree = syntax.copy(folder[k].tree);
      for (const m of c.tree) syntax.apply(tree, m);
      const text = c.text.reduce(applyText, c.tree.length > 0 ? syntax.write(tree) : folder[k].text);
      return folder.map((f, i) => (i === k ? { name: f.name, text } : { name: f.name, text: f.text }));
    });
  return { name, arbitrary, read, names: (files) => files.map((f) => f.name) };
}

/** How a folder's files are parsed into trees, mutated and written back. */
const XML_FILES = {
  parse: parseSeedXml,
  mutation: xmlMutation,
  apply: applyXml,
  write: writeXml,
  copy: clone,
};
const JSON_FILES = {
  parse: (text) => toTree(JSON.parse(text)),
  mutation: jsonMutation,
  apply: applyJson,
  write: writeJson,
  copy: structuredClone,
};

/** One JSON or YAML document; `formats` are the ways a mutated tree is written back. */
function documentTarget(name, file, seedTexts, parse, formats, read) {
  const seeds = seedTexts.map((text) => ({ text, tree: toTree(parse(text)) }));
  const arbitrary = fc
    .record({
      seed: fc.nat({ max: seeds.length - 1 }),
      format: fc.constantFrom(...formats),
      tree: fc.array(jsonMutation, { maxLength: 3 }),
      text: fc.array(textMutation, { maxLength: 2 }),
    })
    .filter((c) => c.tree.length + c.text.length > 0)
    .map((c) => {
      const seed = seeds[c.seed];
      const tree = structuredClone(seed.tree);
      for (const m of c.tree) applyJson(tree, m);
      const written =
        c.tree.length === 0
          ? seed.text
          : c.format === "json"
            ? writeJson(tree)
            : c.format === "flow-yaml"
              ? `# flow YAML\n${writeJson(tree)}`
              : writeBlockYaml(tree);
      return c.text.reduce(applyText, written);
    });
  return { name, arbitrary, read: (text) => read(text, file), names: () => [file] };
}

/**
 * The fuzz targets for the given readers and seed material:
 * - `readers`: the core's module (readGeniusScenario,
 *   readGeniusWebScenario, readParleyScenario, readRecord, checkRecordAgainst, readOutcomes,
 *   readDraft, readPartialDraft, readSettled, parseSettlements, writeGeniusWebScenario,
 *   writeParleyScenario, compileParties)
 * - `seeds`: { genius: TextFile[][] (GENIUS folders), plan: {scenario, text} (the peace plan),
 *   record: string, partialDraft: string, laptop: {scenario, outcomes: string} }
 */
export function fuzzTargets(readers, seeds) {
  const r = readers;
  const geniusScenarios = seeds.genius.map((files) => r.readGeniusScenario(files).scenario);
  // GeniusWeb seeds: the scenarios GeniusWeb can express (additive, utilities within [0, 1]).
  const geniusWeb = geniusScenarios.flatMap((s) => {
    try {
      return [r.writeGeniusWebScenario(s).files];
    } catch {
      return [];
    }
  });
  const parleyTexts = [
    seeds.plan.text,
    ...geniusScenarios.flatMap((s) => [r.writeParleyScenario(s, "yaml"), r.writeParleyScenario(s, "json")]),
  ];
  const usable = (scenario) => {
    // An accepted scenario must be usable: every party's utility of a few outcomes is a number in [0, 1].
    const utilities = r.compileParties(scenario);
    const n = scenario.space.size;
    const probes = [0n, n - 1n, n / 2n].filter((k) => k >= 0n && k < n);
    for (const k of probes) {
      const outcome = scenario.space.outcomeAt(k);
      for (const u of utilities) {
        const x = u.utility(outcome);
        if (!(x >= -1e-9 && x <= 1 + 1e-9)) throw new Error(`accepted a profile whose utility is ${x}`);
      }
    }
    return scenario;
  };
  const { scenario: laptop } = seeds.laptop;
  const fullDraft = JSON.stringify(JSON.parse(seeds.laptop.outcomes)[0]);
  return [
    folderTarget("GENIUS XML", seeds.genius, XML_FILES, (files) =>
      usable(r.readGeniusScenario(files).scenario),
    ),
    folderTarget("GeniusWeb JSON", geniusWeb, JSON_FILES, (files) =>
      usable(r.readGeniusWebScenario(files).scenario),
    ),
    documentTarget(
      "Parley JSON/YAML",
      "plan.yaml",
      parleyTexts,
      parseAny,
      ["json", "flow-yaml", "block-yaml"],
      (text, file) => usable(r.readParleyScenario(text, file)),
    ),
    documentTarget(
      "record",
      "record.yaml",
      [seeds.record],
      parseAny,
      ["json", "flow-yaml", "block-yaml"],
      (text, file) => r.checkRecordAgainst(r.readRecord(text, file), seeds.plan.scenario, file),
    ),
    documentTarget(
      "outcome list",
      "outcomes.json",
      [seeds.laptop.outcomes],
      JSON.parse,
      ["json"],
      (text, file) => r.readOutcomes(laptop, text, file),
    ),
    documentTarget("draft (full)", "draft.json", [fullDraft], JSON.parse, ["json"], (text, file) =>
      r.readDraft(
        laptop,
        text,
        file,
        laptop.space.issues.map(() => null),
      ),
    ),
    documentTarget(
      "draft (partial)",
      "draft.json",
      [seeds.partialDraft],
      JSON.parse,
      ["json"],
      (text, file) => r.readPartialDraft(seeds.plan.scenario, text, file),
    ),
    documentTarget(
      "settled points",
      "settled.json",
      [seeds.partialDraft],
      JSON.parse,
      ["json"],
      (text, file) => r.parseSettlements(seeds.plan.scenario, r.readSettled(seeds.plan.scenario, text, file)),
    ),
  ];
}

/** Seed documents are JSON or YAML (a YAML parser reads both). */
function parseAny(text) {
  return fromYaml(text);
}

// ---------------------------------------------------------------------------------------------
// Running a target.

/**
 * A case that takes more CPU time than this counts as a hang: a reader must answer fast on files
 * of a few megabytes. CPU time, not wall time, so a machine shared with other work does not make
 * hangs of slow moments.
 */
export const HANG_MS = 2_000;

/**
 * Runs one case: "accepted" (the reader returned), "clean" (an InputError naming one of the
 * files), "unclear" (an InputError that names none of them), "crash" (any other throw) or
 * "hang" (more than HANG_MS of CPU time); `ms` is the CPU time it took.
 */
export function runCase(target, input) {
  const c0 = process.cpuUsage();
  let outcome;
  try {
    target.read(input);
    outcome = { kind: "accepted" };
  } catch (error) {
    if (error?.name === "InputError") {
      const names = target.names(input);
      outcome = names.some((n) => error.message.includes(n)) ? { kind: "clean" } : { kind: "unclear", error };
    } else outcome = { kind: "crash", error };
  }
  const cpu = process.cpuUsage(c0);
  const ms = (cpu.user + cpu.system) / 1000;
  return ms > HANG_MS ? { kind: "hang", ms, error: outcome.error } : { ...outcome, ms };
}

/** Runs `cases` cases of a target from `seed`; returns the counts and the first few failures. */
export function fuzz(target, { cases, seed, onProgress }) {
  const counts = { cases: 0, accepted: 0, clean: 0, unclear: 0, crash: 0, hang: 0 };
  const failures = [];
  let slowest = 0;
  fc.check(
    fc.property(target.arbitrary, (input) => {
      const result = runCase(target, input);
      counts.cases++;
      counts[result.kind]++;
      slowest = Math.max(slowest, result.ms);
      if (result.kind !== "accepted" && result.kind !== "clean" && failures.length < 5)
        failures.push({
          kind: result.kind,
          message: String(result.error?.stack ?? result.error ?? result.ms),
          input,
        });
      if (onProgress && counts.cases % 2_000 === 0) onProgress(counts);
      return true;
    }),
    { numRuns: cases, seed },
  );
  return { counts, failures, slowestMs: slowest };
}
