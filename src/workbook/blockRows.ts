/** One way to read a BlockWrite's rows, whether the plan gave them as arrays or as a RowSource built on demand. */
import type { BlockWrite, OutCell, RowSource } from "./port";

const isRowSource = (cells: BlockWrite["cells"]): cells is RowSource => !Array.isArray(cells);

/** The block's rows as a RowSource: an array of rows is wrapped (its width is its longest row's). */
export function blockRows(block: BlockWrite): RowSource {
  const { cells } = block;
  if (isRowSource(cells)) return cells;
  return {
    length: cells.length,
    width: cells.reduce((w, r) => Math.max(w, r.length), 0),
    row: (i) => cells[i],
  };
}

/** The cell the block writes at a sheet position, or undefined when it writes none there. */
export function blockCellAt(block: BlockWrite, row: number, col: number): OutCell | undefined {
  const r = row - block.row;
  const c = col - block.col;
  const rows = blockRows(block);
  if (r < 0 || r >= rows.length || c < 0 || c >= rows.width) return undefined;
  return rows.row(r)[c];
}

/** Every row of the block, made now: for a reader that needs them all at once (the Office host's range arrays). */
export function blockCells(block: BlockWrite): readonly (readonly OutCell[])[] {
  const { cells } = block;
  if (!isRowSource(cells)) return cells;
  return Array.from({ length: cells.length }, (_, i) => cells.row(i));
}
