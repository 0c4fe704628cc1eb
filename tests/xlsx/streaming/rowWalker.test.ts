/**
 * RowWalker walks a plan's writes row by row without a map of every cell. It must give exactly what the map of every
 * cell gave (the reference below, the writer's former cellWritesOf): for each touched row in order, its cells
 * sorted by column, a later block's content winning, styles stacked in plan order; a row is touched when a block or
 * style range covers it, even with no cell. Rows are wide (up to 40 columns a block) and blocks and ranges overlap, so
 * cells are also added between others, not only at the end. A StyledColumn is read by its index: it must give what
 * its runs as ranges give, and touches every row it spans.
 */
import fc from "fast-check";
import type { CellStyle, OutCell, SheetWrite } from "../../../src/workbook/port";
import { RowWalker } from "../../../src/hosts/xlsx/write/cellWrites";
import { isStyledColumn, styledRanges } from "../../../src/workbook/styleRuns";
import { blockCells } from "../../../src/workbook/blockRows";

function reference(write: SheetWrite): Map<number, Map<number, { out?: OutCell; styles: CellStyle[] }>> {
  const rows = new Map<number, Map<number, { out?: OutCell; styles: CellStyle[] }>>();
  const rowOf = (row: number) => {
    let cols = rows.get(row);
    if (!cols) rows.set(row, (cols = new Map()));
    return cols;
  };
  for (const block of write.blocks) {
    blockCells(block).forEach((cells, r) => {
      const cols = rowOf(block.row + r);
      cells.forEach((out, c) => {
        const cell = cols.get(block.col + c);
        if (cell) cell.out = out;
        else cols.set(block.col + c, { out, styles: [] });
      });
    });
  }
  for (const styled of write.styles) {
    if (isStyledColumn(styled)) for (let r = 0; r < styled.index.length; r++) rowOf(styled.row + r);
  }
  for (const { range, style } of styledRanges(write.styles)) {
    for (let r = range.row; r < range.row + range.rows; r++) {
      const cols = rowOf(r);
      for (let c = range.col; c < range.col + range.cols; c++) {
        const cell = cols.get(c);
        if (!cell) cols.set(c, { styles: [style] });
        else cell.styles.push(style);
      }
    }
  }
  return rows;
}

const STYLES: CellStyle[] = [{ fill: "#00B050" }, { bold: true }, { font: "#FFFFFF", fill: "#C00000" }];
const cell = fc.oneof(
  fc.record({ value: fc.oneof(fc.constantFrom("Green", "Red", null), fc.integer()) }),
  fc.record({ value: fc.integer(), formula: fc.constant("=A1") }),
);
const block = fc.record({
  row: fc.nat(30),
  col: fc.nat(40),
  cells: fc.array(fc.array(cell, { maxLength: 40 }), { maxLength: 8 }),
});
const styled = fc.record({
  range: fc.record({ row: fc.nat(30), col: fc.nat(40), rows: fc.nat(6), cols: fc.nat(40) }),
  style: fc.constantFrom(...STYLES),
});
const styledColumn = fc.record({
  row: fc.nat(30),
  col: fc.nat(40),
  index: fc.array(fc.nat(STYLES.length), { maxLength: 8 }).map((looks) => Uint8Array.from(looks)),
  looks: fc.constant(STYLES),
});
const write = fc.record({
  sheet: fc.constant("S"),
  blocks: fc.array(block, { maxLength: 5 }),
  styles: fc.array(fc.oneof(styled, styledColumn), { maxLength: 8 }),
  conditionalRules: fc.constant([]),
});

describe("RowWalker", () => {
  it("gives every touched row, in order, with the cells the map of every cell gave", () => {
    fc.assert(
      fc.property(write, (w: SheetWrite) => {
        const expected = reference(w);
        const want = [...expected.keys()]
          .sort((a, b) => a - b)
          .map((row) => ({
            row,
            cells: [...expected.get(row)!]
              .sort((a, b) => a[0] - b[0])
              .map(([col, c]) => ({ col, out: c.out, styles: c.styles })),
          }));
        const walker = new RowWalker(w);
        const got: typeof want = [];
        for (let row = walker.nextRow(0); row < Infinity; row = walker.nextRow(row + 1)) {
          got.push({ row, cells: walker.cells(row).map((c) => ({ col: c.col, out: c.out, styles: [...c.styles] })) });
        }
        // Same objects, not copies: the writer writes the plan's own cells.
        const sameOuts = got.every((r, i) => r.cells.every((c, j) => c.out === want[i]?.cells[j]?.out));
        expect({ got, sameOuts }).toEqual({ got: want, sameOuts: true });
        expect(walker.empty).toBe(expected.size === 0);
      }),
      { numRuns: 500 },
    );
  });

  it("gives the extent the map of every cell covers", () => {
    fc.assert(
      fc.property(write, (w: SheetWrite) => {
        const expected = reference(w);
        const extent = new RowWalker(w).extent();
        if (expected.size === 0) return expect(extent).toBeNull();
        const rows = [...expected.keys()];
        const cols = [...expected.values()].flatMap((m) => [...m.keys()]);
        expect(extent).toEqual({
          top: Math.min(...rows),
          bottom: Math.max(...rows),
          left: cols.length ? Math.min(...cols) : Infinity,
          right: cols.length ? Math.max(...cols) : -1,
        });
      }),
      { numRuns: 500 },
    );
  });

  it("refuses rows asked out of order", () => {
    const walker = new RowWalker({ blocks: [{ row: 0, col: 0, cells: [[{ value: 1 }], [{ value: 2 }]] }], styles: [] });
    walker.cells(1);
    expect(() => walker.cells(0)).toThrow(/out of order/);
  });
});
