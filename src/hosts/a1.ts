/** A1 references as 0-based ranges: those ExcelJS hands back (table and conditional-format refs), those Office.js
 * returns (used-range and table addresses) and the cells problems name. Pure, so both hosts and the pane share it. */
import type { CellRange } from "../workbook/port";

/** "B3:F20" or "$B$3" -> 0-based range; null if it is not a plain A1 reference. */
export function parseRangeRef(ref: string): CellRange | null {
  const match = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(ref.trim());
  if (!match) return null;
  const [, c1, r1, c2 = c1, r2 = r1] = match;
  const [colA, colB] = [columnIndex(c1), columnIndex(c2)];
  const [rowA, rowB] = [Number(r1) - 1, Number(r2) - 1];
  return {
    row: Math.min(rowA, rowB),
    col: Math.min(colA, colB),
    rows: Math.abs(rowB - rowA) + 1,
    cols: Math.abs(colB - colA) + 1,
  };
}

function columnIndex(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

export function rangesOverlap(a: CellRange, b: CellRange): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}
