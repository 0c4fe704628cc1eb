/** A sheet write as the cells it touches, row by row, each with its new content and the styles laid over it. */
import type { CellStyle, OutCell, SheetWrite } from "../../../workbook/port";

export interface CellWrite {
  out?: OutCell;
  readonly styles: CellStyle[];
}

/** Row -> column -> write, rows ascending once sorted by the caller. */
export type SheetCellWrites = Map<number, Map<number, CellWrite>>;

export function cellWritesOf(write: SheetWrite): SheetCellWrites {
  const rows: SheetCellWrites = new Map();
  const at = (row: number, col: number): CellWrite => {
    let cols = rows.get(row);
    if (!cols) rows.set(row, (cols = new Map()));
    let cell = cols.get(col);
    if (!cell) cols.set(col, (cell = { styles: [] }));
    return cell;
  };
  for (const block of write.blocks) {
    block.cells.forEach((cells, r) => cells.forEach((out, c) => (at(block.row + r, block.col + c).out = out)));
  }
  for (const { range, style } of write.styles) {
    for (let r = range.row; r < range.row + range.rows; r++) {
      for (let c = range.col; c < range.col + range.cols; c++) at(r, c).styles.push(style);
    }
  }
  return rows;
}
