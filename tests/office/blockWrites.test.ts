import { planBlock, type RangeWrite } from "../../src/hosts/office/blockWrites";
import { cellInput, needsTextGuard } from "../../src/hosts/office/cellInput";
import type { OutCell } from "../../src/workbook/port";
import { FakeContext, FakeWorkbook } from "./fakeExcel";

const rag = (row1: number): OutCell => ({ value: "Green", formula: `=KPI.RAG(D${row1},E${row1},F${row1})` });

/** Writes the planned range writes through the fake, as the host does, and returns the sheet. */
async function written(writes: readonly RangeWrite[]) {
  const ctx = new FakeContext(new FakeWorkbook([{ name: "S", rows: [] }]));
  const sheet = ctx.workbook.worksheets.getItem("S");
  for (const w of writes) {
    const range = sheet.getRange(
      `${String.fromCharCode(65 + w.range.col)}${w.range.row + 1}:${String.fromCharCode(65 + w.range.col + w.range.cols - 1)}${w.range.row + w.range.rows}`,
    );
    if (w.kind === "fill") range.formulasR1C1 = w.r1c1;
    else range.formulas = w.formulas;
  }
  await ctx.sync();
  return ctx.book.sheet("S");
}

describe("a block of output cells as range writes", () => {
  it("sends a column of one rule as a single R1C1 value", async () => {
    const cells = Array.from({ length: 1000 }, (_, i) => [rag(i + 2)]);
    const writes = planBlock({ row: 1, col: 6, cells }, 1_000_000);
    expect(writes).toEqual([
      { kind: "fill", range: { row: 1, col: 6, rows: 1000, cols: 1 }, r1c1: "=KPI.RAG(RC[-3],RC[-2],RC[-1])" },
    ]);
    const sheet = await written(writes);
    expect(sheet.formula(1, 6)).toBe("=KPI.RAG(D2,E2,F2)");
    expect(sheet.formula(1000, 6)).toBe("=KPI.RAG(D1001,E1001,F1001)");
  });

  it("fills the common rule, then sends only the cells that differ, leaving the others alone", async () => {
    const cells: OutCell[][] = Array.from({ length: 400 }, (_, i) =>
      i % 4 === 3 ? [{ value: "NA" }] : [{ value: "IMP", formula: `=KPI.TREND(D${i + 2},D${i + 3},F${i + 2})` }],
    );
    const writes = planBlock({ row: 1, col: 7, cells }, 1_000_000);
    expect(writes.map((w) => w.kind)).toEqual(["fill", "array"]);
    const array = writes[1];
    // The array starts at the first differing cell (row 5) and carries null wherever the fill is right.
    expect(array.range.row).toBe(4);
    expect(array.kind === "array" && array.formulas.slice(0, 5)).toEqual([["NA"], [null], [null], [null], ["NA"]]);
    const sheet = await written(writes);
    expect(sheet.formula(1, 7)).toBe("=KPI.TREND(D2,D3,F2)");
    expect(sheet.formula(4, 7)).toBeNull();
    expect(sheet.value(4, 7)).toBe("NA");
    expect(sheet.formula(5, 7)).toBe("=KPI.TREND(D6,D7,F6)");
  });

  it("keeps a short or varied block as one plain array", () => {
    const cells: OutCell[][] = [
      [{ value: "Green" }, { value: "IMP" }],
      [{ value: "Red" }, { value: "DET" }],
    ];
    expect(planBlock({ row: 4, col: 2, cells }, 1_000_000)).toEqual([
      {
        kind: "array",
        range: { row: 4, col: 2, rows: 2, cols: 2 },
        formulas: [
          ["Green", "IMP"],
          ["Red", "DET"],
        ],
      },
    ]);
  });

  it("cuts a large array into row chunks under the size given", () => {
    const cells: OutCell[][] = Array.from({ length: 3000 }, (_, i) => [{ value: `text ${i} ${"x".repeat(i % 7)}` }]);
    const writes = planBlock({ row: 0, col: 0, cells }, 20_000);
    expect(writes.length).toBeGreaterThan(2);
    expect(writes.every((w) => w.kind === "array" && JSON.stringify(w.formulas).length <= 20_000)).toBe(true);
    expect(writes.reduce((n, w) => n + w.range.rows, 0)).toBe(3000);
  });

  it("never fills over cells a ragged block leaves out", () => {
    const cells: OutCell[][] = Array.from({ length: 100 }, (_, i) => (i === 50 ? [] : [{ value: "Green" }]));
    const writes = planBlock({ row: 0, col: 0, cells }, 1_000_000);
    expect(writes.every((w) => w.kind === "array")).toBe(true);
  });
});

describe("text that Excel would parse is sent as text", () => {
  it.each(["01", "Sep-13", "TRUE", "-", "=x", "+1", "#N/A", "64% (14 out of 22)", "Q1 2020/21", "'quoted"])(
    "guards %p",
    async (text) => {
      expect(needsTextGuard(text)).toBe(true);
      const sheet = await written(planBlock({ row: 0, col: 0, cells: [[{ value: text }]] }, 1_000_000));
      expect(sheet.value(0, 0)).toBe(text);
      expect(sheet.formula(0, 0)).toBeNull();
    },
  );

  it.each(["Green", "IMP", "↑", "Measures in target (green)", "NA"])("sends %p as it is", (text) => {
    expect(cellInput({ value: text })).toBe(text);
  });

  it("writes numbers as numbers, blanks as empty text (null would leave the cell alone) and formulas as formulas", () => {
    expect(cellInput({ value: 0.5 })).toBe(0.5);
    expect(cellInput({ value: Number.NaN })).toBe("");
    expect(cellInput({ value: null })).toBe("");
    expect(cellInput({ value: "Red", formula: "KPI.RAG(D2,E2,F2)" })).toBe("=KPI.RAG(D2,E2,F2)");
  });
});
