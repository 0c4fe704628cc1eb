/**
 * The operation tests' fixtures run on the .xlsx host (built with ExcelJS, saved to bytes and opened) and on the in-memory
 * reference host the operation tests use: the reports must be equal, and so must everything written (values,
 * formulas, fills, fonts, number formats, conditional rules, widths, frozen rows, state).
 */
import type { Workbook, Worksheet } from "exceljs";
import { conditionalFormattings } from "./exceljsShapes";
import { applyRules, scanWorkbook } from "../../src/workbook";
import type { CellStyle, ConditionalRule } from "../../src/workbook/port";
import { MemoryPort, type MemorySheet, type MemorySheetInit } from "../support/memoryPort";
import { CONTRACT_EXAMPLES, medwaySheet } from "../workbook/fixtures";
import {
  inspected,
  opened,
  reloaded,
  reopened,
  SINGLE_WITH_OUTTURN,
  TABLE_AND_HIDDEN,
  WIDE_WITH_FLOORS,
  xlsxWorkbook,
} from "./xlsxFixtures";
import { rangeToA1 } from "../../src/workbook/a1";

const FIXTURES: readonly (readonly [string, readonly MemorySheetInit[]])[] = [
  ["contract examples", CONTRACT_EXAMPLES],
  ["Medway page 1", [medwaySheet()]],
  ["wide table with floors and date headers", [WIDE_WITH_FLOORS]],
  ["single table with outturn and existing RAG/DoT", [SINGLE_WITH_OUTTURN]],
  ["Excel Table, two-cell range, hidden and protected sheets", TABLE_AND_HIDDEN],
];

/** "FFC6EFCE" -> "#C6EFCE" */
const hex = (argb: string | undefined): string | undefined => (argb ? `#${argb.slice(2)}` : undefined);

/** The CellStyle an ExcelJS cell shows, in the terms the plan uses. */
function styleOf(ws: Worksheet, row: number, col: number): CellStyle {
  const { fill, font, numFmt, alignment } = ws.getCell(row + 1, col + 1).style;
  const style: Record<string, unknown> = {
    fill: fill && fill.type === "pattern" ? hex(fill.fgColor?.argb) : undefined,
    font: hex(font?.color?.argb),
    bold: font?.bold,
    italic: font?.italic,
    numberFormat: numFmt,
    wrap: alignment?.wrapText,
  };
  return Object.fromEntries(Object.entries(style).filter(([, v]) => v !== undefined)) as CellStyle;
}

function rulesOf(ws: Worksheet): { ref: string; formula: string; fill?: string; font?: string }[] {
  return conditionalFormattings(ws).flatMap(({ ref, rules }) =>
    rules.map((rule) => ({
      ref,
      formula: `=${(rule as { formulae: string[] }).formulae[0]}`,
      fill: hex(rule.style?.fill?.type === "pattern" ? rule.style.fill.bgColor?.argb : undefined),
      font: hex(rule.style?.font?.color?.argb),
    })),
  );
}

const memoryRules = (rules: readonly ConditionalRule[]) =>
  rules.map((r) => ({ ref: rangeToA1(r.range), formula: r.formula, fill: r.style.fill, font: r.style.font }));

/** Style properties that differ between two styles of one cell: what a run set. */
function changed(before: CellStyle, after: CellStyle): Record<string, unknown> {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]) as Set<keyof CellStyle>;
  return Object.fromEntries([...keys].filter((k) => before[k] !== after[k]).map((k) => [k, after[k]]));
}

function expectSameSheet(memoryBefore: MemoryPort, memory: MemorySheet, before: Workbook, after: Workbook): void {
  const ws = after.getWorksheet(memory.name);
  const wsBefore = before.getWorksheet(memory.name);
  expect(ws).toBeDefined();
  const styleBefore = (row: number, col: number): CellStyle =>
    memoryBefore.sheets.find((s) => s.name === memory.name)?.cells.get(`${row},${col}`)?.style ?? {};
  for (const [key, cell] of memory.cells) {
    const [row, col] = key.split(",").map(Number);
    const where = `${memory.name}!${rangeToA1({ row, col, rows: 1, cols: 1 })}`;
    const xlsxBefore = wsBefore ? styleOf(wsBefore, row, col) : {};
    expect({ where, set: changed(xlsxBefore, styleOf(ws!, row, col)) }).toEqual({
      where,
      set: changed(styleBefore(row, col), cell.style),
    });
  }
  expect(rulesOf(ws!)).toEqual(memoryRules(memory.rules));
  for (const [col, width] of memory.widths) expect(ws!.getColumn(col + 1).width).toBe(width);
  if (memory.freezeRows > 0) expect(ws!.views[0]).toMatchObject({ state: "frozen", ySplit: memory.freezeRows });
}

describe.each(FIXTURES)("%s", (_name, sheets) => {
  it("scans to the same report", async () => {
    const memory = await scanWorkbook(new MemoryPort({ sheets }));
    const xlsx = await scanWorkbook(await opened(await xlsxWorkbook(sheets)));
    expect(xlsx).toEqual(memory);
    expect(xlsx.measures.length).toBeGreaterThan(0);
  });

  it.each(["values", "formulas"] as const)("applies with %s to the same report and the same cells", async (output) => {
    const memory = new MemoryPort({ sheets });
    const memoryReport = await applyRules(memory, { settings: { output } });
    const host = await opened(await xlsxWorkbook(sheets));
    const xlsxReport = await applyRules(host, { settings: { output } });
    const { writeProblems: memoryWriteProblems, ...memoryRest } = memoryReport;
    const { writeProblems: xlsxWriteProblems, ...xlsxRest } = xlsxReport;
    expect(xlsxRest).toEqual(memoryRest);
    // The hosts word their write problems their own way; the sheets they name are the same.
    expect(xlsxWriteProblems.map((p) => p.sheet)).toEqual(memoryWriteProblems.map((p) => p.sheet));

    const saved = await inspected(host);
    const after = await reopened(host).readWorkbook();
    const expected = await memory.readWorkbook();
    expect(after.state).toBe(expected.state);
    expect(after.sheets.map((s) => s.name)).toEqual(expected.sheets.map((s) => s.name));
    for (const sheet of expected.sheets) {
      const actual = after.sheets.find((s) => s.name === sheet.name)!;
      expect({
        name: actual.name,
        top: actual.top,
        left: actual.left,
        values: actual.values,
        formulas: actual.formulas,
      }).toEqual({
        name: sheet.name,
        top: sheet.top,
        left: sheet.left,
        values: sheet.values,
        formulas: sheet.formulas,
      });
    }
    const memoryBefore = new MemoryPort({ sheets });
    const before = await reloaded(await xlsxWorkbook(sheets));
    memory.sheets.forEach((sheet) => expectSameSheet(memoryBefore, sheet, before, saved));
  });
});
