/**
 * Where a formula can read a long-table measure's figures live (`--formulas`): the SPC series up to a row and the
 * long trend's window of earlier periods. A measure's rows that follow one another in the sheet are a plain range.
 * When other measures' rows sit between (a table sorted by period), `FILTER(values, keys = key)` picks the
 * measure's rows, provided the sheet has them in period order (FILTER keeps sheet order, and a series is read
 * oldest first) and nothing else in the span passes for the key: Excel's `=` compares text without case, an error
 * in a key cell makes FILTER an error, and the measure's own undated or repeated rows are not in its history. A
 * series no formula can read is left to the caller to write as values.
 */
import type { CellValue } from "../../core";
import type { CellAt, CellSeries } from "../evaluate";
import type { TableContext } from "./tableContext";

/** A key cell that Excel's `=` may find equal to any key, or that makes the comparison an error. */
const ANY = "any";

/**
 * A key cell as Excel's `=` might match it: text without case (and, wider than Excel, without accents, so a match is
 * never missed), numbers by value; null for a blank, which equals no text and no number but 0.
 */
function looseKey(raw: CellValue): string | null {
  if (raw === null || raw === undefined || raw === "") return null;
  if (typeof raw === "string") return `s${raw.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase()}`;
  if (typeof raw === "number") return `n${raw}`;
  if (typeof raw === "boolean") return `b${raw}`;
  return ANY; // an error, or a date (a number to Excel)
}

/** A key a formula can compare with: text, or a number other than 0 (which a blank cell equals). */
const referenceable = (raw: CellValue): boolean =>
  (typeof raw === "string" && raw !== "") || (typeof raw === "number" && raw !== 0 && Number.isFinite(raw));

interface KeyColumn {
  /** Table rows by loose key, in sheet order. */
  readonly rows: Map<string, number[]>;
  /** Rows whose key cell is an error or a date: any FILTER over them is suspect. */
  readonly any: number[];
}

/** The table's key columns, each indexed once and only when a measure's rows are interleaved with others'. */
export class KeyIndex {
  private readonly columns = new Map<number, KeyColumn>();

  constructor(private readonly ctx: TableContext) {}

  /** The first table row (under the header) that a span anchored at the table's top starts from. */
  get firstRow(): number {
    return this.ctx.table.headerRow + 1;
  }

  read(row: number, col: number): CellValue {
    return this.ctx.read(row, col);
  }

  /** Rows of the table whose cell in `col` Excel may find equal to `key`, in sheet order. */
  matches(col: number, key: CellValue): number[] {
    const column = this.column(col);
    const loose = looseKey(key);
    const same = loose === null || loose === ANY ? [] : (column.rows.get(loose) ?? []);
    if (column.any.length === 0) return same;
    return [...same, ...column.any].sort((a, b) => a - b);
  }

  private column(col: number): KeyColumn {
    let column = this.columns.get(col);
    if (column) return column;
    column = { rows: new Map(), any: [] };
    for (let row = this.firstRow; row <= this.ctx.table.lastRow; row++) {
      const loose = looseKey(this.ctx.read(row, col));
      if (loose === null) continue;
      if (loose === ANY) {
        column.any.push(row);
        continue;
      }
      const list = column.rows.get(loose);
      if (list) list.push(row);
      else column.rows.set(loose, [row]);
    }
    this.columns.set(col, column);
    return column;
  }
}

/** How many entries of a sorted list are at most `row`. */
function countUpTo(sorted: readonly number[], row: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= row) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many entries of a sorted list lie in rows `from`..`to`. */
const countIn = (sorted: readonly number[], from: number, to: number): number =>
  countUpTo(sorted, to) - countUpTo(sorted, from - 1);

/** One measure's history rows (period order) as cells a formula can read. */
export class MeasureCells {
  /** rows[0..ordered) increase: the sheet has them in period order. */
  private readonly ordered: number;
  /** rows[k] = rows[0] + k for k < contiguous: one block of the sheet. */
  private readonly contiguous: number;
  /** The history's rows in sheet order: a span must hold none but the ones its formula is for. */
  private readonly sorted: readonly number[];
  private keyed: { readonly col: number; readonly intruders: readonly number[]; readonly start: number } | null = null;
  private keyedDone = false;
  private readonly valueCol: number;
  /** The history's rows in period order. */
  private readonly rows: readonly number[];
  /**
   * Cells handed out, by sheet row: the history's own value cells, and any other made once. Every series of the
   * measure starts at the same cell and each row's ends at its own, so a million-row table keeps its value cells and
   * no more.
   */
  private readonly cells: Map<number, CellAt>;

  /**
   * `valueCells`: the history's value cells (one column), oldest period first; `keyCols`: the column each row's key
   * (code, else name) was read from.
   */
  constructor(
    private readonly index: KeyIndex,
    valueCells: readonly CellAt[],
    private readonly keyCols: readonly (number | undefined)[],
  ) {
    const rows = valueCells.map((cell) => cell.row);
    this.rows = rows;
    this.cells = new Map(valueCells.map((cell) => [cell.row, cell]));
    this.valueCol = valueCells[0]?.col ?? 0;
    let ordered = rows.length === 0 ? 0 : 1;
    while (ordered < rows.length && rows[ordered] > rows[ordered - 1]) ordered++;
    let contiguous = ordered === 0 ? 0 : 1;
    while (contiguous < ordered && rows[contiguous] === rows[0] + contiguous) contiguous++;
    this.ordered = ordered;
    this.contiguous = contiguous;
    this.sorted = [...rows].sort((a, b) => a - b);
  }

  /** The figures of history[0..k], oldest first: the SPC series of row k. */
  series(k: number): CellSeries | null {
    if (k < this.contiguous) return { kind: "range", from: this.at(this.rows[0]), to: this.at(this.rows[k]) };
    const keyed = this.keyedRows();
    if (keyed === null || !this.picks(keyed, keyed.start, 0, k)) return null;
    return this.filter(keyed.col, keyed.start, k, keyed.start === this.index.firstRow);
  }

  /** The figures of history[from..k-1] (the long trend's earlier periods) through FILTER, or null. */
  window(from: number, k: number): CellSeries | null {
    const keyed = this.keyedRows();
    if (keyed === null || !this.picks(keyed, this.rows[from], from, k - 1)) return null;
    return this.filter(keyed.col, this.rows[from], k - 1, false, k);
  }

  /**
   * Whether FILTER on the key over sheet rows `start`..rows[last] gives exactly history[first..last] in period order:
   * those rows increase down the sheet, and the span holds no other row of the measure (a later period above an
   * earlier one) and no row that passes for its key.
   */
  private picks(keyed: NonNullable<MeasureCells["keyed"]>, start: number, first: number, last: number): boolean {
    const end = this.rows[last];
    return (
      last < this.ordered &&
      countIn(this.sorted, start, end) === last - first + 1 &&
      countIn(keyed.intruders, start, end) === 0
    );
  }

  private at(row: number): CellAt {
    let cell = this.cells.get(row);
    if (!cell) this.cells.set(row, (cell = { row, col: this.valueCol }));
    return cell;
  }

  /** FILTER over sheet rows `start`..rows[last], by the key cell of row rows[keyAt]. */
  private filter(col: number, start: number, last: number, anchored: boolean, keyAt = last): CellSeries {
    return {
      kind: "filter",
      from: this.at(start),
      to: this.at(this.rows[last]),
      keyCol: col,
      key: { row: this.rows[keyAt], col },
      anchored,
    };
  }

  /**
   * The key column and the rows a FILTER on the key would pick wrongly (other rows passing for the key, error
   * cells), once per measure; null when the measure's rows do not share one key cell value in one column.
   * `start`: where a series' span begins.
   */
  private keyedRows() {
    if (this.keyedDone) return this.keyed;
    this.keyedDone = true;
    const col = this.keyCols[0];
    if (col === undefined || this.keyCols.some((c) => c !== col)) return null;
    const read = (row: number) => this.index.read(row, col);
    const key = read(this.rows[0]);
    if (!referenceable(key) || this.rows.some((row) => read(row) !== key)) return null;
    const own = new Set(this.rows);
    const intruders = this.index.matches(col, key).filter((row) => !own.has(row));
    // From the table's top unless a wrong row, or a later period of the measure, lies above its first period.
    const above = Math.min(intruders[0] ?? Infinity, this.sorted[0]) < this.rows[0];
    const start = above ? this.rows[0] : this.index.firstRow;
    this.keyed = { col, intruders, start };
    return this.keyed;
  }
}
