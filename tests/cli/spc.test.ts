/** `scorecard apply --spc` end to end, in process (issue 12): a real .xlsx in, Variation and Assurance out, JSON. */
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Workbook } from "exceljs";
import { run, type Console } from "../../src/cli/main";
import { readWorkbookFile } from "../../src/cli/files";
import { DEFAULT_SETTINGS, saveSettings } from "../../src/workbook";
import type { JsonReport } from "../../src/workbook";
import { SPC_STYLES } from "../../src/workbook/spcStyles";
import { KENT_MONTHS, kentSeries } from "../support/kent";

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "scorecard-spc-"));
});
afterEach(() => fs.rm(dir, { recursive: true, force: true }));

const quiet: Console = { out: () => undefined, err: () => undefined, progress: () => null };

/** Kent ASC dashboard 2013 (../shared/seeds): personal budgets and learning disability placements, as a wide table. */
async function kentFile(): Promise<string> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet("Adult Social Care");
  sheet.addRow(["Code", "Aim", "Target", ...KENT_MONTHS]);
  for (const [code, aim, target, months] of [kentSeries("ASC1"), kentSeries("ASC9")]) {
    sheet.addRow([code, aim, target, ...months]);
  }
  const file = path.join(dir, "kent.xlsx");
  await workbook.xlsx.writeFile(file);
  return file;
}

async function applied(...options: string[]): Promise<{ workbook: Workbook; json: JsonReport }> {
  const input = await kentFile();
  const output = path.join(dir, "out.xlsx");
  const report = path.join(dir, "report.json");
  expect(await run(["apply", input, "-o", output, "--json", report, ...options], quiet)).toBe(0);
  const workbook = new Workbook();
  await workbook.xlsx.readFile(output);
  return { workbook, json: JSON.parse(await fs.readFile(report, "utf8")) as JsonReport };
}

test("--spc writes Variation and Assurance, filled as the icons, and the JSON carries them", async () => {
  const { workbook, json } = await applied("--spc");
  const sheet = workbook.getWorksheet("Adult Social Care")!;
  const headers = sheet.getRow(1).values as unknown[];
  const variation = headers.indexOf("Variation");
  const assurance = headers.indexOf("Assurance");
  expect(assurance).toBe(variation + 1);
  expect([sheet.getCell(2, variation).value, sheet.getCell(2, assurance).value]).toEqual([
    "Improvement (high)",
    "Fail",
  ]);
  expect([sheet.getCell(3, variation).value, sheet.getCell(3, assurance).value]).toEqual([
    "Improvement (low)",
    "Hit and miss",
  ]);
  const fill = sheet.getCell(2, variation).fill as { fgColor?: { argb?: string } };
  expect(fill.fgColor?.argb?.slice(-6)).toBe(SPC_STYLES["Improvement (high)"].fill?.slice(1));
  expect(json.measures.map((m) => [m.code, m.variation, m.assurance])).toEqual([
    ["ASC1", "Improvement (high)", "Fail"],
    ["ASC9", "Improvement (low)", "Hit and miss"],
  ]);
  expect(json.summary.sheets[0].spc).toMatchObject({ improvement: 2, fail: 1, hitAndMiss: 1 });
});

test("without --spc: no SPC columns, and NA in the JSON", async () => {
  const { workbook, json } = await applied();
  expect(workbook.getWorksheet("Adult Social Care")!.getRow(1).values as unknown[]).not.toContain("Variation");
  expect(json.measures.map((m) => [m.variation, m.assurance])).toEqual([
    ["NA", "NA"],
    ["NA", "NA"],
  ]);
});

test("`summary` of a workbook whose stored SPC setting is on prints the SPC sentences", async () => {
  const input = await kentFile();
  const workbook = await readWorkbookFile(input);
  await saveSettings(workbook, { ...DEFAULT_SETTINGS, spc: true });
  await fs.writeFile(input, workbook.save());
  const out: string[] = [];
  expect(await run(["summary", input], { ...quiet, out: (t) => out.push(t) })).toBe(0);
  expect(out.join("\n")).toContain(
    "2 measures have 12 or more periods and a usable aim: 2 measures show special cause improvement (ASC1, ASC9).",
  );
  out.length = 0;
  expect(await run(["summary", await kentFile()], { ...quiet, out: (t) => out.push(t) })).toBe(0);
  expect(out.join("\n")).not.toContain("12 or more periods");
});
