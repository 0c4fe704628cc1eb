/**
 * One worksheet part as the port's SheetSnapshot. Cells are gathered as they stream (four parallel arrays: memory
 * in proportion to the cells present), then laid out over the used range. Rows without a cell share one blank row,
 * and when the used range is far larger than the cells need (one stray cell at XFD1048576), each row is only as long
 * as its last cell (rows without cells are empty): reading past a row's end is blank, as the scan's cell reader
 * already treats it, and a scan that walks a row's cells walks only those present.
 */
import type { CellValue } from "../../../core/types";
import type { CellRange, SheetSnapshot, TableSnapshot } from "../../../workbook/port";
import type { OoxmlPackage } from "../package/OoxmlPackage";
import { readSheetPart, type SheetContext, type SheetExtras } from "./sheetReader";
import { readTables } from "./tables";
import { FormatRuns } from "./formatRuns";

/** Past this many slots (used range rows × columns), rows are laid out ragged instead of rectangular. */
const DENSE_LIMIT = 16_000_000;

export interface SheetRead {
  readonly snapshot: SheetSnapshot;
  readonly extras: SheetExtras;
  /** Cells whose style is bold, as row * 16384 + col. */
  readonly bold: ReadonlySet<number>;
  /** Each cell's style index, compactly, for readNumberFormats. */
  readonly formats: FormatRuns;
}

export const cellKey = (row: number, col: number): number => row * 16384 + col;

export function readSnapshot(
  pkg: OoxmlPackage,
  sheet: { name: string; part: string; visible: boolean },
  ctx: SheetContext,
): SheetRead {
  const rows: number[] = [];
  const cols: number[] = [];
  const values: CellValue[] = [];
  const formulas: (string | null)[] = [];
  const bold = new Set<number>();
  const formats = new FormatRuns();
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  const extras = readSheetPart(pkg, sheet, ctx, (row, col, value, formula, xf) => {
    if (row < 0 || col < 0) return;
    rows.push(row);
    cols.push(col);
    values.push(value);
    formulas.push(formula);
    if (row < top) top = row;
    if (row > bottom) bottom = row;
    if (col < left) left = col;
    if (col > right) right = col;
    if (ctx.styles.look(xf).bold) bold.add(cellKey(row, col));
    formats.note(row, col, xf);
  });
  // A merge counts as used (its covered cells read as blank), as Excel's used range takes it in.
  for (const m of extras.merges) {
    top = Math.min(top, m.row);
    left = Math.min(left, m.col);
    bottom = Math.max(bottom, m.row + m.rows - 1);
    right = Math.max(right, m.col + m.cols - 1);
  }
  // A totals row is no measure: the table the scan sees ends at its last data row.
  const tables: TableSnapshot[] = readTables(pkg, sheet.part).map(({ name, range, totalsRows }) => ({
    name,
    range: { ...range, rows: range.rows - totalsRows },
  }));
  if (bottom < 0) {
    return {
      snapshot: {
        name: sheet.name,
        visible: sheet.visible,
        protected: extras.protected,
        top: 0,
        left: 0,
        values: [],
        formulas: [],
        tables,
      },
      extras,
      bold,
      formats,
    };
  }
  const width = right - left + 1;
  const height = bottom - top + 1;
  const rowEnds = new Map<number, number>();
  for (let i = 0; i < rows.length; i++) rowEnds.set(rows[i], Math.max(rowEnds.get(rows[i]) ?? 0, cols[i] - left + 1));
  const dense = height * width <= DENSE_LIMIT;
  const blankValues: readonly CellValue[] = Object.freeze(new Array<CellValue>(dense ? width : 0).fill(null));
  const blankFormulas: readonly (string | null)[] = Object.freeze(
    new Array<string | null>(dense ? width : 0).fill(null),
  );
  const valueRows: (readonly CellValue[])[] = new Array<readonly CellValue[]>(height).fill(blankValues);
  const formulaRows: (readonly (string | null)[])[] = new Array<readonly (string | null)[]>(height).fill(blankFormulas);
  for (const [row, end] of rowEnds) {
    const length = dense ? width : end;
    valueRows[row - top] = new Array<CellValue>(length).fill(null);
    formulaRows[row - top] = new Array<string | null>(length).fill(null);
  }
  const covered = coveredCells(extras.merges);
  for (let i = 0; i < rows.length; i++) {
    if (covered(rows[i], cols[i])) continue;
    (valueRows[rows[i] - top] as CellValue[])[cols[i] - left] = values[i];
    (formulaRows[rows[i] - top] as (string | null)[])[cols[i] - left] = formulas[i];
  }
  return {
    snapshot: {
      name: sheet.name,
      visible: sheet.visible,
      protected: extras.protected,
      top,
      left,
      values: valueRows,
      formulas: formulaRows,
      tables,
    },
    extras,
    bold,
    formats,
  };
}

/** A test for "inside a merge but not its top-left cell": Excel shows such cells as empty. */
export function coveredCells(merges: readonly CellRange[]): (row: number, col: number) => boolean {
  if (merges.length === 0) return () => false;
  const byRow = new Map<number, CellRange[]>();
  const tall: CellRange[] = [];
  for (const m of merges) {
    if (m.rows > 64) tall.push(m);
    else for (let r = m.row; r < m.row + m.rows; r++) byRow.set(r, [...(byRow.get(r) ?? []), m]);
  }
  const inside = (m: CellRange, row: number, col: number) =>
    row >= m.row && row < m.row + m.rows && col >= m.col && col < m.col + m.cols && (row !== m.row || col !== m.col);
  return (row, col) => (byRow.get(row) ?? []).some((m) => inside(m, row, col)) || tall.some((m) => inside(m, row, col));
}
