/** A1 addresses for messages and formulas. Coordinates are 0-based, as in the port. */
import type { CellRange } from "./port";

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
