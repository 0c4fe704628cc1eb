/**
 * Typed views of the ExcelJS parts its own typings get wrong or leave out (checked against exceljs 4.4 at runtime):
 * `getTables()` returns Table objects (typed as tuples), and `sheetProtection` / `conditionalFormattings`
 * (like the tab position `orderNo`) are plain worksheet properties missing from index.d.ts. One place, so the casts stay few and named.
 */
import type { ConditionalFormattingOptions, Table, Worksheet } from "exceljs";

/** What a Table holds at runtime: `tableRef` ("B3:F20") after load or addTable. */
interface TableModel {
  readonly name: string;
  readonly tableRef?: string;
  readonly ref?: string;
}

interface TableRuntime {
  readonly table: TableModel;
}

interface WorksheetRuntime {
  orderNo: number;
  sheetProtection: { sheet?: boolean } | null | undefined;
  conditionalFormattings: ConditionalFormattingOptions[];
}

export interface SheetTable {
  readonly name: string;
  /** "B3:F20", header row included. */
  readonly ref: string;
}

export function sheetTables(ws: Worksheet): SheetTable[] {
  const tables = ws.getTables() as unknown as (Table & TableRuntime)[];
  return tables.flatMap(({ table }) => {
    const ref = table.tableRef ?? table.ref;
    return ref ? [{ name: table.name, ref }] : [];
  });
}

export function isProtected(ws: Worksheet): boolean {
  return (ws as unknown as WorksheetRuntime).sheetProtection?.sheet === true;
}

export function conditionalFormattings(ws: Worksheet): ConditionalFormattingOptions[] {
  return (ws as unknown as WorksheetRuntime).conditionalFormattings ?? [];
}

export function setConditionalFormattings(ws: Worksheet, cfs: ConditionalFormattingOptions[]): void {
  (ws as unknown as WorksheetRuntime).conditionalFormattings = cfs;
}

/** Tab position: `workbook.worksheets` is sorted by it. */
export function sheetPosition(ws: Worksheet): number {
  return (ws as unknown as WorksheetRuntime).orderNo;
}

export function setSheetPosition(ws: Worksheet, position: number): void {
  (ws as unknown as WorksheetRuntime).orderNo = position;
}
