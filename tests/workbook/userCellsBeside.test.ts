/**
 * Scorecard writes only the cells it owns (README): the output columns it adds right of a table never replace a
 * user's value or formula there, in either host. A formula counts even when it has no cached result (files saved by
 * scripts), where the cell's value reads blank. When the columns have no room the report names the cell instead.
 */
import fc from "fast-check";
import type { CellValue } from "../../src/core/types";
import { toA1 } from "../../src/workbook/a1";
import { applyRules } from "../../src/workbook";
import { MemoryPort } from "../support/memoryPort";
import { inspected, opened, xlsxWorkbook } from "../xlsx/xlsxFixtures";

const HEADER = ["Code", "Measure", "Period", "Value", "Target", "Aim"];
/** A long table adds Status, Short Trend and Long Trend: columns G, H, I. */
const ADDED = 3;

interface Case {
  readonly rows: CellValue[][];
  /** The user's cell: 0-based sheet row and column, right of the table. */
  readonly row: number;
  readonly col: number;
  readonly formula: string | null;
  readonly value: number;
}

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    data: fc.array(
      fc.record({
        value: fc.integer({ min: 0, max: 100 }),
        target: fc.integer({ min: 0, max: 100 }),
        aim: fc.constantFrom("Max", "Min"),
        quarter: fc.constantFrom("Q1 2024/25", "Q2 2024/25"),
      }),
      { minLength: 1, maxLength: 5 },
    ),
    rowPick: fc.nat(),
    colOffset: fc.integer({ min: 0, max: ADDED + 1 }),
    isFormula: fc.boolean(),
    value: fc.integer({ min: 1, max: 999 }),
  })
  .map(({ data, rowPick, colOffset, isFormula, value }) => {
    const rows: CellValue[][] = [
      HEADER,
      ...data.map((d, i) => [`M${i % 2}`, "m", d.quarter, d.value, d.target, d.aim]),
    ];
    const lastRow = rows.length - 1;
    return {
      rows,
      // A value in the header row joins the header (a column of the table); a formula there does not.
      row: isFormula ? rowPick % (lastRow + 1) : 1 + (rowPick % lastRow),
      col: HEADER.length + colOffset,
      formula: isFormula ? `=SUM(D2:D${lastRow + 1})` : null,
      value,
    };
  });

const userA1 = (c: Case): string => toA1(c.row, c.col);
/** The user's cell sits where the added columns would go (header row to last data row). */
const inTheWay = (c: Case): boolean => c.col < HEADER.length + ADDED;

function expectedProblem(c: Case) {
  return expect.objectContaining({ sheet: "S", cell: userA1(c), message: expect.stringMatching(/^No room for/) });
}

describe("a user's cell beside a table is never overwritten", () => {
  test("in-memory host (the plan both hosts write)", async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const port = new MemoryPort({ sheets: [{ name: "S", rows: c.rows }] });
        const cell = port.sheet("S").cells;
        // The port's cells are keyed "row,col"; a formula cell without a cached result has a null value.
        cell.set(`${c.row},${c.col}`, { value: c.formula ? null : c.value, formula: c.formula, style: {} });
        const report = await applyRules(port);
        const after = port.cell("S", userA1(c));
        expect(after.formula).toBe(c.formula);
        expect(after.value).toBe(c.formula ? null : c.value);
        if (inTheWay(c)) {
          expect(report.problems).toContainEqual(expectedProblem(c));
          if (userA1(c) !== "G1") expect(port.value("S", "G1")).toBeNull();
        } else {
          expect(port.value("S", "G1")).toBe("Status");
        }
      }),
      { numRuns: 150 },
    );
  });

  test(".xlsx host", async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const workbook = await xlsxWorkbook([{ name: "S", rows: c.rows }]);
        const ws = workbook.getWorksheet("S")!;
        ws.getCell(userA1(c)).value = c.formula ? { formula: c.formula.slice(1) } : c.value;
        const host = await opened(workbook);
        const report = await applyRules(host);
        const out = (await inspected(host)).getWorksheet("S")!;
        expect(out.getCell(userA1(c)).value).toEqual(c.formula ? { formula: c.formula.slice(1) } : c.value);
        if (inTheWay(c)) expect(report.problems).toContainEqual(expectedProblem(c));
        if (userA1(c) !== "G1") expect(out.getCell("G1").value).toBe(inTheWay(c) ? null : "Status");
      }),
      { numRuns: 30 },
    );
  });

  test("the new-user recipe: a SUM formula in H2 beside a table ending at F1 stays, and the report names H2", async () => {
    const port = new MemoryPort({
      sheets: [{ name: "Place", rows: [HEADER, ["P1", "p", "Q2 2024/25", 0.94, 0.95, "Max"]] }],
    });
    port.sheet("Place").cells.set("1,7", { value: null, formula: "=SUM(D2:D14)", style: {} });
    const report = await applyRules(port);
    expect(port.cell("Place", "H2").formula).toBe("=SUM(D2:D14)");
    expect(port.value("Place", "H2")).toBeNull();
    expect(report.problems).toContainEqual(expect.objectContaining({ sheet: "Place", cell: "H2" }));
  });
});
