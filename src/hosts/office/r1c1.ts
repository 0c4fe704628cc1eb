/**
 * A1 formulas to relative R1C1 notation. The same rule written down a column (`=KPI.RAG(E5,D5,G5)`,
 * `=KPI.RAG(E6,D6,G6)`, …) is one R1C1 text (`=KPI.RAG(RC[-2],RC[-3],RC[-1])`), which lets the host
 * send a whole run of such cells as a single value instead of one string per cell.
 */
import { columnIndex } from "../../workbook/a1";

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

const CELL_REF = /^(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})/;
const COLUMN_SPAN = /^(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})/;
const ROW_SPAN = /^(\$?)(\d{1,7}):(\$?)(\d{1,7})/;
const NAME = /^[A-Za-z_\\][A-Za-z0-9_.\\?]*/;
const NUMBER = /^\d+(\.\d*)?([eE][+-]?\d+)?/;
/** Characters that continue a name: a reference followed by one of these is part of a longer name. */
const NAME_CHAR = /[A-Za-z0-9_.\\?]/;

/**
 * Rewrites `formula` (A1 notation, English function names) as it reads from the 0-based cell (row, col).
 * Strings, sheet names, structured references and names pass through unchanged.
 */
export function toR1C1(formula: string, row: number, col: number): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const rest = formula.slice(i);
    const ch = formula[i];
    if (ch === '"') {
      const end = closingQuote(formula, i, '"');
      out += formula.slice(i, end);
      i = end;
    } else if (ch === "'") {
      // Quoted sheet name: copied as it is; the reference after its "!" is still rewritten.
      const end = closingQuote(formula, i, "'");
      out += formula.slice(i, end);
      i = end;
    } else if (ch === "[") {
      const end = closingBracket(formula, i);
      out += formula.slice(i, end);
      i = end;
    } else if (ch === "#") {
      // Error literal such as #REF! or #N/A: never a reference.
      const match = /^#[A-Za-z0-9/]+[!?]?/.exec(rest);
      const text = match ? match[0] : ch;
      out += text;
      i += text.length;
    } else {
      const token = reference(rest, row, col);
      if (token) {
        out += token.r1c1;
        i += token.length;
        continue;
      }
      const name = NAME.exec(rest) ?? NUMBER.exec(rest);
      const text = name ? name[0] : ch;
      out += text;
      i += text.length;
    }
  }
  return out;
}

function reference(text: string, row: number, col: number): { r1c1: string; length: number } | null {
  const span = COLUMN_SPAN.exec(text);
  if (span && endsToken(text, span[0].length)) {
    const from = columnNumber(span[2]);
    const to = columnNumber(span[4]);
    if (from <= MAX_COL && to <= MAX_COL) {
      return { r1c1: `${colPart(span[1], from, col)}:${colPart(span[3], to, col)}`, length: span[0].length };
    }
  }
  const rows = ROW_SPAN.exec(text);
  if (rows && endsToken(text, rows[0].length)) {
    const from = Number(rows[2]);
    const to = Number(rows[4]);
    if (from >= 1 && to >= 1 && from <= MAX_ROW && to <= MAX_ROW) {
      return { r1c1: `${rowPart(rows[1], from, row)}:${rowPart(rows[3], to, row)}`, length: rows[0].length };
    }
  }
  const cell = CELL_REF.exec(text);
  if (cell && endsToken(text, cell[0].length) && text[cell[0].length] !== "(") {
    const c = columnNumber(cell[2]);
    const r = Number(cell[4]);
    if (c <= MAX_COL && r >= 1 && r <= MAX_ROW) {
      return { r1c1: rowPart(cell[3], r, row) + colPart(cell[1], c, col), length: cell[0].length };
    }
  }
  return null;
}

/** A reference must not run on into a longer name (`LOG10(`, `A1B`, `Sheet1!`). */
function endsToken(text: string, length: number): boolean {
  const next = text[length];
  return next === undefined || (!NAME_CHAR.test(next) && next !== "!" && next !== "(");
}

/** 1-based column number of "A".."XFD". */
function columnNumber(letters: string): number {
  return columnIndex(letters) + 1;
}

function rowPart(dollar: string, row1: number, at0: number): string {
  if (dollar) return `R${row1}`;
  const offset = row1 - 1 - at0;
  return offset === 0 ? "R" : `R[${offset}]`;
}

function colPart(dollar: string, col1: number, at0: number): string {
  if (dollar) return `C${col1}`;
  const offset = col1 - 1 - at0;
  return offset === 0 ? "C" : `C[${offset}]`;
}

/** Index just past the quote that closes the one at `start` (a doubled quote is an escaped quote). */
function closingQuote(text: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === quote) {
      if (text[i + 1] === quote) i += 2;
      else return i + 1;
    } else i += 1;
  }
  return text.length;
}

function closingBracket(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i += 1) {
    if (text[i] === "'" && text[i + 1] !== undefined) {
      i += 1; // "'" escapes the next character inside a structured reference
    } else if (text[i] === "[") depth += 1;
    else if (text[i] === "]") {
      depth -= 1;
      if (depth === 0) return i + 1;
    }
  }
  return text.length;
}
