/**
 * What to hand Office.js for one written cell. Office.js parses strings the way Excel parses typing:
 * "=…", "+…" and "-…" become formulas, "01" a number, "Sep-13" a date, "TRUE" a boolean, "#N/A" an error.
 * Text that could be read that way is sent with a leading apostrophe, which Excel keeps as "this is
 * text" and never shows.
 */
import type { OutCell } from "../../workbook/port";

export type CellInput = string | number;

const FORMULA_OR_ERROR_START = /^[=+\-'@#]/;
const BOOLEAN = /^\s*(true|false)\s*$/i;
const DIGIT = /\d/;

/** Without a digit, a formula sign, an error sign or a boolean word, Excel keeps a string as typed. */
export function needsTextGuard(text: string): boolean {
  return FORMULA_OR_ERROR_START.test(text) || DIGIT.test(text) || BOOLEAN.test(text);
}

function textInput(text: string): string {
  return needsTextGuard(text) ? `'${text}` : text;
}

/** A blank cell is written as "" (null would mean "leave this cell alone" to Office.js). */
export function cellInput(cell: OutCell): CellInput {
  if (cell.formula !== undefined) return cell.formula.startsWith("=") ? cell.formula : `=${cell.formula}`;
  if (cell.value === null) return "";
  if (typeof cell.value === "number") return Number.isFinite(cell.value) ? cell.value : "";
  return textInput(cell.value);
}
