/**
 * A sheet write as the cells it touches, row by row, each with its new content and the styles laid over it. The
 * rows are walked in order straight from the plan's blocks and style writes (a StyledColumn read by its row index,
 * never expanded to runs): only the row being written has objects of its own, so a million-row plan costs no map of
 * every cell.
 */
import { blockRows } from "../../../workbook/blockRows";
import type { CellStyle, OutCell, RowSource, SheetWrite, StyledColumn, StyledRange } from "../../../workbook/port";
import { isStyledColumn } from "../../../workbook/styleRuns";

export interface CellWrite {
  readonly col: number;
  out?: OutCell;
  /** In the order the plan gives them; NO_STYLES (shared) until a style is added. */
  styles: readonly CellStyle[];
}

const NO_STYLES: readonly CellStyle[] = Object.freeze([]);

/** Where column `col` is, or goes, in cells sorted by column: checked at the end first, where most cells go. */
function slot(cells: readonly CellWrite[], col: number): number {
  let hi = cells.length;
  if (hi === 0 || cells[hi - 1].col < col) return hi;
  let lo = 0;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cells[mid].col < col) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function insertAt(cells: CellWrite[], at: number, cell: CellWrite): void {
  if (at === cells.length) cells.push(cell);
  else cells.splice(at, 0, cell);
}

/** A block or a style range, with the rows it covers and its place in the plan (later ones win / lie on top). */
interface Source {
  readonly start: number;
  readonly end: number;
  readonly order: number;
  /** A block's rows (blockRows.ts) and its first column. */
  readonly block?: { readonly rows: RowSource; readonly col: number };
  readonly styled?: StyledRange;
  readonly column?: StyledColumn;
}

export interface Extent {
  readonly top: number;
  readonly bottom: number;
  /** Infinity / -1 when no cell is written (only rows are touched). */
  readonly left: number;
  readonly right: number;
}

/**
 * Walks the rows a write touches in increasing order: `nextRow(from)` finds the next one, `cells(row)` gives its
 * writes sorted by column (blocks first, a later block's content winning; then the style ranges in plan order).
 * A row is touched when a block or a style range covers it, even with no cell in it. Rows must be asked in
 * increasing order.
 */
export class RowWalker {
  private readonly sources: Source[] = [];
  private next = 0;
  private active: Source[] = [];
  private at = -1;
  private readonly single = new Map<CellStyle, readonly CellStyle[]>();

  constructor(write: Pick<SheetWrite, "blocks" | "styles">) {
    write.blocks.forEach((block, i) => {
      const rows = blockRows(block);
      if (rows.length > 0)
        this.sources.push({
          start: block.row,
          end: block.row + rows.length,
          order: i,
          block: { rows, col: block.col },
        });
    });
    const blocks = write.blocks.length;
    write.styles.forEach((styled, i) => {
      if (isStyledColumn(styled)) {
        const { row, index } = styled;
        if (index.length > 0)
          this.sources.push({ start: row, end: row + index.length, order: blocks + i, column: styled });
      } else if (styled.range.rows > 0) {
        const { row, rows } = styled.range;
        this.sources.push({ start: row, end: row + rows, order: blocks + i, styled });
      }
    });
    this.sources.sort((a, b) => a.start - b.start || a.order - b.order);
  }

  get empty(): boolean {
    return this.sources.length === 0;
  }

  /** The first touched row at or after `from`, or Infinity. */
  nextRow(from: number): number {
    this.advance(from);
    if (this.active.length > 0) return from;
    return this.next < this.sources.length ? this.sources[this.next].start : Infinity;
  }

  /** The writes in `row`, sorted by column (empty for a row no write touches or one touched with no cells). */
  cells(row: number): CellWrite[] {
    this.advance(row);
    // Kept in column order as cells are added (sources give their columns left to right, so nearly every cell goes
    // at the end): no sort and no map per row, which cost ~90 MB of garbage on 40,000 rows.
    const cells: CellWrite[] = [];
    for (const source of this.active) {
      if (source.block) {
        const { block } = source;
        const outs = block.rows.row(row - source.start);
        for (let c = 0; c < outs.length; c++) {
          const out = outs[c];
          if (out === undefined) continue;
          const col = block.col + c;
          const at = slot(cells, col);
          if (at < cells.length && cells[at].col === col) cells[at].out = out;
          else insertAt(cells, at, { col, out, styles: NO_STYLES });
        }
      } else if (source.styled) {
        const { range, style } = source.styled;
        for (let col = range.col; col < range.col + range.cols; col++) this.addStyle(cells, col, style);
      } else if (source.column) {
        const { index, looks, row: top, col } = source.column;
        const look = index[row - top];
        if (look > 0) this.addStyle(cells, col, looks[look - 1]);
      }
    }
    return cells;
  }

  private addStyle(cells: CellWrite[], col: number, style: CellStyle): void {
    const at = slot(cells, col);
    if (at < cells.length && cells[at].col === col) {
      const cell = cells[at];
      cell.styles = cell.styles === NO_STYLES ? this.only(style) : [...cell.styles, style];
    } else insertAt(cells, at, { col, styles: this.only(style) });
  }

  /** [style], one shared list per style: most cells get a single style, and a plan reuses its style objects. */
  private only(style: CellStyle): readonly CellStyle[] {
    let list = this.single.get(style);
    if (!list) this.single.set(style, (list = Object.freeze([style])));
    return list;
  }

  /** The rows and columns the write covers (for the sheet's dimension), or null when it touches nothing. */
  extent(): Extent | null {
    if (this.sources.length === 0) return null;
    let top = Infinity;
    let bottom = -1;
    let left = Infinity;
    let right = -1;
    for (const { start, end, block, styled, column } of this.sources) {
      top = Math.min(top, start);
      bottom = Math.max(bottom, end - 1);
      if (block) {
        if (block.rows.width === 0) continue;
        left = Math.min(left, block.col);
        right = Math.max(right, block.col + block.rows.width - 1);
      } else if (styled && styled.range.cols > 0) {
        left = Math.min(left, styled.range.col);
        right = Math.max(right, styled.range.col + styled.range.cols - 1);
      } else if (column && column.index.some((look) => look > 0)) {
        left = Math.min(left, column.col);
        right = Math.max(right, column.col);
      }
    }
    return { top, bottom, left, right };
  }

  private advance(row: number): void {
    if (row < this.at) throw new Error(`rows walked out of order (${row + 1} after ${this.at + 1})`);
    this.at = row;
    let changed = false;
    if (this.active.some((s) => s.end <= row)) this.active = this.active.filter((s) => s.end > row);
    while (this.next < this.sources.length && this.sources[this.next].start <= row) {
      const source = this.sources[this.next++];
      if (source.end > row) {
        this.active.push(source);
        changed = true;
      }
    }
    if (changed && this.active.length > 1) this.active.sort((a, b) => a.order - b.order);
  }
}
