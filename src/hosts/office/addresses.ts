/** Addresses Office.js takes and returns, beyond the A1 helpers the operations already have. */
import { columnLetters } from "../../workbook/a1";
import type { CellRange } from "../../workbook/port";

/** Whole columns, e.g. "C:C". */
export function columnAddress(col: number): string {
  const letters = columnLetters(col);
  return `${letters}:${letters}`;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;

/** The range of an address Office.js returns: "Sheet1!B3:D10", "'North & East'!A1" or "B3". */
export function addressRange(address: string): CellRange {
  const [first, last = first] = address.slice(address.lastIndexOf("!") + 1).split(":");
  const a = parseCell(first);
  const b = parseCell(last);
  return {
    row: Math.min(a.row, b.row),
    col: Math.min(a.col, b.col),
    rows: Math.abs(b.row - a.row) + 1,
    cols: Math.abs(b.col - a.col) + 1,
  };
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
