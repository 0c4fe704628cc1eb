import fc from "fast-check";
import type { CellValue } from "../../src/core/types";
import { applyRules, scanWorkbook } from "../../src/workbook";
import { MemoryPort } from "../support/memoryPort";
import type { MemorySheetInit } from "../support/memoryPort";

const words = [
  "Code",
  "Measure",
  "Period",
  "Quarter",
  "Value",
  "Actual",
  "Target",
  "Aim",
  "Floor",
  "Previous",
  "Status",
  "RAG",
  "Short Trend",
  "Long Trend",
  "Direction of Travel",
  "Outcome",
  "Outcome: Safe",
  "Amber band",
  "Upper target",
];
const data: CellValue[] = [
  "Q1 2020/21",
  "Q2 2020/21",
  "Q4 2019/20",
  "Sep-13",
  "2019/20",
  "12M",
  "??",
  "Max",
  "Minimise",
  "Goldilocks",
  "Sideways",
  "NA",
  "redacted",
  "60-70",
  "Between 60 and 70",
  "5%",
  "off",
  "A1",
  "A1",
  "B2",
  "=SUM(1)",
  "↑",
  new Date(Date.UTC(2013, 8, 1)),
  { error: "#N/A" },
  true,
];
const cell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: fc.constantFrom(...words) },
  { weight: 3, arbitrary: fc.constantFrom(...data) },
  { weight: 2, arbitrary: fc.oneof(fc.integer({ min: -5, max: 200 }), fc.double({ noNaN: false })) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
);

const sheetArb: fc.Arbitrary<MemorySheetInit> = fc
  .record({
    rows: fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 14 }),
    top: fc.nat(3),
    left: fc.nat(3),
    bold: fc.array(fc.constantFrom("A1", "A2", "B3", "A4", "C5"), { maxLength: 3 }),
    table: fc.option(fc.constantFrom("A1:D4", "B2:F6", "A1:A1", "C3:H12"), { nil: undefined }),
    visible: fc.boolean(),
    protected: fc.boolean(),
  })
  .map(({ table, ...s }) => ({ name: "S", ...s, tables: table ? [{ name: "T", ref: table }] : [] }));

/** A header row made of field words over rows of data-like cells: these grids do contain tables. */
const tableLike: fc.Arbitrary<MemorySheetInit> = fc
  .record({
    header: fc.shuffledSubarray([...words, "Q1 2020/21", "Q2 2020/21", "Sep-13", "2012-13 Outturn"], {
      minLength: 2,
      maxLength: 8,
    }),
    rows: fc.array(
      fc.array(fc.oneof(fc.constantFrom(...data), fc.integer({ min: 0, max: 120 })), { minLength: 1, maxLength: 8 }),
      {
        minLength: 1,
        maxLength: 10,
      },
    ),
  })
  .map(({ header, rows }) => ({ name: "S", rows: [["Code", "Target", ...header], ...rows], bold: ["A2"] }));

const A1 = /^[A-Z]+[1-9]\d*$/;

describe("scan and apply on arbitrary grids", () => {
  test("never throw; problems name a real cell; statuses are the four words", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(sheetArb, tableLike), async (sheet) => {
        const port = new MemoryPort({ sheets: [sheet] });
        const report = await scanWorkbook(port);
        for (const p of report.problems) {
          expect(p.cell).toMatch(A1);
          expect(p.message).not.toMatch(/could not read this sheet/);
        }
        for (const m of report.measures) expect(["Green", "Amber", "Red", "NA"]).toContain(m.status);
        await applyRules(port);
      }),
      { numRuns: 300 },
    );
  });

  test("a second apply plans exactly what the first did (idempotent)", async () => {
    let tablesSeen = 0;
    await fc.assert(
      fc.asyncProperty(
        tableLike,
        fc.constantFrom("formulas", "values") as fc.Arbitrary<"formulas" | "values">,
        async (sheet, output) => {
          const port = new MemoryPort({ sheets: [sheet] });
          await applyRules(port, { settings: { output } });
          await applyRules(port, { settings: { output } });
          const [first, second] = port.plans;
          tablesSeen += first.sheets.length;
          expect(second.sheets).toEqual(first.sheets);
          expect(second.state).toEqual(first.state);
          expect({ ...second.ownedSheet, replaces: null }).toEqual(first.ownedSheet);
        },
      ),
      { numRuns: 200 },
    );
    // Most generated grids hold a table, so the property is not vacuous.
    expect(tablesSeen).toBeGreaterThan(100);
  });
});
