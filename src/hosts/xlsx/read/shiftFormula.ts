/**
 * A formula moved by (rows, cols), as Excel fills it: relative references move, absolute ones ($A$1) stay. Used for
 * shared formulas, which the file stores once, at the top-left cell of the cells that share them (ECMA-376 Part 1,
 * 18.3.1.40). String literals and function names are left alone.
 */
import { columnLetters } from "../../../workbook/a1";
import { refColumn } from "./cellRef";

const TOKEN =
  /"(?:[^"]|"")*"|'(?:[^']|'')*'!|\[[^\]]*]|(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\w.(!])|(\$?)([A-Z]{1,3}):(\$?)([A-Z]{1,3})(?![\w.(])|(\$?)(\d+):(\$?)(\d+)(?![\w.(])|[A-Za-z_\\][\w.]*/gi;

export function shiftFormula(formula: string, rows: number, cols: number): string {
  if (rows === 0 && cols === 0) return formula;
  return formula.replace(
    TOKEN,
    (
      whole,
      cAbs?: string,
      col?: string,
      rAbs?: string,
      row?: string,
      c1Abs?: string,
      c1?: string,
      c2Abs?: string,
      c2?: string,
      r1Abs?: string,
      r1?: string,
      r2Abs?: string,
      r2?: string,
    ) => {
      if (col !== undefined) return `${cAbs}${moveCol(col, cAbs, cols)}${rAbs}${moveRow(row!, rAbs, rows)}`;
      if (c1 !== undefined) return `${c1Abs}${moveCol(c1, c1Abs, cols)}:${c2Abs}${moveCol(c2!, c2Abs, cols)}`;
      if (r1 !== undefined) return `${r1Abs}${moveRow(r1, r1Abs, rows)}:${r2Abs}${moveRow(r2!, r2Abs, rows)}`;
      return whole;
    },
  );
}

function moveCol(letters: string, abs: string | undefined, by: number): string {
  return abs ? letters : columnLetters(refColumn(letters) + by);
}

function moveRow(row: string, abs: string | undefined, by: number): string {
  return abs ? row : String(Number(row) + by);
}
