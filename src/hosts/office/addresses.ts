/** Addresses Office.js takes and returns, beyond the A1 helpers the operations already have. */
import { columnLetters } from "../../workbook/a1";
import type { CellRange } from "../../workbook/port";

/** Whole columns, e.g. "C:C". */
export function columnAddress(col: number): string {
  const letters = columnLetters(col);
  return `${letters}:${letters}`;
}

export interface SheetRange {
  readonly sheet: string;
  readonly range: CellRange;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;

/** Parses "Sheet1!B3:D10", "'North & East'!A1" (quotes doubled inside) or "B3". */
export function parseAddress(address: string): SheetRange {
  const bang = address.lastIndexOf("!");
  const sheetPart = bang < 0 ? "" : address.slice(0, bang);
  const sheet = sheetPart.startsWith("'") ? sheetPart.slice(1, -1).replace(/''/g, "'") : sheetPart;
  const [first, last = first] = address.slice(bang + 1).split(":");
  const a = parseCell(first);
  const b = parseCell(last);
  const range = {
    row: Math.min(a.row, b.row),
    col: Math.min(a.col, b.col),
    rows: Math.abs(b.row - a.row) + 1,
    cols: Math.abs(b.col - a.col) + 1,
  };
  return { sheet, range };
}

/** "A" -> 0, "AA" -> 26. */
function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function parseCell(text: string): { row: number; col: number } {
  const match = CELL.exec(text);
  if (!match) throw new Error(`Not a cell address: "${text}"`);
  return { row: Number(match[2]) - 1, col: columnIndex(match[1]) };
}
