import { type AnalysisReport, describeRule, describeWhen, type Scenario } from "@parley/core";
import { f3 } from "../text.js";
import { CASE_AGENT, CASE_MEDIATOR, type CaseStudy, changesFromDraft } from "./case-study.js";
import type { Block } from "./document.js";

/** Where the case's files are, as the reader should type them. */
export interface CasePaths {
  plan: string;
  draft: string;
  record: string;
}

/** The files the walkthrough writes, as the reader should open them. */
export interface CaseOutputs {
  report: string;
  utilitySpace: string;
  dance: string;
}

export const DISCLAIMER =
  "The parties' preferences in this case are invented for demonstration. " +
  "They are not an assessment of any government's position.";

/** The whole walkthrough, section by section. `images` are paths relative to where the blocks are read. */
export function walkthrough(
  study: CaseStudy,
  paths: CasePaths,
  outputs: CaseOutputs,
  images: { utilitySpace: string; dance: string },
): Block[] {
  return [
    {
      kind: "title",
      text: "Parley: the case that started it",
      subtitle: "A 20-point peace plan, a mediator, four parties, one blocking point.",
    },
    { kind: "note", text: DISCLAIMER },
    ...planSection(study, paths),
    ...recordSection(study, paths),
    ...analysisSection(study, paths),
    ...variantSection(study),
    ...negotiationSection(study),
    ...filesSection(study, paths, outputs, images),
  ];
}

/** "a, b and c". */
const listing = (items: readonly string[]) =>
  items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;

const partyNames = (s: Scenario) => s.parties.map((p) => p.name);
const reservations = (s: Scenario) => s.parties.map((p) => p.profile.reservation);

/** "freeze-line" etc. for one point of an outcome. */
const optionName = (s: Scenario, outcome: ArrayLike<number>, i: number) =>
  String(s.space.valueOf(i, outcome[i]));

/** "guarantees: political-assurances → european-guarantee" for each point the outcome changes from the draft. */
function changes(study: CaseStudy, outcome: ArrayLike<number>): string {
  const { scenario, draft } = study;
  return changesFromDraft(draft, Array.from(outcome))
    .map((i) => {
      const before = draft[i] === null ? "open" : scenario.space.valueOf(i, draft[i] as number);
      return `${scenario.space.issues[i].name}: ${before} → ${optionName(scenario, outcome, i)}`;
    })
    .join("; ");
}

/** Utilities with a star where a party gets less than its reservation value. */
function utilityCells(study: CaseStudy, utilities: readonly number[]): string[] {
  const r = reservations(study.scenario);
  return utilities.map((u, p) => `${f3(u)}${u < r[p] - 1e-12 ? "*" : ""}`);
}

function planSection(study: CaseStudy, paths: CasePaths): Block[] {
  const { scenario } = study;
  const { space } = scenario;
  const points = space.issues.map((issue) => {
    const options = issue.kind === "discrete" ? issue.options.map((o) => o.value).join(", ") : "";
    return `${issue.title ?? issue.name} (${issue.name}): ${options}`;
  });
  const rows = scenario.parties.map((p) => {
    const u = p.profile.utility;
    const top =
      u.type === "additive"
        ? u.weights
            .map((w, i) => ({ w, i }))
            .sort((a, b) => b.w - a.w)
            .slice(0, 3)
            .map(({ w, i }) => `${space.issues[i].name} ${Math.round(w * 100)}%`)
            .join(", ")
        : "(not additive)";
    const red = p.profile.redLines.map(
      (r) => `${space.issues[r.issue].name}=${space.valueOf(r.issue, r.option)}`,
    );
    return [p.name, f3(p.profile.reservation), top, red.join(", ") || "none"];
  });
  return [
    { kind: "heading", text: `1. The plan and the parties (${paths.plan})` },
    {
      kind: "text",
      text:
        `${space.issueCount} points to agree on, each with a few options: ` +
        `${space.size.toLocaleString("en")} possible packages in all.`,
    },
    { kind: "list", items: points },
    {
      kind: "text",
      text:
        "Four parties, each with private preferences (invented): how much each point matters to it (its weight), " +
        "what each option is worth to it (0 to 1), the value of no deal (its reservation value: it accepts no " +
        "package worth less) and red lines (options it never accepts). A package's utility for a party is the " +
        "weighted sum of its options' values, between 0 and 1.",
    },
    { kind: "table", head: ["Party", "No deal is worth", "Cares most about", "Red lines"], rows },
    { kind: "text", text: "Who each party stands for:" },
    { kind: "list", items: scenario.parties.map((p) => `${p.name}: ${p.role ?? "no role given"}.`) },
  ];
}

function recordSection(study: CaseStudy, paths: CasePaths): Block[] {
  const { record, status } = study;
  const num = new Map(record.events.map((e, i) => [e.id, `#${i + 1}`]));
  const label = (id: string) => num.get(id) ?? id;
  const rows = record.events.map((e, i) => [
    `#${i + 1}`,
    e.type,
    describeWhen(e.when, label),
    `${e.title}${e.basis === "modelled" ? " [modelled]" : ""}`,
  ]);
  const modelled = status.points.filter((p) => p.basis === "modelled").length;
  return [
    { kind: "heading", text: `2. The record (${paths.record})` },
    {
      kind: "text",
      text:
        "What happened, as the news report tells it: meetings, statements (with who said them and who " +
        "reported them), proposals and changes of each point's status. The report gives weekdays and times " +
        "of day, not dates, so the record gives no dates either.",
    },
    { kind: "table", head: ["", "Event", "When", "What"], rows },
    { kind: "text", text: `Status derived from the record: ${status.summary}.` },
    {
      kind: "text",
      text:
        `[modelled] marks the record's own reading: the report says the talks were "down to a single ` +
        `unresolved issue" and names territory; it does not list the other points, so treating those ` +
        `${modelled} as settled is an assumption. Full timeline: parley record ${paths.plan}`,
    },
  ];
}

function analysisSection(study: CaseStudy, paths: CasePaths): Block[] {
  const { scenario, blocking, reopenedPlan } = study;
  const names = partyNames(scenario);
  const head = ["", ...names];
  const blocks: Block[] = [
    { kind: "heading", text: `3. The analysis, with the draft's points settled (${paths.draft})` },
  ];
  if (!blocking) {
    blocks.push({
      kind: "text",
      text: "A deal is possible under the draft: some packages satisfy every party.",
    });
    return blocks;
  }
  blocks.push({
    kind: "text",
    text:
      "Is a deal possible? Not under the draft: no package gives every party at least its reservation value. " +
      `Blocked on: ${blocking.blockedOn.map((b) => scenario.space.issues[b.issue].name).join(", ")}. ` +
      "Every option of it is rejected by someone (below that party's reservation value, or on its red line):",
  });
  for (const b of blocking.blockedOn) {
    blocks.push({
      kind: "table",
      head: [scenario.space.issues[b.issue].name, "rejected by"],
      rows: b.rejections.map((r) => [
        String(scenario.space.valueOf(b.issue, r.option)),
        r.parties.map((p) => names[p]).join(", "),
      ]),
    });
  }
  const { closest } = blocking;
  const short = closest.gaps.flatMap((g, p) => (g < 0 ? [`the ${names[p]} ${f3(-g)}`] : []));
  if (short.length > 0) {
    blocks.push({
      kind: "text",
      text:
        `How close is it? The package nearest to a deal (${changes(study, closest.outcome)}) leaves ` +
        `${listing(short)} short of ${short.length > 1 ? "their reservation values" : "its reservation value"}.`,
    });
  }
  const sets = blocking.sets;
  blocks.push({
    kind: "text",
    text:
      sets.length === 0
        ? `No small set of settled points unblocks it${blocking.note ? `: ${blocking.note}` : "."}`
        : "What unblocks it: the smallest sets of settled points whose reopening makes a deal possible, each " +
          "with the Nash package of the reopened plan (the package that maximises the product of every party's " +
          "gain over no deal):",
  });
  blocks.push({
    kind: "list",
    items: sets.map(
      (s) =>
        `Reopen ${s.reopen.map((i) => scenario.space.issues[i].name).join(" and ")}: ` +
        (s.nash ? changes(study, s.nash.outcome) : "no Nash package"),
    ),
  });
  blocks.push({
    kind: "table",
    head,
    rows: [
      ["no deal (reservation)", ...reservations(scenario).map(f3)],
      ...sets.flatMap((s) =>
        s.nash
          ? [
              [
                `Nash, reopening ${s.reopen.map((i) => scenario.space.issues[i].name).join("+")}`,
                ...utilityCells(study, s.nash.utilities),
              ],
            ]
          : [],
      ),
    ],
  });
  const open = study.reopened.map((i) => scenario.space.issues[i].name);
  const sol = reopenedPlan.solutions;
  const concepts: [string, typeof sol.nash][] = [
    ["Nash", sol.nash],
    ["Kalai–Smorodinsky", sol.kalaiSmorodinsky],
    ["Max welfare", sol.maxWelfare],
  ];
  blocks.push(
    {
      kind: "text",
      text:
        `Fair and efficient deals once ${listing(open)} are open (the other ` +
        `${scenario.space.issueCount - open.length} points as drafted). Each is on the Pareto frontier ` +
        "(no other package is better for one party without being worse for another):",
    },
    {
      kind: "list",
      items: [
        "Nash: the largest product of the parties' gains over no deal (a balance of gains).",
        "Kalai–Smorodinsky: every party gets the same share of the most it could possibly gain.",
        "Max welfare: the largest sum of utilities, whoever gets them.",
      ],
    },
    {
      kind: "table",
      head: ["", ...open],
      rows: concepts.map(([label, p]) => [
        label,
        ...study.reopened.map((i) => (p ? optionName(scenario, p.outcome, i) : "-")),
      ]),
    },
    {
      kind: "table",
      head: ["", ...names],
      rows: [
        ["no deal (reservation)", ...reservations(scenario).map(f3)],
        ...concepts.map(([label, p]) => [
          label,
          ...(p ? utilityCells(study, p.utilities) : names.map(() => "-")),
        ]),
      ],
    },
    { kind: "text", text: "* below that party's reservation value: it would rather have no deal." },
  );
  const whole = study.wholePlan.solutions.nash;
  if (whole) {
    blocks.push({
      kind: "text",
      text:
        `With all ${study.scenario.space.issueCount} points open, the Nash package is a wider bargain: ` +
        `${changes(study, whole.outcome)} ` +
        `(utilities ${whole.utilities.map(f3).join(", ")}).`,
    });
  }
  return blocks;
}

/**
 * The same case under the plan's other agreement rule (who must sign): is the
 * draft still blocked, does reopening still unblock it, and which packages
 * pass without the parties who can no longer block.
 */
function variantSection(study: CaseStudy): Block[] {
  const { variant, scenario } = study;
  if (!variant || variant.rule.kind === "unanimity") return [];
  const names = partyNames(scenario);
  const { rule } = variant;
  const vetoes = new Set(rule.vetoes);
  const outside = names.map((_, p) => p).filter((p) => !vetoes.has(p));
  const outsiders = outside.map((p) => names[p]);
  const issueName = (i: number) => scenario.space.issues[i].name;
  const count = (n: bigint, exact: boolean) => `${exact ? "" : "about "}${n.toLocaleString("en")}`;
  const blocks: Block[] = [
    { kind: "heading", text: `3b. Another rule: ${variant.name}` },
    {
      kind: "text",
      text: `${variant.description ?? ""} A deal then needs ${describeRule(rule, names)}.`.trim(),
    },
  ];
  const blocking = variant.draft.blocking;
  if (blocking && blocking.blockedOn.length > 0) {
    const rows = blocking.blockedOn.flatMap((b) =>
      b.rejections.map((r) => [
        `${issueName(b.issue)} = ${scenario.space.valueOf(b.issue, r.option)}`,
        r.parties
          .filter((p) => vetoes.has(p))
          .map((p) => names[p])
          .join(", ") || "-",
        r.parties
          .filter((p) => !vetoes.has(p))
          .map((p) => names[p])
          .join(", ") || "-",
      ]),
    );
    blocks.push(
      {
        kind: "text",
        text:
          `Under the draft the deal is still blocked on ${listing(blocking.blockedOn.map((b) => issueName(b.issue)))}: ` +
          `the objections of ${listing(outsiders)} no longer decide anything, but every option still loses ` +
          "a party whose yes is needed:",
      },
      { kind: "table", head: ["option", "rejected by (needed)", "rejected by (not needed)"], rows },
    );
    const sets = blocking.sets.map((x) => x.reopen.map(issueName).join(" and "));
    if (sets.length > 0)
      blocks.push({
        kind: "text",
        text: `Reopening ${listing(sets).replace(/ and /g, " or ")} still unblocks it.`,
      });
  } else {
    blocks.push({ kind: "text", text: "Under the draft a deal becomes possible: some packages pass." });
  }
  const reopened = variant.reopened.coalitions;
  const reopenedOut = rule.vetoes.length < names.length ? outsiderOverruled(variant.reopened, vetoes) : 0n;
  blocks.push({
    kind: "text",
    text:
      `With ${listing(study.reopened.map(issueName))} open, ${count(variant.reopened.zone.size, reopened.exact)} ` +
      `packages pass under this rule and ${count(reopened.everyone, reopened.exact)} under unanimity` +
      (reopenedOut === 0n
        ? `: ${listing(outsiders)} accept every package the others can agree on, so their veto changes nothing there.`
        : `: ${count(reopenedOut, reopened.exact)} pass although ${listing(outsiders)} reject them.`),
  });
  const whole = variant.whole.coalitions;
  const wholeOut = outsiderOverruled(variant.whole, vetoes);
  blocks.push({
    kind: "text",
    text:
      `Over the whole plan, ${count(variant.whole.zone.size, whole.exact)} packages pass under this rule ` +
      `against ${count(whole.everyone, whole.exact)} under unanimity; ${count(wholeOut, whole.exact)} of them ` +
      `pass without ${listing(outsiders)}, who reject them.`,
  });
  const nash = variant.vetoNash;
  if (nash) {
    const r = reservations(scenario);
    const below = outside.filter((p) => nash.utilities[p] < r[p] - 1e-12).map((p) => names[p]);
    blocks.push(
      {
        kind: "text",
        text:
          `One of them: the Nash package of ${listing(rule.vetoes.map((p) => names[p]))} alone, ` +
          `${changes(study, nash.outcome)}` +
          (below.length > 0
            ? `. It passes although ${listing(below)} would rather have no deal:`
            : `. ${listing(outsiders)} would accept it too:`),
      },
      {
        kind: "table",
        head: ["", ...names],
        rows: [
          ["no deal (reservation)", ...r.map(f3)],
          ["Nash of those who must sign", ...utilityCells(study, nash.utilities)],
        ],
      },
    );
  }
  return blocks;
}

/** Packages that pass although some party outside the veto holders rejects them (the largest such count). */
function outsiderOverruled(report: AnalysisReport, vetoes: Set<number>): bigint {
  return report.coalitions.parties.reduce(
    (m, x, p) => (!vetoes.has(p) && x.overruled > m ? x.overruled : m),
    0n,
  );
}

function negotiationSection(study: CaseStudy): Block[] {
  const { scenario, runs, shown, seed, reopenedPlan } = study;
  const open = study.reopened.map((i) => scenario.space.issues[i].name);
  const agreed = runs.filter((r) => r.agreement !== null);
  const tally = new Map<string, number>();
  for (const r of agreed) {
    const key = study.reopened.map((i) => optionName(scenario, r.agreement!, i)).join(", ");
    tally.set(key, (tally.get(key) ?? 0) + 1);
  }
  const run = runs[shown];
  const blocks: Block[] = [
    { kind: "heading", text: `4. A mediated negotiation over ${listing(open)}` },
    {
      kind: "text",
      text:
        `The mediator writes one text and revises it round by round (the "${CASE_MEDIATOR}" mediator): each ` +
        "round it changes one or two of the open points and every party privately votes better, worse or the " +
        "same. From the votes alone it learns what each party values; it first evens the text out for the " +
        "party worst served, then keeps only changes nobody calls worse, and now and then asks whether each " +
        "party would accept the text as it stands. At the end each party ratifies the text only if it is " +
        `worth more to it than no deal. The parties are built-in agents ("${CASE_AGENT}") that vote ` +
        "truthfully; the mediator never sees their preferences, only their votes.",
    },
    {
      kind: "text",
      text:
        `${runs.length} runs (seeds ${seed} to ${seed + runs.length - 1}): agreement in ${agreed.length}. ` +
        (agreed.length > 0
          ? `Agreed packages (${open.join(", ")}): ${[...tally].map(([k, n]) => `${k} (${n}×)`).join("; ")}.`
          : "The mediator's text stalled short of what every party accepts in every run."),
    },
  ];
  const how = run.agreement
    ? `Run ${shown + 1} (seed ${seed + shown}), the first to agree, ended after ${run.rounds} rounds with: ${changes(study, run.agreement)}.`
    : `Run 1 (seed ${seed}) ended without agreement (${run.endedBy}).`;
  blocks.push({ kind: "text", text: how });
  if (run.agreement && run.metrics) {
    const names = partyNames(scenario);
    blocks.push({
      kind: "table",
      head: ["", ...names],
      rows: [
        ["no deal (reservation)", ...reservations(scenario).map(f3)],
        ["agreement", ...utilityCells(study, run.metrics.utilities)],
        ...(reopenedPlan.solutions.nash
          ? [["Nash", ...utilityCells(study, reopenedPlan.solutions.nash.utilities)]]
          : []),
      ],
    });
    blocks.push({
      kind: "text",
      text:
        `Distance from the agreement to the Pareto frontier: ${f3(run.metrics.paretoDistance ?? Number.NaN)}; ` +
        `to the Nash package: ${f3(run.metrics.nashDistance ?? Number.NaN)} (in utility, all parties together).`,
    });
  }
  return blocks;
}

function filesSection(
  study: CaseStudy,
  paths: CasePaths,
  outputs: CaseOutputs,
  images: { utilitySpace: string; dance: string },
): Block[] {
  const [a, b] = partyNames(study.scenario);
  const agents = study.scenario.parties.map(() => CASE_AGENT).join(",");
  return [
    { kind: "heading", text: "5. Plots and report" },
    {
      kind: "image",
      file: images.utilitySpace,
      caption:
        `utility space of the ${a} (x) and the ${b} (y): sampled packages, their Pareto frontier, ` +
        "the draft with each territorial option, and the Nash packages that unblock it",
    },
    {
      kind: "image",
      file: images.dance,
      caption: `the negotiation dance of run ${study.shown + 1}: the mediator's successive texts`,
    },
    { kind: "text", text: `The report: ${outputs.report}. Try next:` },
    {
      kind: "code",
      lines: [
        "# the record's full timeline, and every point, option and party of the plan",
        `npx parley record ${paths.plan}`,
        `npx parley inspect ${paths.plan}`,
        "# a mediated negotiation with all 20 points open",
        `npx parley negotiate ${paths.plan} --protocol mediated --mediator ${CASE_MEDIATOR} \\`,
        `  --agents ${agents}`,
        "# the plan as GENIUS XML, for other negotiation tools",
        `npx parley convert ${paths.plan} peace-plan-genius`,
      ],
    },
    { kind: "note", text: DISCLAIMER },
  ];
}
