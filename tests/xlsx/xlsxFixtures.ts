/**
 * The operation tests' fixtures (MemorySheetInit, tests/workbook/fixtures.ts) as ExcelJS workbooks, so the
 * ExcelJS host runs on exactly the workbooks the in-memory and Office.js hosts run on; plus fixtures of our own
 * for what only a file has (Excel Tables, dates as headers, error cells, hidden and protected sheets).
 */
import { Workbook } from "exceljs";
import type { CellValue as ExcelCellValue } from "exceljs";
import { XlsxWorkbook } from "../../src/hosts/xlsx";
import type { CellValue } from "../../src/core/types";
import { encodeState, STATE_SHEET_NAME } from "../../src/workbook/stateSheet";
import { parseRangeA1, type MemorySheetInit } from "../support/memoryPort";

export async function xlsxWorkbook(sheets: readonly MemorySheetInit[], state: string | null = null): Promise<Workbook> {
  const workbook = new Workbook();
  for (const init of sheets) {
    const ws = workbook.addWorksheet(init.name, { state: init.visible === false ? "hidden" : "visible" });
    const top = init.top ?? 0;
    const left = init.left ?? 0;
    init.rows.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value !== null && value !== undefined && value !== "") {
          ws.getCell(top + r + 1, left + c + 1).value = value as ExcelCellValue;
        }
      }),
    );
    for (const a1 of init.bold ?? []) ws.getCell(a1).font = { bold: true };
    for (const [a1, numFmt] of Object.entries(init.numberFormats ?? {})) ws.getCell(a1).numFmt = numFmt;
    for (const { name, ref } of init.tables ?? []) {
      const range = parseRangeA1(ref);
      const cellAt = (r: number, c: number): CellValue =>
        init.rows[range.row + r - top]?.[range.col + c - left] ?? null;
      ws.addTable({
        name,
        ref: ref.split(":")[0],
        headerRow: true,
        columns: Array.from({ length: range.cols }, (_, c) => ({ name: String(cellAt(0, c)) })),
        rows: Array.from({ length: range.rows - 1 }, (_, r) =>
          Array.from({ length: range.cols }, (_, c) => cellAt(r + 1, c)),
        ),
      });
    }
    if (init.protected) await ws.protect("", {});
  }
  if (state !== null) {
    const ws = workbook.addWorksheet(STATE_SHEET_NAME, { state: "veryHidden" });
    encodeState(state).forEach((chunk, i) => (ws.getCell(i + 1, 1).value = chunk));
  }
  return workbook;
}

/** Saved and loaded (`times` over), as the CLI gets a workbook from disk. */
export async function reloaded(workbook: Workbook, times = 1): Promise<Workbook> {
  let copy = workbook;
  for (let i = 0; i < times; i++) {
    const next = new Workbook();
    await next.xlsx.load(await copy.xlsx.writeBuffer());
    copy = next;
  }
  return copy;
}

/** An ExcelJS-built workbook as the .xlsx host gets it from a file: saved to bytes and opened. */
export async function opened(workbook: Workbook): Promise<XlsxWorkbook> {
  return XlsxWorkbook.open(new Uint8Array(await workbook.xlsx.writeBuffer()));
}

/** What the host saved, loaded with ExcelJS to look at. */
export async function inspected(host: XlsxWorkbook): Promise<Workbook> {
  const workbook = new Workbook();
  await workbook.xlsx.load(host.save() as unknown as ArrayBuffer);
  return workbook;
}

/** The host's output opened again by the host, as a second run gets it. */
export function reopened(host: XlsxWorkbook): XlsxWorkbook {
  return XlsxWorkbook.open(host.save());
}

const date = (year: number, month: number): Date => new Date(Date.UTC(year, month, 1));

/** Kent-style wide table: months as date headers, a floor column, a group column, percentages and an error cell. */
export const WIDE_WITH_FLOORS: MemorySheetInit = {
  name: "Adult Social Care",
  top: 2,
  left: 1,
  rows: [
    [
      "Ref",
      "Indicator Description",
      "Service",
      "Polarity",
      "Current Target",
      "Floor",
      date(2013, 5),
      date(2013, 6),
      date(2013, 7),
      date(2013, 8),
    ],
    ["ASC01", "Personal budgets", "Older People", "Higher is better", 0.8, 0.7, 0.76, 0.76, 0.74, 0.73],
    ["ASC05", "Satisfied at first review", "Older People", "Higher is better", 0.75, 0.7, 0.72, 0.74, 0.72, 0.73],
    ["ASC07", "Delayed transfers of care", "Access", "Lower is better", 5.4, 6, 5.93, 5.92, 5.84, { error: "#N/A" }],
    ["ASC09", "LD in residential care", "Learning Disability", "Lower is better", 1260, 1300, 1266, 1252, 1251, 1249],
    ["ASC12", "Carers assessed", "Access", "Sideways", 500, null, 480, 470, 490, 505],
  ],
};

/** Kent CYPE-style single table: previous outturn, data period, the report's RAG and DoT columns already there. */
export const SINGLE_WITH_OUTTURN: MemorySheetInit = {
  name: "Children's Services",
  rows: [
    [
      "Ref",
      "Indicator",
      "Section",
      "Data Period",
      "Polarity",
      "Target",
      "2017-18 Outturn",
      "Current Position",
      "RAG",
      "DoT",
    ],
    [
      "EY1",
      "Two year olds taking up free early education",
      "Early Years",
      "Quarter",
      "Higher",
      0.78,
      0.684,
      0.622,
      null,
      null,
    ],
    ["SISE4", "Schools good or outstanding", "Education", "Month", "Higher", 0.92, 0.901, 0.911, null, null],
    [
      "SCS08",
      "CP plans for a second time",
      "Specialist",
      "12M",
      "Target range",
      "17.5%-22.5%",
      0.229,
      0.205,
      null,
      null,
    ],
    ["PEX1", "Primary permanent exclusions", "Education", "12M", "Lower", 15, 18, 24, null, null],
    ["EH52", "First time entrants to youth justice", "Early Help", "12M", "Lower", 300, "tbc", 260, null, null],
  ],
};

/** A long table kept as an Excel Table, two-cell Goldilocks targets, a bold title row, and sheets to leave alone. */
export const TABLE_AND_HIDDEN: readonly MemorySheetInit[] = [
  {
    name: "Public Health",
    rows: [
      ["Outcome: Healthy and active communities"],
      ["Code", "Measure", "Quarter", "Target", "Target Upper", "Value", "Aim to"],
      ["PH30", "Breastfeeding at 6-8 weeks", "Q2 2020/21", 0.45, null, 0.47, "Maximise"],
      ["PH30", "Breastfeeding at 6-8 weeks", "Q1 2020/21", 0.45, null, 0.44, "Maximise"],
      ["PH31", "Healthy weight programme places filled", "Q2 2020/21", 60, 70, 72, "Goldilocks"],
      ["PH31", "Healthy weight programme places filled", "Q1 2020/21", 60, 70, 66, "Goldilocks"],
      ["PH32", "Smoking quitters", "Q2 2020/21", 200, null, "redacted", "Maximise"],
      ["PH32", "Smoking quitters", "Q1 2020/21", 200, null, 190, "Maximise"],
    ],
    bold: ["A1"],
    tables: [{ name: "PublicHealth", ref: "A2:G8" }],
  },
  {
    name: "Archive",
    visible: false,
    rows: [
      ["Code", "Measure", "Quarter", "Target", "Value", "Aim"],
      ["OLD1", "Retired measure", "Q1 2015/16", 10, 5, "Maximise"],
    ],
  },
  {
    name: "Locked",
    protected: true,
    rows: [
      ["Code", "Measure", "Quarter", "Target", "Value", "Aim"],
      ["LK1", "Measure on a protected sheet", "Q2 2020/21", 10, 9, "Maximise"],
    ],
  },
];
