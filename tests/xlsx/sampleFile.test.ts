/** The shipped sample file (src/sample/sampleXlsx.ts) is the workbook tests/support/buildSample.ts builds, cell for cell. */
import { Workbook } from "exceljs";
import { buildSampleWorkbook } from "../support/buildSample";
import { sampleWorkbookBytes } from "../../src/sample/sampleBytes";
import { reloaded } from "./xlsxFixtures";
import { differences, sheetSettings } from "./workbookDiff";

it("matches buildSample.ts (run node scripts/generate-sample.mjs after changing it)", async () => {
  const shipped = new Workbook();
  await shipped.xlsx.load(sampleWorkbookBytes() as unknown as ArrayBuffer);
  const built = await reloaded(buildSampleWorkbook());
  expect(shipped.worksheets.map((ws) => ws.name)).toEqual(built.worksheets.map((ws) => ws.name));
  expect(differences(built, shipped)).toEqual([]);
  for (const ws of built.worksheets) expect(sheetSettings(shipped.getWorksheet(ws.name)!)).toEqual(sheetSettings(ws));
});
