/** The add-in's state in its very hidden sheet, encoded as src/workbook/stateSheet.ts says (shared with Excel). */
import type { Workbook, Worksheet } from "exceljs";
import type { CellValue } from "../../core";
import { decodeState, encodeState, STATE_SHEET_NAME } from "../../workbook/stateSheet";
import { readCellValue } from "./cellValues";

export function isStateSheet(ws: Worksheet): boolean {
  return ws.name === STATE_SHEET_NAME;
}

export function readState(workbook: Workbook): string | null {
  const ws = workbook.getWorksheet(STATE_SHEET_NAME);
  if (!ws) return null;
  const rows: CellValue[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const cell = ws.findCell(r, 1);
    rows.push([cell ? readCellValue(cell) : null]);
  }
  return decodeState(rows);
}

/** Rewrites column A in place (the sheet keeps its position and stays very hidden). */
export function writeState(workbook: Workbook, state: string): void {
  const ws =
    workbook.getWorksheet(STATE_SHEET_NAME) ?? workbook.addWorksheet(STATE_SHEET_NAME, { state: "veryHidden" });
  ws.state = "veryHidden";
  const chunks = encodeState(state);
  const rows = Math.max(chunks.length, ws.rowCount);
  for (let r = 0; r < rows; r++) ws.getCell(r + 1, 1).value = chunks[r] ?? null;
}
