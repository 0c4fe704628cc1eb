/**
 * What the CLI says that a newcomer would otherwise miss (new-user trial 3): hidden sheets left unread (N11), an
 * earlier --spc run's columns emptied by a run without it (N5), and `summary --spc`.
 */
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Workbook } from "exceljs";
import { run, type Console } from "../../src/cli/main";
import { KENT_MONTHS as MONTHS, kentSeries } from "../support/kent";

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "scorecard-notices-"));
});
afterEach(() => fs.rm(dir, { recursive: true, force: true }));

async function cli(...argv: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Console = { out: (t) => out.push(t), err: (t) => err.push(t), progress: () => null };
  const status = await run(argv, io);
  return { status, stdout: out.join("\n"), stderr: err.join("\n") };
}

const [, , , ASC1] = kentSeries("ASC1");

/** Kent's ASC1 (17 months) on a visible sheet, and the same table on the sheets named in `hidden`. */
async function workbookWith(hidden: Record<string, "hidden" | "veryHidden"> = {}): Promise<string> {
  const workbook = new Workbook();
  for (const [name, state] of [["Adult Social Care", "visible"] as const, ...Object.entries(hidden)]) {
    const sheet = workbook.addWorksheet(name, { state });
    sheet.addRow(["Code", "Aim", "Target", ...MONTHS]);
    sheet.addRow([name === "Adult Social Care" ? "ASC1" : "OLD1", "Higher is better", 0.8, ...ASC1]);
  }
  const file = path.join(dir, "kent.xlsx");
  await workbook.xlsx.writeFile(file);
  return file;
}

describe("hidden sheets (N11)", () => {
  it("apply and summary name the hidden and very hidden sheets they did not rate, in one line", async () => {
    const input = await workbookWith({ "Old 2023": "hidden", Calc: "veryHidden" });
    const line = "Note: Skipped hidden sheets (not rated): Old 2023, Calc.";
    const applied = await cli("apply", input, "--json", path.join(dir, "r.json"));
    expect(applied.status).toBe(0);
    expect(applied.stderr.split("\n")).toContain(line);
    const report = JSON.parse(await fs.readFile(path.join(dir, "r.json"), "utf8"));
    expect(report.measures.map((m: { code: string }) => m.code)).toEqual(["ASC1"]);
    const summary = await cli("summary", input);
    expect(summary.status).toBe(0);
    expect(summary.stderr).toBe(line);
  });

  it("says nothing when every sheet is visible", async () => {
    const input = await workbookWith();
    expect((await cli("apply", input)).stderr).toBe("");
    expect((await cli("summary", input)).stderr).toBe("");
  });
});

describe("--spc from one run to the next (N5)", () => {
  const emptied =
    "Note: The Variation and Assurance columns on Adult Social Care were left empty: they are from an earlier run with --spc, and this run has none. Run with --spc to keep them up to date.";

  it("a run without --spc on an --spc output says the SPC columns were emptied and how to keep them", async () => {
    const input = await workbookWith();
    const first = path.join(dir, "month1.xlsx");
    expect((await cli("apply", input, "-o", first, "--spc")).stderr).not.toContain("Variation");
    const plain = await cli("apply", first, "-o", path.join(dir, "month2.xlsx"));
    expect(plain.status).toBe(0);
    expect(plain.stderr.split("\n")).toContain(emptied);
    const kept = await cli("apply", first, "-o", path.join(dir, "month2-spc.xlsx"), "--spc");
    expect(kept.status).toBe(0);
    expect(kept.stderr).toBe("");
    // Emptied once, the columns stay Scorecard's: a further plain run says it again, as they are still empty.
    const again = await cli("apply", path.join(dir, "month2.xlsx"), "-o", path.join(dir, "month3.xlsx"));
    expect(again.stderr.split("\n")).toContain(emptied);
  });

  it("summary --spc prints the SPC sentences apply --spc writes; without it there are none", async () => {
    const input = await workbookWith();
    const withSpc = await cli("summary", input, "--spc");
    expect(withSpc.status).toBe(0);
    expect(withSpc.stdout).toMatch(/12 or more periods/);
    const without = await cli("summary", input);
    expect(without.status).toBe(0);
    expect(without.stdout).not.toMatch(/12 or more periods|variation/i);
  });
});

describe("a sheet of the user's named as Scorecard's own (N22)", () => {
  it("is said to be treated as the user's, and it is: its measure table is rated; the summary and state go elsewhere", async () => {
    const workbook = new Workbook();
    for (const [name, code] of [
      ["Scorecard Summary", "SS1"],
      ["ScorecardState", "ST1"],
    ]) {
      const sheet = workbook.addWorksheet(name);
      sheet.addRow(["Code", "Aim", "Target", ...MONTHS]);
      sheet.addRow([code, "Higher is better", 0.8, ...ASC1]);
    }
    const input = path.join(dir, "names.xlsx");
    await workbook.xlsx.writeFile(input);
    const output = path.join(dir, "out.xlsx");
    const result = await cli("apply", input, "-o", output);
    expect(result.status).toBe(0);
    expect(result.stderr.split("\n").sort()).toEqual([
      'Note: A sheet named "Scorecard Summary" already exists and is not Scorecard\'s own, so the summary was written to "Scorecard Summary (2)"; "Scorecard Summary" is treated as one of your sheets (a measure table on it is rated like any other).',
      'ScorecardState: A sheet of yours is named "ScorecardState", so Scorecard keeps its settings in the very hidden sheet "ScorecardState (2)" instead; yours is treated as any other sheet of yours (a measure table on it is rated).',
    ]);
    expect(result.stdout).toMatch(/in 2 tables on 2 sheets; .*summary sheet "Scorecard Summary \(2\)"/);
    const scored = new Workbook();
    await scored.xlsx.readFile(output);
    for (const name of ["Scorecard Summary", "ScorecardState"]) {
      const sheet = scored.getWorksheet(name)!;
      const status = (sheet.getRow(1).values as unknown[]).indexOf("Status");
      expect({ name, status: sheet.getCell(2, status).value }).toEqual({ name, status: "Red" });
    }
    expect(scored.getWorksheet("Scorecard Summary (2)")).toBeDefined();
  });
});
