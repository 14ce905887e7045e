import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { CASE_DIR, PLAN } from "./case.js";

const dir = mkdtempSync(join(tmpdir(), "parley-case-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DISCLAIMER = /invented for demonstration\. They are not an assessment of any government's position/;

describe("parley record", () => {
  it("--json gives the timeline and the status derived from the record", () => {
    const run = runCli(["record", PLAN, "--json"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.status.summary).toBe("19 of 20 points settled, open: territory (disputed)");
    expect(json.status.open).toEqual(["territory"]);
    const kremlin = json.events.find((e: { id: string }) => e.id === "kremlin-meeting");
    expect(kremlin.participants).toEqual(["witkoff", "kushner", "greunbaum", "putin", "ushakov", "dmitriev"]);
    expect(kremlin.duration.atLeastMinutes).toBeGreaterThanOrEqual(180);
    expect(kremlin.whenText).toBe("Thursday, just after midnight (weekday only, no date)");
    const witkoff = json.events.find((e: { who?: string }) => e.who === "witkoff");
    expect(witkoff.reportedBy).toBe("Reuters");
    // The proposal the record cites is the bundled draft.
    const proposal = json.events.find((e: { type: string }) => e.type === "proposal");
    expect(proposal.terms).toEqual(JSON.parse(readFileSync(join(CASE_DIR, "draft.json"), "utf8")));
    // The report gives no calendar dates, so the record claims none.
    for (const e of json.events) expect(e.when.date, e.id).toBeUndefined();
  });

  it("prints the timeline and the summary for people", () => {
    const run = runCli(["record", PLAN]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Timeline \(9 events/);
    expect(run.stdout).toMatch(/How long: more than three hours\./);
    expect(run.stdout).toMatch(/19 of 20 points settled, open: territory \(disputed\)/);
  });

  it("refuses a broken record file with one message naming the file and the field", () => {
    const bad = join(dir, "bad-record.yaml");
    const text = readFileSync(join(CASE_DIR, "record.yaml"), "utf8").replace(
      "cause: witkoff-single-issue",
      "cause: nobody",
    );
    writeFileSync(bad, text);
    const run = runCli(["record", PLAN, "--record", bad]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/bad-record\.yaml: events\[8\]\.cause: "nobody" is not an earlier event/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).toBe("");
  });

  it("says where it looked when a scenario has no record beside it", () => {
    const plan = join(dir, "plan.yaml");
    copyFileSync(PLAN, plan);
    const run = runCli(["record", plan]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/record\.yaml: does not exist: .*--record/);
  });
});

describe("parley demo (npm start)", () => {
  const out = join(dir, "out1");
  const run = runCli(["demo", "--out", out]);

  it("walks through the case in plain text, with the disclaimer", () => {
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    // The terminal wraps the disclaimer on lines marked "! ".
    expect(run.stdout.replaceAll("\n! ", " ")).toMatch(DISCLAIMER);
    expect(run.stdout.includes("\u001b[")).toBe(false); // no colours when not on a terminal
    for (const line of run.stdout.split("\n")) expect(line.length, line).toBeLessThanOrEqual(110);
  });

  it("shows the plan, the record, the blocking point, what unblocks it and the negotiation", () => {
    const text = run.stdout;
    expect(text).toMatch(/20 points to agree on/);
    expect(text).toMatch(/Status derived from the record: 19 of 20 points settled, open: territory/);
    expect(text).toMatch(/Blocked on: territory\./);
    expect(text).toMatch(
      /Reopen guarantees: territory: open → freeze-line; guarantees: political-assurances →/,
    );
    expect(text).toMatch(
      /Reopen foreign-troops: territory: open → freeze-line; foreign-troops: trainers-only →/,
    );
    expect(text).toMatch(/^ {2}Nash {2,}\S/m);
    expect(text).toMatch(/^ {2}Kalai–Smorodinsky {2,}\S/m);
    expect(text).toMatch(/^ {2}Max welfare {2,}\S/m);
    expect(text).toMatch(/20 runs \(seeds 1 to 20\): agreement in \d+/);
  });

  it("shows what the signatories rule changes: still blocked on territory, packages passed without the allies", () => {
    const text = run.stdout;
    expect(text).toMatch(/3b\. Another rule: signatories/);
    expect(text).toMatch(/Under the draft the deal is still blocked on territory/);
    expect(text).toMatch(/territory = freeze-line +Invaded state +-/);
    expect(text).toMatch(/Reopening guarantees or foreign-troops still unblocks it\./);
    expect(text).toMatch(/of them pass without European allies, who reject them/);
    expect(text).toMatch(/^ {2}Nash of those who must sign +[\d.]+ +[\d.]+ +[\d.]+ +[\d.]+\*$/m);
  });

  it("writes the plots and a report that carries the disclaimer", () => {
    for (const f of ["utility-space.svg", "dance.svg"]) {
      expect(existsSync(join(out, f)), f).toBe(true);
      expect(readFileSync(join(out, f), "utf8")).toMatch(/^<svg/);
      expect(run.stdout).toContain(join(out, f));
    }
    const report = readFileSync(join(out, "report.md"), "utf8");
    expect(report).toMatch(DISCLAIMER);
    expect(report).toContain("![");
    expect(report).toContain("(utility-space.svg)");
    expect(report).toMatch(/Blocked on: territory/);
  });

  it("replays exactly with the same seed", () => {
    const other = join(dir, "out2");
    const again = runCli(["demo", "--out", other]);
    expect(again.stdout.replaceAll(other, out)).toBe(run.stdout);
    expect(readFileSync(join(other, "report.md"), "utf8").replaceAll(other, out)).toBe(
      readFileSync(join(out, "report.md"), "utf8"),
    );
  });
});
