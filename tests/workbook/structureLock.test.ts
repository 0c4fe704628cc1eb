// A workbook whose structure is protected gets no new sheet from Scorecard, in either host: its own summary (and
// state) sheet that exists is rewritten in place, none is added, and a notice says why (new-user finding N21).
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { Workbook } from "exceljs";
import { XlsxWorkbook } from "../../src/hosts/xlsx";
import { OfficeWorkbook } from "../../src/hosts/office";
import { applyRules, drawSpcChart, generateSummary, listSpcMeasures } from "../../src/workbook";
import { SETTINGS_NOT_SAVED, summaryNotAdded } from "../../src/workbook/operations/structureLock";
import { MemoryPort } from "../support/memoryPort";
import type { MemorySheetInit } from "../support/memoryPort";
import { FakeContext, FakeWorkbook } from "../office/fakeExcel";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/** A1's 14 months: a long table with SPC's 12 figures. */
const ROWS: (string | number)[][] = [
  ["Code", "Period", "Value", "Target", "Aim"],
  ...Array.from({ length: 14 }, (_, i) => [
    "A1",
    `${MONTHS[i % 12]} ${2024 + Math.floor(i / 12)}`,
    50 + (i % 5),
    52,
    "Maximise",
  ]),
];
const MEASURES: MemorySheetInit = { name: "Adults", rows: ROWS };

describe("structure protected: the operations plan no new sheet (N21)", () => {
  test("apply: statuses written, no summary or state sheet added, and the notices say why and what to do", async () => {
    const port = new MemoryPort({ sheets: [MEASURES], structureLocked: true });
    const report = await applyRules(port);
    expect(report.summarySheet).toBeNull();
    expect(report.rowsRated).toBe(14);
    expect(report.notices).toEqual([summaryNotAdded("Scorecard Summary"), SETTINGS_NOT_SAVED]);
    expect(report.notices[0]).toBe(
      `The workbook's structure is protected, so the summary sheet "Scorecard Summary" was not added. Unprotect it (Review › Protect Workbook) and run again to get the summary.`,
    );
    const plan = port.plans[0];
    expect(plan.ownedSheet).toBeUndefined();
    expect(plan.state).toBeUndefined();
    expect(plan.sheets.map((s) => s.sheet)).toEqual(["Adults"]);
    expect(port.sheets.map((s) => s.name)).toEqual(["Adults"]);
  });

  test("apply on a workbook Scorecard summarised before: its summary and state are rewritten in place, no notice", async () => {
    const port = new MemoryPort({ sheets: [MEASURES] });
    await applyRules(port);
    port.structureLocked = true;
    const report = await applyRules(port);
    expect(report.notices).toEqual([]);
    expect(report.summarySheet).toBe("Scorecard Summary");
    const plan = port.plans[1];
    expect(plan.ownedSheet?.sheet).toBe("Scorecard Summary");
    expect(plan.ownedSheet?.replaces).toBe("Scorecard Summary");
    expect(plan.state).toBeDefined();
  });

  test("generate summary writes nothing and says why; an SPC chart is not drawn", async () => {
    const port = new MemoryPort({ sheets: [MEASURES], structureLocked: true });
    const result = await generateSummary(port);
    expect(result.writeProblems).toEqual([
      { sheet: "Scorecard Summary", message: summaryNotAdded("Scorecard Summary") },
    ]);
    expect(port.calls.write).toBe(0);
    const [measure] = await listSpcMeasures(port);
    expect(await drawSpcChart(port, measure.key)).toEqual({
      ok: false,
      problem: `The workbook's structure is protected, so the SPC chart's sheet "Scorecard SPC" was not added. Unprotect it (Review › Protect Workbook) and draw the chart again.`,
    });
    expect(port.calls.write).toBe(0);
  });
});

describe("both hosts read the lock", () => {
  test('.xlsx: <workbookProtection lockStructure="1"> gives no new sheet, and workbook.xml keeps the lock', async () => {
    const book = new Workbook();
    const sheet = book.addWorksheet("Adults");
    for (const row of ROWS) sheet.addRow(row);
    const files = unzipSync(new Uint8Array(await book.xlsx.writeBuffer()));
    const workbookXml = strFromU8(files["xl/workbook.xml"]);
    expect(workbookXml).toContain("<sheets>");
    files["xl/workbook.xml"] = strToU8(
      workbookXml.replace("<sheets>", '<workbookProtection lockStructure="1"/><sheets>'),
    );
    const port = XlsxWorkbook.open(zipSync(files));
    const report = await applyRules(port);
    expect(report.summarySheet).toBeNull();
    expect(report.notices).toEqual([summaryNotAdded("Scorecard Summary"), SETTINGS_NOT_SAVED]);
    const saved = port.save();
    const out = unzipSync(saved);
    const written = strFromU8(out["xl/workbook.xml"]);
    expect(written).toContain('<workbookProtection lockStructure="1"/>');
    expect([...written.matchAll(/<sheet /g)]).toHaveLength(1);
    const again = await XlsxWorkbook.open(saved).readWorkbook();
    expect(again.structureLocked).toBe(true);
    expect(again.sheets[0].values[0]).toEqual([
      "Code",
      "Period",
      "Value",
      "Target",
      "Aim",
      "Status",
      "Short Trend",
      "Long Trend",
    ]);
  });

  test("Office.js: workbook.protection.protected read in the addresses' sync; no sheet is added", async () => {
    const excel = new FakeWorkbook([{ name: "Adults", rows: ROWS }]);
    excel.structureLocked = true;
    const port = new OfficeWorkbook(new FakeContext(excel));
    expect((await port.readWorkbook()).structureLocked).toBe(true);
    const report = await applyRules(new OfficeWorkbook(new FakeContext(excel)));
    expect(report.writeProblems).toEqual([]);
    expect(report.notices).toEqual([summaryNotAdded("Scorecard Summary"), SETTINGS_NOT_SAVED]);
    expect(excel.sheets.map((s) => s.name)).toEqual(["Adults"]);
  });

  test("Office.js, not locked: structureLocked is false and the sheets are added as before", async () => {
    const excel = new FakeWorkbook([{ name: "Adults", rows: ROWS }]);
    const report = await applyRules(new OfficeWorkbook(new FakeContext(excel)));
    expect(report.writeProblems).toEqual([]);
    expect(excel.sheets.map((s) => s.name)).toEqual(["Adults", "Scorecard Summary", "ScorecardState"]);
  });
});
