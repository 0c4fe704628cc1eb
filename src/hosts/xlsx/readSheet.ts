/** One worksheet as the port's snapshot: the used range of values and formulas, tables, visibility, protection. */
import type { Row, Worksheet } from "exceljs";
import type { CellValue } from "../../core";
import type { SheetSnapshot, TableSnapshot } from "../../workbook/port";
import { parseRangeRef } from "../../workbook/a1";
import { readCellFormula, readCellValue } from "./cellValues";
import { isProtected, sheetTables } from "./exceljsShapes";

interface Bounds {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function readSheet(ws: Worksheet): SheetSnapshot {
  const bounds = usedBounds(ws);
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  if (bounds) {
    const width = bounds.right - bounds.left + 1;
    for (let r = bounds.top; r <= bounds.bottom; r++) {
      const row = ws.findRow(r);
      const rowValues: CellValue[] = new Array<CellValue>(width).fill(null);
      const rowFormulas: (string | null)[] = new Array<string | null>(width).fill(null);
      if (row) readRow(row, bounds.left, rowValues, rowFormulas);
      values.push(rowValues);
      formulas.push(rowFormulas);
    }
  }
  return {
    name: ws.name,
    visible: ws.state === "visible",
    protected: isProtected(ws),
    top: bounds ? bounds.top - 1 : 0,
    left: bounds ? bounds.left - 1 : 0,
    values,
    formulas,
    tables: readTables(ws),
  };
}

function readRow(row: Row, left: number, values: CellValue[], formulas: (string | null)[]): void {
  row.eachCell((cell, col) => {
    if (col < left || col - left >= values.length) return;
    values[col - left] = readCellValue(cell);
    formulas[col - left] = readCellFormula(cell);
  });
}

/** 1-based bounds of the cells holding something (values, formulas, merges); styles alone do not count. */
function usedBounds(ws: Worksheet): Bounds | null {
  let bounds: Bounds | null = null;
  ws.eachRow((row, r) => {
    row.eachCell((_cell, c) => {
      if (!bounds) bounds = { top: r, left: c, bottom: r, right: c };
      else {
        bounds.top = Math.min(bounds.top, r);
        bounds.bottom = Math.max(bounds.bottom, r);
        bounds.left = Math.min(bounds.left, c);
        bounds.right = Math.max(bounds.right, c);
      }
    });
  });
  return bounds;
}

function readTables(ws: Worksheet): TableSnapshot[] {
  return sheetTables(ws).flatMap(({ name, ref }) => {
    const range = parseRangeRef(ref);
    return range ? [{ name, range }] : [];
  });
}
