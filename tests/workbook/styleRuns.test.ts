import fc from "fast-check";
import { StyledColumnBuilder, isStyledColumn, sameStyle, styleKey, styledRanges } from "../../src/workbook/styleRuns";
import type { CellStyle } from "../../src/workbook/port";
import { StyleWriter } from "../../src/hosts/xlsx/write/styleWriter";

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

/** Styles from a few values per field, text holding the characters a joined key could confuse. */
const anyStyle: fc.Arbitrary<CellStyle> = fc.record(
  {
    fill: fc.constantFrom("#FFC7CE", "#C6EFCE", 'a|"b'),
    font: fc.constantFrom("#9C0006", "#006100", "a", 'a|"b'),
    bold: fc.boolean(),
    italic: fc.boolean(),
    numberFormat: fc.constantFrom("0%", '"|"0', "0|true", "General"),
    wrap: fc.boolean(),
    plain: fc.constant(true as const),
  },
  { requiredKeys: [] },
);

test("styleKey is equal exactly when sameStyle is: every field counts, no two fields' texts run together", () => {
  fc.assert(
    fc.property(anyStyle, anyStyle, (a, b) => {
      expect(styleKey(a) === styleKey(b)).toBe(sameStyle(a, b));
    }),
  );
});

test("the .xlsx writer gives a cell style of its own to styles differing in any one field (its cache keys on styleKey)", () => {
  const styles = new StyleWriter(null);
  const variants: CellStyle[] = [
    red,
    { ...red, bold: true },
    { ...red, italic: true },
    { ...red, numberFormat: "0%" },
    { ...red, wrap: true },
    // (plain under a fill and a font writes red's own xf: the fill and font replace the cleared ones.)
    { ...red, fill: "#C6EFCE" },
    { ...red, font: "#006100" },
  ];
  const xfs = variants.map((style) => styles.cellXf(0, style));
  expect(new Set(xfs).size).toBe(variants.length);
  // A copy of a style (another object, the same fields) is the same cell style.
  expect(styles.cellXf(0, { ...red, wrap: true })).toBe(xfs[4]);
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
