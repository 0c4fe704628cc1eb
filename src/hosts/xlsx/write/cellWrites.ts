/** A sheet write as the cells it touches, row by row, each with its new content and the styles laid over it. */
import type { CellStyle, OutCell, SheetWrite } from "../../../workbook/port";

export interface CellWrite {
  out?: OutCell;
  /** In the order the plan gives them; NO_STYLES (shared) until a style is added. */
  styles: readonly CellStyle[];
}

const NO_STYLES: readonly CellStyle[] = Object.freeze([]);

/** Row -> column -> write. */
export type SheetCellWrites = Map<number, Map<number, CellWrite>>;

export function cellWritesOf(write: SheetWrite): SheetCellWrites {
  const rows: SheetCellWrites = new Map();
  // Blocks and style ranges go row by row: the row's map is looked up once per row, not once per cell.
  const rowOf = (row: number): Map<number, CellWrite> => {
    let cols = rows.get(row);
    if (!cols) rows.set(row, (cols = new Map()));
    return cols;
  };
  for (const block of write.blocks) {
    block.cells.forEach((cells, r) => {
      const cols = rowOf(block.row + r);
      cells.forEach((out, c) => {
        const cell = cols.get(block.col + c);
        if (cell) cell.out = out;
        else cols.set(block.col + c, { out, styles: NO_STYLES });
      });
    });
  }
  for (const { range, style } of write.styles) {
    for (let r = range.row; r < range.row + range.rows; r++) {
      const cols = rowOf(r);
      for (let c = range.col; c < range.col + range.cols; c++) {
        const cell = cols.get(c);
        if (!cell) cols.set(c, { styles: [style] });
        else cell.styles = cell.styles === NO_STYLES ? [style] : [...cell.styles, style];
      }
    }
  }
  return rows;
}
