/**
 * Cell-by-cell comparison of two ExcelJS workbooks (values, formulas and styles, plus sheet-level settings),
 * and the cells the add-in may own after an apply: its output columns inside the tables it found,
 * its summary sheet and its state sheet.
 */
import type { Workbook, Worksheet } from "exceljs";
import { isOutputHeader } from "../../src/workbook/headers";
import type { ScanReport } from "../../src/workbook/model";
import { STATE_SHEET_NAME } from "../../src/workbook/stateSheet";
import { parseRangeRef } from "../../src/workbook/a1";

export interface CellState {
  readonly value: unknown;
  readonly style: unknown;
}

/** Every cell that holds a value or a style, by address; JSON round trip so Dates and shared objects compare plainly. */
export function cellsOf(ws: Worksheet): Map<string, CellState> {
  const cells = new Map<string, CellState>();
  ws.eachRow({ includeEmpty: true }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      const style = JSON.parse(JSON.stringify(cell.style ?? {}));
      if (cell.value === null && Object.keys(style).length === 0) return;
      cells.set(cell.address, { value: JSON.parse(JSON.stringify(cell.value)), style });
    });
  });
  return cells;
}

/**
 * Sheet-level things a user set that an apply must keep. Leaves out pageSetup.useFirstPageNumber: ExcelJS derives it
 * from firstPageNumber when it saves, so it flips on a sheet's second save whatever anyone did.
 */
export function sheetSettings(ws: Worksheet): unknown {
  const pageSetup: Record<string, unknown> = { ...ws.pageSetup };
  delete pageSetup.useFirstPageNumber;
  return JSON.parse(
    JSON.stringify({
      state: ws.state,
      merges: (ws.model as { merges?: string[] }).merges ?? [],
      columns: (ws.columns ?? []).map((c) => c.width ?? null),
      views: ws.views,
      pageSetup,
      tables: ws.getTables().length,
    }),
  );
}

export type Owned = (sheet: string, address: string) => boolean;

/** What an apply may change: output columns of the tables it reports (header row down to the table's last row). */
export function ownedCells(output: Workbook, report: ScanReport, summarySheet: string | null): Owned {
  const regions = new Map<string, { top: number; bottom: number; cols: Set<number> }[]>();
  for (const sheet of report.sheets) {
    const ws = output.getWorksheet(sheet.sheet);
    if (!ws) continue;
    for (const table of sheet.tables) {
      const range = parseRangeRef(table.address);
      if (!range) throw new Error(`bad table address ${table.address}`);
      const cols = new Set<number>();
      const headers = ws.getRow(range.row + 1).values as unknown[];
      headers.forEach((text, c) => {
        if (c > range.col && typeof text === "string" && isOutputHeader(text)) cols.add(c);
      });
      const list = regions.get(sheet.sheet) ?? [];
      list.push({ top: range.row + 1, bottom: range.row + range.rows, cols });
      regions.set(sheet.sheet, list);
    }
  }
  return (sheet, address) => {
    if (sheet === summarySheet || sheet === STATE_SHEET_NAME) return true;
    const at = parseRangeRef(address);
    if (!at) return false;
    return (regions.get(sheet) ?? []).some(
      (r) => at.row + 1 >= r.top && at.row + 1 <= r.bottom && r.cols.has(at.col + 1),
    );
  };
}

export interface Difference {
  readonly sheet: string;
  readonly address: string;
  readonly before: CellState | undefined;
  readonly after: CellState | undefined;
}

/** Cells that differ between two workbooks, skipping the ones `owned` allows to change. */
export function differences(before: Workbook, after: Workbook, owned: Owned = () => false): Difference[] {
  const found: Difference[] = [];
  const names = new Set([...before.worksheets, ...after.worksheets].map((ws) => ws.name));
  for (const name of names) {
    const a = before.getWorksheet(name);
    const b = after.getWorksheet(name);
    const cellsA = a ? cellsOf(a) : new Map<string, CellState>();
    const cellsB = b ? cellsOf(b) : new Map<string, CellState>();
    for (const address of new Set([...cellsA.keys(), ...cellsB.keys()])) {
      if (owned(name, address)) continue;
      const x = cellsA.get(address);
      const y = cellsB.get(address);
      if (JSON.stringify(x) !== JSON.stringify(y)) found.push({ sheet: name, address, before: x, after: y });
    }
  }
  return found;
}
