/**
 * F13: a scored workbook opened and saved in LibreOffice, then scored again. LibreOffice has no "very hidden" and
 * saves Scorecard's state sheet back as hidden; the next run must still find its state (and so its own summary),
 * not rate the old summary as a directorate nor add a second summary and state sheet. soffice re-saves the file as
 * a user's "Save" does. Skipped, with a warning, only where LibreOffice is not installed; on CI a missing soffice
 * fails.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Workbook } from "exceljs";
import { run } from "../../src/cli/main";
import type { JsonReport } from "../../src/workbook";
import { buildSampleWorkbook } from "../support/buildSample";
import { INSTALL_COMMAND, shouldRun } from "../support/externalTools";

const OUT = path.resolve(__dirname, "../.tmp/libreoffice-resave");
const onPath = (program: string): boolean =>
  (process.env.PATH ?? "").split(path.delimiter).some((dir) => existsSync(path.join(dir, program)));
const missing = onPath("soffice") ? [] : ["soffice"];
const canRun = shouldRun(missing);
if (!canRun)
  console.warn(`LibreOffice re-save test SKIPPED: soffice not installed here. Install with: ${INSTALL_COMMAND}`);

const quiet = { out: () => undefined, err: () => undefined, progress: () => null };

async function apply(input: string, output: string, json: string): Promise<JsonReport> {
  expect(await run(["apply", input, "-o", output, "--json", json], quiet)).toBe(0);
  return JSON.parse(readFileSync(json, "utf8")) as JsonReport;
}

async function sheetStates(file: string): Promise<[string, string][]> {
  const workbook = new Workbook();
  await workbook.xlsx.readFile(file);
  return workbook.worksheets.map((s) => [s.name, s.state]);
}

(canRun ? describe : describe.skip)("a scored workbook saved by LibreOffice and scored again", () => {
  it("gives the same measures and problems, one summary and one state sheet", async () => {
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(path.join(OUT, "lo"), { recursive: true });
    const input = path.join(OUT, "sample.xlsx");
    writeFileSync(input, new Uint8Array(await buildSampleWorkbook().xlsx.writeBuffer()));
    const scored = path.join(OUT, "scored.xlsx");
    const first = await apply(input, scored, path.join(OUT, "first.json"));

    const profile = `-env:UserInstallation=file://${path.join(OUT, "profile")}`;
    const lo = spawnSync(
      "soffice",
      [profile, "--headless", "--convert-to", "xlsx", "--outdir", path.join(OUT, "lo"), scored],
      {
        encoding: "utf8",
        timeout: 300_000,
      },
    );
    expect(lo.status).toBe(0);
    const resaved = path.join(OUT, "lo", "scored.xlsx");
    // The premise: LibreOffice wrote the state sheet back as merely hidden.
    expect(await sheetStates(resaved)).toContainEqual(["ScorecardState", "hidden"]);

    const again = path.join(OUT, "again.xlsx");
    const second = await apply(resaved, again, path.join(OUT, "second.json"));
    expect(second.measures).toHaveLength(first.measures.length);
    expect(second.problems).toEqual(first.problems);
    expect(second.summary).toEqual(first.summary);
    const states = await sheetStates(again);
    expect(states.filter(([name]) => name.startsWith("Scorecard Summary"))).toEqual([["Scorecard Summary", "visible"]]);
    expect(states.filter(([name]) => name.startsWith("ScorecardState"))).toEqual([["ScorecardState", "veryHidden"]]);
  }, 300_000);
});
