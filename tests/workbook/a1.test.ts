import { columnLetters, rangeToA1, toA1 } from "../../src/workbook";

test.each([
  [0, 0, "A1"],
  [4, 2, "C5"],
  [0, 25, "Z1"],
  [9, 26, "AA10"],
  [0, 701, "ZZ1"],
  [0, 702, "AAA1"],
  [1048575, 16383, "XFD1048576"],
])("toA1(%i, %i) = %s", (row, col, a1) => {
  expect(toA1(row, col)).toBe(a1);
});

test("ranges", () => {
  expect(rangeToA1({ row: 2, col: 1, rows: 10, cols: 6 })).toBe("B3:G12");
  expect(rangeToA1({ row: 0, col: 0, rows: 1, cols: 1 })).toBe("A1");
  expect(columnLetters(27)).toBe("AB");
});
