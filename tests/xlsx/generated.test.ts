/**
 * Generated workbooks (fast-check): measure tables in the three layouts at random places, with the user's styles,
 * formulas, notes beside and below them, and an untouched extra sheet. For each: no cell outside the add-in's
 * output columns and sheets changes, and applying again gives the same workbook.
 */
import fc from "fast-check";
import { Workbook, type Worksheet } from "exceljs";
import { XlsxWorkbook } from "../../src/hosts/xlsx";
import { inspected } from "./xlsxFixtures";
import { applyRules } from "../../src/workbook";
import { differences, ownedCells } from "./workbookDiff";

type Layout = "long" | "wide" | "single";
type Raw = string | number | null;

interface Measure {
  readonly aim: string;
  readonly target: Raw;
  /** Oldest first. */
  readonly values: readonly Raw[];
}

interface TableSpec {
  readonly layout: Layout;
  readonly top: number;
  readonly left: number;
  readonly measures: readonly Measure[];
  readonly newestFirst: boolean;
  readonly withStatusColumn: boolean;
  /** A user's note on the header row, this many blank columns right of the table (0 = none). */
  readonly noteGap: number;
  readonly boldHeader: boolean;
  readonly percentFormat: boolean;
}

const PERIODS = ["Q1 2019/20", "Q2 2019/20", "Q3 2019/20", "Q4 2019/20", "Q1 2020/21", "Q2 2020/21"];
const aims = fc.constantFrom("Maximise", "Minimise", "Higher is better", "Lower", "Goldilocks", "Sideways", "");
const value: fc.Arbitrary<Raw> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 200 }) },
  { weight: 2, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }).map((x) => Math.round(x * 1000) / 1000) },
  { weight: 1, arbitrary: fc.constantFrom<Raw>("NA", "redacted", "tbc", "-", null, "22.4%", "n/a") },
);
const target: fc.Arbitrary<Raw> = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: 0, max: 200 }) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.integer({ min: 0, max: 90 }), fc.integer({ min: 1, max: 20 }))
      .map(([lo, w]) => `Between ${lo} and ${lo + w}`),
  },
  { weight: 1, arbitrary: fc.constantFrom<Raw>("NA", null, "60-70", "lots") },
);
const measure = (periods: number): fc.Arbitrary<Measure> =>
  fc.record({ aim: aims, target, values: fc.array(value, { minLength: periods, maxLength: periods }) });

const table: fc.Arbitrary<TableSpec> = fc
  .record({
    layout: fc.constantFrom<Layout>("long", "wide", "single"),
    periods: fc.integer({ min: 2, max: PERIODS.length }),
    top: fc.integer({ min: 0, max: 3 }),
    left: fc.integer({ min: 0, max: 3 }),
    count: fc.integer({ min: 1, max: 5 }),
    newestFirst: fc.boolean(),
    withStatusColumn: fc.boolean(),
    noteGap: fc.integer({ min: 0, max: 3 }),
    boldHeader: fc.boolean(),
    percentFormat: fc.boolean(),
  })
  .chain(({ periods, count, ...rest }) =>
    fc.array(measure(periods), { minLength: count, maxLength: count }).map((measures) => ({ ...rest, measures })),
  );

function headersOf(spec: TableSpec, periods: readonly string[]): string[] {
  const status = spec.withStatusColumn ? ["Status"] : [];
  if (spec.layout === "long") return ["Code", "Measure", "Period", "Target", "Value", "Aim", ...status];
  if (spec.layout === "wide") return ["Code", "Measure", "Aim", "Target", ...periods, ...status];
  return ["Code", "Measure", "Aim", "Target", "Previous", "Value", ...status];
}

function rowsOf(spec: TableSpec, periods: readonly string[]): Raw[][] {
  const status = spec.withStatusColumn ? [null] : [];
  return spec.measures.flatMap((m, i) => {
    const code = `M${i + 1}`;
    const name = `Measure ${i + 1}`;
    if (spec.layout === "wide") return [[code, name, m.aim, m.target, ...m.values, ...status]];
    if (spec.layout === "single")
      return [[code, name, m.aim, m.target, m.values.at(-2) ?? null, m.values.at(-1) ?? null, ...status]];
    const history = m.values.map((v, p) => [code, name, periods[p], m.target, v, m.aim, ...status]);
    return spec.newestFirst ? history.reverse() : history;
  });
}

/** Writes the table with the user's own touches; returns the first free row below it. */
function writeTable(ws: Worksheet, spec: TableSpec, startRow: number): number {
  const periods = PERIODS.slice(0, spec.measures[0].values.length);
  const headers = headersOf(spec, periods);
  const top = startRow + spec.top;
  const col = (c: number) => spec.left + c + 1;
  headers.forEach((h, c) => {
    const cell = ws.getCell(top, col(c));
    cell.value = h;
    if (spec.boldHeader) cell.font = { bold: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
  });
  const rows = rowsOf(spec, periods);
  rows.forEach((values, r) => {
    values.forEach((v, c) => {
      const cell = ws.getCell(top + 1 + r, col(c));
      cell.value = v;
      if (typeof v === "number" && spec.percentFormat && v <= 1) cell.numFmt = "0.0%";
      if (c === 1) cell.alignment = { wrapText: true };
    });
  });
  if (spec.noteGap > 0)
    ws.getCell(top, col(headers.length - 1 + spec.noteGap + 1)).value = "Analyst's note: check Q2 figures";
  const below = top + rows.length + 2;
  ws.getCell(below, col(0)).value = "Source: performance team";
  ws.getCell(below, col(0)).font = { italic: true };
  ws.getCell(below, col(3)).value = {
    formula: `COUNTA(${ws.getCell(top + 1, col(0)).address}:${ws.getCell(top + rows.length, col(0)).address})`,
    result: rows.length,
  };
  return below + 2;
}

function build(sheets: readonly (readonly TableSpec[])[]): Workbook {
  const workbook = new Workbook();
  sheets.forEach((tables, i) => {
    const ws = workbook.addWorksheet(`Directorate ${i + 1}`);
    tables.reduce((row, spec) => writeTable(ws, spec, row), 1);
  });
  const notes = workbook.addWorksheet("Notes");
  notes.getCell("A1").value = "Left alone by the add-in";
  notes.getCell("B2").value = { formula: 'A1&"!"', result: "Left alone by the add-in!" };
  return workbook;
}

const workbooks = fc.array(fc.array(table, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 2 });

it("changes nothing but its own cells, and re-applying is identical, on generated workbooks", async () => {
  await fc.assert(
    fc.asyncProperty(workbooks, fc.constantFrom("values" as const, "formulas" as const), async (sheets, output) => {
      const bytes = new Uint8Array(await build(sheets).xlsx.writeBuffer());
      const control = new Workbook();
      await control.xlsx.load(bytes as unknown as ArrayBuffer);
      const working = XlsxWorkbook.open(bytes);
      const report = await applyRules(working, { settings: { output } });
      const firstBytes = working.save();
      const first = await inspected(working);
      expect(report.writeProblems).toEqual([]);
      // Every generated table was found, so the comparison below covers real writes.
      const generated = sheets.flat().reduce((n, spec) => n + spec.measures.length, 0);
      expect(report.measures).toHaveLength(generated);
      expect(differences(control, first, ownedCells(first, report, report.summarySheet))).toEqual([]);

      const again = XlsxWorkbook.open(firstBytes);
      await applyRules(again, { settings: { output } });
      expect(differences(first, await inspected(again))).toEqual([]);
      expect(Buffer.from(again.save()).equals(Buffer.from(firstBytes))).toBe(true);
    }),
    { numRuns: 25 },
  );
});
