/**
 * F20 in the Office.js host: a sheet AutoFilter over exactly the measure table grows with the Status and trend
 * columns (AutoFilter.apply), read in the syncs the read already makes, so an apply costs no extra sync. A filter
 * that is not exactly the table, or whose criteria hide rows, is left alone.
 */
import { OfficeWorkbook } from "../../src/hosts/office";
import { applyRules } from "../../src/workbook";
import type { CellRange } from "../../src/workbook/port";
import type { MemorySheetInit } from "../support/memoryPort";
import { fakeContext } from "../support/officeFixtures";

const FILT = {
  name: "Filt",
  rows: [
    ["Code", "Measure", "Period", "Value", "Target", "Aim"],
    ["M1", "One", "Q1 2020/21", 10, 12, "Maximise"],
    ["M1", "One", "Q2 2020/21", 13, 12, "Maximise"],
    ["M2", "Two", "Q1 2020/21", 5, 4, "Minimise"],
    ["M2", "Two", "Q2 2020/21", 3, 4, "Minimise"],
  ],
};

const range = (cols: number, rows = 5): CellRange => ({ row: 0, col: 0, rows, cols });

/** The table with an empty "RAG" column G, which becomes its Status column (new-user trial 2, F4). */
const WITH_RAG = { ...FILT, rows: FILT.rows.map((row, r) => [...row, r === 0 ? "RAG" : null]) };

async function appliedWith(filter: { range: CellRange; filtered: boolean } | null, sheet: MemorySheetInit = FILT) {
  const ctx = fakeContext([sheet]);
  ctx.book.sheet("Filt").autoFilter = filter;
  await applyRules(new OfficeWorkbook(ctx));
  return ctx;
}

describe("a sheet AutoFilter over the measure table, Office.js (F20)", () => {
  test("exactly the table: grows to A1:I5, in the syncs an apply makes anyway", async () => {
    const ctx = await appliedWith({ range: range(6), filtered: false });
    expect(ctx.book.sheet("Filt").autoFilter).toEqual({ range: range(9), filtered: false });
    const without = await appliedWith(null);
    expect(ctx.syncCount).toBe(without.syncCount);
    expect(ctx.syncs.flatMap((s) => s.actions).filter((a) => a === "AutoFilter.apply")).toHaveLength(1);
  });

  test.each([
    ["not the table's columns", { range: range(5), filtered: false }],
    ["not the table's rows", { range: range(6, 4), filtered: false }],
    ["criteria hide rows (applying would reset them)", { range: range(6), filtered: true }],
  ])("%s: left alone", async (_, filter) => {
    const ctx = await appliedWith(filter);
    expect(ctx.book.sheet("Filt").autoFilter).toEqual(filter);
    expect(ctx.syncs.flatMap((s) => s.actions)).not.toContain("AutoFilter.apply");
  });

  test.each([6, 7, 8])(
    "a reused RAG column: a filter over A1 and %i columns (inputs, and outputs right of them) grows to A1:I5",
    async (cols) => {
      const ctx = await appliedWith({ range: range(cols), filtered: false }, WITH_RAG);
      expect(ctx.book.sheet("Filt").autoFilter).toEqual({ range: range(9), filtered: false });
    },
  );

  test.each([5, 10])("a reused RAG column: a filter over A1 and %i columns is left alone", async (cols) => {
    const filter = { range: range(cols), filtered: false };
    const ctx = await appliedWith(filter, WITH_RAG);
    expect(ctx.book.sheet("Filt").autoFilter).toEqual(filter);
  });
});
