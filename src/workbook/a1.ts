/**
 * A1 addresses, the one home for them: the cells problems name, the formulas the operations write, the references
 * ExcelJS hands back (tables, conditional formats) and the addresses Office.js returns (used ranges, tables).
 * Coordinates are 0-based, as in the port. Pure, so both hosts and the pane share it.
 */
import type { CellRange, PageLayout } from "./port";

/** Formulas name the same few columns on every row: remember their letters. */
const LETTERS: string[] = [];

/** 0 -> "A", 25 -> "Z", 26 -> "AA". */
export function columnLetters(col: number): string {
  return (LETTERS[col] ??= lettersOf(col));
}

function lettersOf(col: number): string {
  let n = col + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** "A" -> 0, "z" -> 25, "AA" -> 26. */
export function columnIndex(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

/** (row 4, col 2) -> "C5". */
export function toA1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** A range as "A1:F20" ("A1" for a single cell). */
export function rangeToA1(range: CellRange): string {
  const start = toA1(range.row, range.col);
  if (range.rows === 1 && range.cols === 1) return start;
  return `${start}:${toA1(range.row + range.rows - 1, range.col + range.cols - 1)}`;
}

/** A range as "$A$1:$F$20" ("$A$1" for a single cell): what defined names and chart series hold. */
export function absoluteRangeA1(range: CellRange): string {
  return rangeToA1(range).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
}

/** Whether two ranges are the same cells. */
export function sameRange(a: CellRange, b: CellRange): boolean {
  return a.row === b.row && a.col === b.col && a.rows === b.rows && a.cols === b.cols;
}

/** Whole columns, e.g. "C:C". */
export function columnAddress(col: number): string {
  const letters = columnLetters(col);
  return `${letters}:${letters}`;
}

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

/** The range of an address Office.js returns: "Sheet1!B3:D10", "'North & East'!A1" or "B3". */
export function addressRange(address: string): CellRange {
  const ref = address.slice(address.lastIndexOf("!") + 1);
  const range = parseRangeRef(ref);
  if (!range) throw new Error(`Not a cell address: "${ref}"`);
  return range;
}

export function rangesOverlap(a: CellRange, b: CellRange): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

/** A page's print title rows as Excel names them ("$31:$31"), or null when it repeats none. */
export function printTitleRows(page: PageLayout): string | null {
  if (page.repeatRows <= 0) return null;
  const first = (page.repeatFrom ?? 0) + 1;
  return `$${first}:$${first + page.repeatRows - 1}`;
}
