import fc from "fast-check";
import { columnLetters, rangeToA1, toA1 } from "../../src/workbook";
import { addressRange, columnAddress, columnIndex, parseRangeRef } from "../../src/workbook/a1";

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

describe("the one A1 module: parsing what hosts hand back", () => {
  test("parseRangeRef reads what rangeToA1 writes, with or without $", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1048575 }),
        fc.integer({ min: 0, max: 16383 }),
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 1, max: 50 }),
        (row, col, rows, cols) => {
          const range = { row, col, rows: Math.min(rows, 1048576 - row), cols: Math.min(cols, 16384 - col) };
          const a1 = rangeToA1(range);
          expect(parseRangeRef(a1)).toEqual(range);
          expect(parseRangeRef(a1.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2"))).toEqual(range);
          expect(columnIndex(columnLetters(col))).toBe(col);
        },
      ),
    );
  });

  test("addresses as Office.js returns them, and whole columns", () => {
    expect(addressRange("Sheet1!B3:D10")).toEqual({ row: 2, col: 1, rows: 8, cols: 3 });
    expect(addressRange("'North & East'!A1")).toEqual({ row: 0, col: 0, rows: 1, cols: 1 });
    expect(addressRange("b3")).toEqual({ row: 2, col: 1, rows: 1, cols: 1 });
    expect(() => addressRange("Sheet1!R1C1")).toThrow('Not a cell address: "R1C1"');
    expect(columnAddress(2)).toBe("C:C");
    expect(parseRangeRef("A1:")).toBeNull();
  });
});
