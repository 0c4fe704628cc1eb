// A formula saved without its result (files written by scripts and ETL tools: <f> and no <v>) reads as blank; it is
// a data problem naming the cell, never a silent "no value" (new-user finding N8). A formula whose result is empty
// ("") is a blank the user meant, in a file and in Excel.
import { strFromU8, unzipSync } from "fflate";
import { Workbook } from "exceljs";
import type { CellValue } from "../../src/core/types";
import { XlsxWorkbook } from "../../src/hosts/xlsx";
import { OfficeWorkbook } from "../../src/hosts/office";
import { scanWorkbook } from "../../src/workbook";
import { MemoryPort } from "../support/memoryPort";
import { FakeContext, FakeWorkbook } from "../office/fakeExcel";

const fix = "open the file in Excel and save it, so its value is stored; until then it reads as blank.";

/** A MemoryPort whose cells at `formulas` (A1 → formula) hold a formula and the given value (null: no result). */
function port(rows: CellValue[][], formulas: Record<string, { formula: string; value: CellValue }>): MemoryPort {
  const memory = new MemoryPort({ sheets: [{ name: "S", rows }] });
  for (const [a1, { formula, value }] of Object.entries(formulas)) {
    const col = a1.charCodeAt(0) - 65;
    const row = Number(a1.slice(1)) - 1;
    memory.sheet("S").cells.set(`${row},${col}`, { value, formula, style: {} });
  }
  return memory;
}

describe("a formula with no saved result is a data problem at its cell (N8)", () => {
  test("value, target, aim and floor cells of a long table; the measure's status says no value", async () => {
    const report = await scanWorkbook(
      port(
        [
          ["Code", "Period", "Value", "Target", "Aim", "Floor"],
          ["A1", "Aug 2025", 0.5, 0.6, "Maximise", null],
          ["A1", "Sep 2025", null, 0.6, "Maximise", null],
          ["B1", "Sep 2025", 4, null, null, null],
        ],
        {
          C3: { formula: "='Raw Data'!B2/'Raw Data'!C2", value: null },
          D4: { formula: "=Targets!B4", value: null },
          E4: { formula: "=Lookups!C9", value: null },
          F4: { formula: "=Lookups!D9", value: null },
        },
      ),
    );
    expect(report.problems).toEqual([
      {
        sheet: "S",
        cell: "C3",
        message: `The value holds a formula with no saved result (='Raw Data'!B2/'Raw Data'!C2): ${fix}`,
      },
      { sheet: "S", cell: "D4", message: `The target holds a formula with no saved result (=Targets!B4): ${fix}` },
      { sheet: "S", cell: "E4", message: `The aim holds a formula with no saved result (=Lookups!C9): ${fix}` },
      { sheet: "S", cell: "F4", message: `The floor holds a formula with no saved result (=Lookups!D9): ${fix}` },
    ]);
    const a1 = report.measures.find((m) => m.code === "A1");
    expect(a1).toMatchObject({ period: "Sep 2025", status: "NA", naKind: "noData" });
  });

  test("a formula whose result is empty text is a blank the user meant: no problem", async () => {
    const report = await scanWorkbook(
      port(
        [
          ["Code", "Period", "Value", "Target", "Aim"],
          ["A1", "Sep 2025", "", 0.6, "Maximise"],
        ],
        { C2: { formula: '=IF(Raw!B2="","",Raw!B2)', value: "" } },
      ),
    );
    expect(report.problems).toEqual([]);
  });

  test("a wide table's latest period uncalculated: named, and the measure is rated on the period before", async () => {
    const report = await scanWorkbook(
      port(
        [
          ["Code", "Target", "Aim", "Jul 2025", "Aug 2025", "Sep 2025"],
          ["W1", 50, "Maximise", 48, 52, null],
        ],
        { F2: { formula: "=SUM(Raw!B2:B9)", value: null } },
      ),
    );
    expect(report.problems).toEqual([
      { sheet: "S", cell: "F2", message: `The value holds a formula with no saved result (=SUM(Raw!B2:B9)): ${fix}` },
    ]);
    expect(report.measures[0]).toMatchObject({ period: "Aug 2025", value: 52, status: "Green" });
  });
});

describe('both hosts give a formula\'s empty result as "" and a missing one as null', () => {
  test(".xlsx: <f> without <v> is a problem; <f> with an empty string result is not", async () => {
    const book = new Workbook();
    const sheet = book.addWorksheet("S");
    sheet.addRow(["Code", "Period", "Value", "Target", "Aim"]);
    sheet.addRow(["A1", "Sep 2025", { formula: "Raw!B2/Raw!C2" }, 0.6, "Maximise"]);
    sheet.addRow(["B1", "Sep 2025", { formula: 'IF(Raw!B3="","",Raw!B3)', result: "" }, 0.6, "Maximise"]);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const xml = strFromU8(unzipSync(bytes)["xl/worksheets/sheet1.xml"]);
    expect(xml).toMatch(/<c r="C2"[^>]*><f>Raw!B2\/Raw!C2<\/f><\/c>/);
    expect(xml).toMatch(/<c r="C3"[^>]*t="str"[^>]*><f>[^<]*<\/f><v><\/v><\/c>/);
    const report = await scanWorkbook(XlsxWorkbook.open(bytes));
    expect(report.problems).toEqual([
      { sheet: "S", cell: "C2", message: `The value holds a formula with no saved result (=Raw!B2/Raw!C2): ${fix}` },
    ]);
  });

  test('Office.js: Excel always has a result; an empty one is "" in the snapshot, and no problem', async () => {
    const excel = new FakeWorkbook([
      {
        name: "S",
        rows: [
          ["Code", "Period", "Value", "Target", "Aim"],
          ["A1", "Sep 2025", { formula: '=IF(Raw!B2="","",Raw!B2)', value: "" }, 0.6, "Maximise"],
          ["B1", "Sep 2025", "", 0.6, "Maximise"],
        ],
      },
    ]);
    const office = new OfficeWorkbook(new FakeContext(excel));
    const snapshot = await office.readWorkbook();
    expect(snapshot.sheets[0].values[1][2]).toBe("");
    expect(snapshot.sheets[0].values[2][2]).toBeNull();
    expect((await scanWorkbook(new OfficeWorkbook(new FakeContext(excel)))).problems).toEqual([]);
  });
});
