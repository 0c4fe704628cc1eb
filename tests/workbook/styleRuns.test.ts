import { colourRuns, sameStyle } from "../../src/workbook/styleRuns";
import type { CellStyle, StyledRange } from "../../src/workbook/port";

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

test("a cell differing only in bold is a run of its own, keeping its bold", () => {
  const into: StyledRange[] = [];
  colourRuns(7, 1, [red, { ...red }, { ...red, bold: true }, null, red], into);
  expect(into).toEqual([
    { range: { row: 1, col: 7, rows: 2, cols: 1 }, style: red },
    { range: { row: 3, col: 7, rows: 1, cols: 1 }, style: { ...red, bold: true } },
    { range: { row: 5, col: 7, rows: 1, cols: 1 }, style: red },
  ]);
});
