import { StyledColumnBuilder, isStyledColumn, sameStyle, styledRanges } from "../../src/workbook/styleRuns";
import type { CellStyle } from "../../src/workbook/port";

const red: CellStyle = { fill: "#FFC7CE", font: "#9C0006" };

test("styles equal in fill and font but not in another field are not the same", () => {
  expect(sameStyle(red, { ...red })).toBe(true);
  expect(sameStyle(red, { ...red, bold: true })).toBe(false);
  expect(sameStyle(red, { ...red, italic: true })).toBe(false);
  expect(sameStyle(red, { ...red, numberFormat: "0%" })).toBe(false);
  expect(sameStyle(red, { ...red, wrap: true })).toBe(false);
  expect(sameStyle(red, { ...red, plain: true })).toBe(false);
  expect(sameStyle(red, null)).toBe(false);
  expect(sameStyle(null, null)).toBe(true);
});

function columnOf(col: number, firstRow: number, styles: readonly (CellStyle | null)[]) {
  const builder = new StyledColumnBuilder(col, firstRow, styles.length);
  styles.forEach((style, i) => builder.set(i, style));
  return builder.done();
}

test("a cell differing only in bold is a run of its own, keeping its bold", () => {
  const column = columnOf(7, 1, [red, { ...red }, { ...red, bold: true }, null, red]);
  expect(column.looks).toEqual([red, { ...red, bold: true }]);
  expect([...styledRanges([column])]).toEqual([
    { range: { row: 1, col: 7, rows: 2, cols: 1 }, style: red },
    { range: { row: 3, col: 7, rows: 1, cols: 1 }, style: { ...red, bold: true } },
    { range: { row: 5, col: 7, rows: 1, cols: 1 }, style: red },
  ]);
});

test("style ranges stay as they are, in plan order around a column's runs", () => {
  const bold = { range: { row: 0, col: 7, rows: 1, cols: 1 }, style: { bold: true } };
  const column = columnOf(7, 1, [null, red]);
  expect(isStyledColumn(column)).toBe(true);
  expect(isStyledColumn(bold)).toBe(false);
  expect([...styledRanges([bold, column, bold])]).toEqual([
    bold,
    { range: { row: 2, col: 7, rows: 1, cols: 1 }, style: red },
    bold,
  ]);
});

test("a column with more than 255 looks widens its index to 16 bits and keeps every look", () => {
  const looks: CellStyle[] = Array.from({ length: 300 }, (_, i) => ({ fill: `#${i.toString(16).padStart(6, "0")}` }));
  const column = columnOf(0, 0, looks);
  expect(column.index).toBeInstanceOf(Uint16Array);
  expect([...styledRanges([column])].map((s) => s.style)).toEqual(looks);
});
