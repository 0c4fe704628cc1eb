/**
 * One worksheet part as the port's SheetSnapshot. Cells are put into their rows as they stream (one array of values
 * per row that has a cell, a formula array only for a row that has a formula), then the rows are laid out over the
 * used range. Rows without a cell, and the formulas of rows without a formula, share one frozen blank row; and when
 * the used range is far larger than the cells need (one stray cell at XFD1048576), each row is only as long as its
 * last cell (rows without cells are empty): reading past a row's end is blank, as the scan's cell reader already
 * treats it, and a scan that walks a row's cells walks only those present.
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

/** The place of a row still being gathered (finish() replaces it; never written to). */
const EMPTY: CellValue[] = [];

/** Puts `item` at `col` of a row array that starts at column A, keeping it packed (no holes). */
function put<T>(row: (T | null)[], col: number, item: T | null): void {
  if (col < row.length) row[col] = item;
  else {
    while (row.length < col) row.push(null);
    row.push(item);
  }
}

/**
 * The rows that have cells, each as arrays from column A, in the order the sheet gives them. The row being read is
 * gathered in scratch arrays and kept as exact copies when the next row starts (arrays grown by push keep spare
 * room: about twice the memory for a short row); a row the sheet comes back to later is edited in place.
 */
class SheetRows {
  readonly numbers: number[] = [];
  readonly values: CellValue[][] = [];
  readonly formulas: ((string | null)[] | null)[] = [];
  top = Infinity;
  left = Infinity;
  bottom = -1;
  right = -1;
  private currentRow = -1;
  /** Index of the row being read; gathering: its cells are in the scratch arrays, not kept yet. */
  private current = -1;
  private gathering = false;
  private readonly scratchValues: CellValue[] = [];
  private readonly scratchFormulas: (string | null)[] = [];
  private scratchLength = 0;
  private scratchHasFormula = false;
  /** Row number -> index, built only when a row comes back after another (rows out of order). */
  private index: Map<number, number> | null = null;

  add(row: number, col: number, value: CellValue, formula: string | null): void {
    if (row !== this.currentRow) this.select(row);
    if (col < this.left) this.left = col;
    if (col > this.right) this.right = col;
    if (this.gathering) {
      const values = this.scratchValues;
      const formulas = this.scratchFormulas;
      for (let c = this.scratchLength; c < col; c++) {
        values[c] = null;
        formulas[c] = null;
      }
      if (col >= this.scratchLength) this.scratchLength = col + 1;
      values[col] = value;
      formulas[col] = formula;
      if (formula !== null) this.scratchHasFormula = true;
      return;
    }
    const i = this.current;
    put(this.values[i], col, value);
    const formulas = this.formulas[i];
    if (formula !== null) put(formulas ?? (this.formulas[i] = []), col, formula);
    else if (formulas && col < formulas.length) formulas[col] = null;
  }

  /** Keeps the row gathered so far. */
  finish(): void {
    if (!this.gathering) return;
    const length = this.scratchLength;
    this.values[this.current] = this.scratchValues.slice(0, length);
    this.formulas[this.current] = this.scratchHasFormula ? this.scratchFormulas.slice(0, length) : null;
    this.gathering = false;
  }

  private select(row: number): void {
    this.finish();
    this.currentRow = row;
    if (row < this.top) this.top = row;
    if (row > this.bottom) {
      this.bottom = row;
      this.current = this.append(row, EMPTY);
      this.gathering = true;
      this.scratchLength = 0;
      this.scratchHasFormula = false;
      return;
    }
    if (!this.index) this.index = new Map(this.numbers.map((n, i) => [n, i]));
    this.current = this.index.get(row) ?? this.append(row, []);
  }

  private append(row: number, values: CellValue[]): number {
    this.numbers.push(row);
    this.values.push(values);
    this.formulas.push(null);
    const i = this.numbers.length - 1;
    this.index?.set(row, i);
    return i;
  }

  /** Cells inside a merge but not its top-left one read as empty, as Excel shows them. */
  blankCovered(merges: readonly CellRange[]): void {
    if (merges.length === 0) return;
    const covering = coveringMerges(merges);
    for (let i = 0; i < this.numbers.length; i++) {
      const row = this.numbers[i];
      const values = this.values[i];
      const formulas = this.formulas[i];
      for (const m of covering(row)) {
        const end = Math.min(m.col + m.cols, values.length);
        for (let c = m.col; c < end; c++) {
          if (row === m.row && c === m.col) continue;
          values[c] = null;
          if (formulas && c < formulas.length) formulas[c] = null;
        }
      }
    }
  }
}

export function readSnapshot(
  pkg: OoxmlPackage,
  sheet: { name: string; part: string; visible: boolean },
  ctx: SheetContext,
): SheetRead {
  const rows = new SheetRows();
  const bold = new Set<number>();
  const formats = new FormatRuns();
  const { styles } = ctx;
  const extras = readSheetPart(pkg, sheet, ctx, (row, col, value, formula, xf) => {
    if (row < 0 || col < 0) return;
    rows.add(row, col, value, formula);
    if (styles.look(xf).bold) bold.add(cellKey(row, col));
    formats.note(row, col, xf);
  });
  rows.finish();
  let { top, left, bottom, right } = rows;
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
  const snapshot = (
    top: number,
    left: number,
    values: SheetSnapshot["values"],
    formulas: SheetSnapshot["formulas"],
  ): SheetSnapshot => ({
    name: sheet.name,
    visible: sheet.visible,
    protected: extras.protected,
    top,
    left,
    values,
    formulas,
    tables,
  });
  if (bottom < 0) return { snapshot: snapshot(0, 0, [], []), extras, bold, formats };
  rows.blankCovered(extras.merges);
  const width = right - left + 1;
  const height = bottom - top + 1;
  const dense = height * width <= DENSE_LIMIT;
  const blank = blankRows();
  const blankValues = blank(dense ? width : 0) as readonly CellValue[];
  const valueRows: (readonly CellValue[])[] = new Array<readonly CellValue[]>(height).fill(blankValues);
  const formulaRows: (readonly (string | null)[])[] = new Array<readonly (string | null)[]>(height).fill(
    blankValues as readonly null[],
  );
  for (let i = 0; i < rows.numbers.length; i++) {
    const at = rows.numbers[i] - top;
    const values = fromLeft(rows.values[i], left);
    if (dense) while (values.length < width) values.push(null);
    valueRows[at] = values;
    const formulas = rows.formulas[i];
    if (formulas === null) formulaRows[at] = blank(values.length);
    else {
      const laid = fromLeft(formulas, left);
      while (laid.length < values.length) laid.push(null);
      formulaRows[at] = laid;
    }
  }
  // `| 0`: top and left start as Infinity, so V8 holds them as doubles; passed on as they are, every row number
  // derived from them (each table row, outcome and cell position) would be a 16-byte heap number, not a small integer.
  return { snapshot: snapshot(top | 0, left | 0, valueRows, formulaRows), extras, bold, formats };
}

/** A row array from column A, as from column `left`. */
const fromLeft = <T>(row: T[], left: number): T[] => (left === 0 ? row : row.slice(left));

/** Frozen rows of nulls, one per length asked for: every row without a formula shares one. */
function blankRows(): (length: number) => readonly null[] {
  const byLength = new Map<number, readonly null[]>();
  return (length) => {
    let row = byLength.get(length);
    if (!row) byLength.set(length, (row = Object.freeze(new Array<null>(length).fill(null))));
    return row;
  };
}

/** The merges that take in a row: short ones looked up by row, tall ones (more than 64 rows) tested each time. */
function coveringMerges(merges: readonly CellRange[]): (row: number) => readonly CellRange[] {
  const byRow = new Map<number, CellRange[]>();
  const tall: CellRange[] = [];
  for (const m of merges) {
    if (m.rows > 64) tall.push(m);
    else for (let r = m.row; r < m.row + m.rows; r++) byRow.set(r, [...(byRow.get(r) ?? []), m]);
  }
  const none: readonly CellRange[] = [];
  return (row) => {
    const short = byRow.get(row) ?? none;
    if (tall.length === 0) return short;
    const inRow = tall.filter((m) => row >= m.row && row < m.row + m.rows);
    return inRow.length === 0 ? short : [...short, ...inRow];
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
