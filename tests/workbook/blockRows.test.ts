/** blockRows.ts: one way to read a block's rows, arrays or rows made on demand. */
import { blockCellAt, blockCells, blockRows } from "../../src/workbook/blockRows";
import type { BlockWrite, OutCell, RowSource } from "../../src/workbook/port";

const cell = (value: string | number | null): OutCell => ({ value });

/** A row that fails the test when anything reads it: a lookup must read the row it is asked about, and no other. */
const untouchable = new Proxy([] as OutCell[], {
  get() {
    throw new Error("a row other than the one asked about was read");
  },
});

describe("blockCellAt", () => {
  it("reads one row of an array block, not the others (a chart asks cell by cell)", () => {
    const block: BlockWrite = { row: 10, col: 2, cells: [untouchable, [cell("a"), cell("b")], untouchable] };
    expect(blockCellAt(block, 11, 3)).toEqual(cell("b"));
    expect(blockCellAt(block, 11, 4)).toBeUndefined();
    expect(blockCellAt(block, 9, 3)).toBeUndefined();
    expect(blockCellAt(block, 11, 1)).toBeUndefined();
    expect(blockCellAt(block, 13, 2)).toBeUndefined();
  });

  it("makes one row of a RowSource per lookup, and none outside the block", () => {
    const made: number[] = [];
    const source: RowSource = {
      length: 1000,
      width: 2,
      row: (i) => {
        made.push(i);
        return [cell(i), cell(-i)];
      },
    };
    const block: BlockWrite = { row: 1, col: 0, cells: source };
    expect(blockCellAt(block, 501, 1)).toEqual(cell(-500));
    expect(blockCellAt(block, 1001, 0)).toBeUndefined();
    expect(blockCellAt(block, 1, 2)).toBeUndefined();
    expect(made).toEqual([500]);
  });
});

describe("blockRows and blockCells", () => {
  it("give the same rows for an array block and a RowSource block", () => {
    const rows = [[cell(1), cell(2)], [cell(3)], []];
    const source: RowSource = { length: 3, width: 2, row: (i) => rows[i] };
    expect(blockRows({ row: 0, col: 0, cells: rows })).toMatchObject({ length: 3, width: 2 });
    expect(blockCells({ row: 0, col: 0, cells: source })).toEqual(rows);
  });
});
