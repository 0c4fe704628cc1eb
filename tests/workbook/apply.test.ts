import { HyperFormula } from "hyperformula";
import type { RawCellContent } from "hyperformula";
import { applyRules, scanWorkbook } from "../../src/workbook";
import { passBlanksAsZero, registerKpiFunctions } from "../support/kpiHyperFormula";
import { MemoryPort } from "../support/memoryPort";
import type { MemorySheetInit } from "../support/memoryPort";
import { CONTRACT_EXAMPLES, HEADER, medwaySheet } from "./fixtures";

/** Sorted by period, codes interleaved: each measure's history rows are not next to each other. */
const interleaved: MemorySheetInit = {
  name: "ByPeriod",
  rows: [
    HEADER,
    ["A", "a", "Q1 2020/21", 10, 12, "Max"],
    ["B", "b", "Q1 2020/21", 5, 4, "Min"],
    ["A", "a", "Q2 2020/21", 11, 12, "Max"],
    ["B", "b", "Q2 2020/21", "n/a", 4, "Min"],
    ["A", "a", "Q3 2020/21", 12, 12, "Max"],
    ["B", "b", "Q3 2020/21", 4, 4, "Min"],
  ],
};

/** Two-cell Goldilocks targets, a band column (blank = the sheet's band), a floor column. */
const ranges: MemorySheetInit = {
  name: "Ranges",
  rows: [
    ["Code", "Period", "Value", "Target", "Upper target", "Aim", "Amber band", "Floor"],
    ["G1", "Q1 2020/21", 72, 60, 70, "Goldilocks", null, null],
    ["G1", "Q2 2020/21", 66, 60, 70, "Goldilocks", "off", null],
    ["G1", "Q3 2020/21", 57.5, 60, 70, "Goldilocks", 0.05, null],
    ["M1", "Q1 2020/21", 75, 80, null, "Max", null, 70],
    ["M1", "Q2 2020/21", 69, 80, null, "Max", "10%", 70],
    ["M1", "Q3 2020/21", 79, 80, null, "Max", null, null],
  ],
};

/** A wide table whose period columns are not side by side (a comment column between). */
const wide: MemorySheetInit = {
  name: "Wide",
  rows: [
    ["Code", "Target", "Aim", "Apr-13", "May-13", "Note", "Jun-13", "Jul-13", "Aug-13"],
    ["W1", 10, "Min", 12, 11, "x", 11, 9, 10.4],
    ["W2", "60 to 70", "Goldilocks", 50, 55, null, 58, 62, null],
  ],
};

/** Targets as reports write them (SPEC §3): aims implied by the target, strict figures, a range with a note. */
const worded: MemorySheetInit = {
  name: "Worded",
  rows: [
    HEADER,
    ["A", "a", "Q1 2020/21", 0.94, "≥ 95%", null],
    ["A", "a", "Q2 2020/21", 0.96, "≥ 95%", null],
    ["B", "b", "Q1 2020/21", 12, "No more than 10", null],
    ["B", "b", "Q2 2020/21", 10, "< 10", null],
    ["C", "c", "Q1 2020/21", 70, "Between 65 and 73 Mid-point 69.0", "Goldilocks"],
    ["C", "c", "Q2 2020/21", 75, "60–70 (national average 65)", "Goldilocks"],
    ["D", "d", "Q1 2020/21", 5, "Increase", null],
    ["D", "d", "Q2 2020/21", 6, "Increase", null],
    ["E", "e", "Q1 2020/21", 0.9, "At least 95%", "Minimise"],
  ],
};

/** Blank values, targets, floors, bands and history cells: a blank must never reach the functions as 0. */
const withBlanks: MemorySheetInit = {
  name: "Blanks",
  rows: [
    ["Code", "Period", "Value", "Target", "Aim", "Amber band", "Floor"],
    ["B1", "Q1 2020/21", 90, 100, "Max", null, null],
    ["B1", "Q2 2020/21", null, 100, "Max", null, null],
    ["B1", "Q3 2020/21", 96, 100, "Max", null, 90],
    ["B1", "Q4 2020/21", 0, 100, "Max", 0.1, null],
    ["B2", "Q1 2020/21", 4, 5, "Min", null, null],
    ["B2", "Q2 2020/21", 6, null, "Min", null, null],
    ["B2", "Q3 2020/21", 5, ">= 4", null, null, null],
  ],
};

/** Excel errors in each field: the value NA is written, and a formula reading the same cells gives NA too. */
const errors: MemorySheetInit = {
  name: "Errors",
  rows: [
    [...HEADER, "Amber band", "Floor"],
    ["A", "a", "Q1 2020/21", { error: "#DIV/0!" }, 10, "Max", null, null],
    ["B", "b", "Q1 2020/21", 9, { error: "#N/A" }, "Max", null, null],
    ["C", "c", "Q1 2020/21", 9, 10, { error: "#N/A" }, null, null],
    ["D", "d", "Q1 2020/21", 9, 10, "Max", { error: "#DIV/0!" }, null],
    ["E", "e", "Q1 2020/21", 9, 10, "Max", null, { error: "#N/A" }],
    ["E", "e", "Q2 2020/21", 11, 10, "Max", null, 8],
  ],
};

/** The formula HyperFormula evaluates to an error value, as a broken workbook would hold it. */
const ERROR_FORMULA: Record<string, string> = { "#DIV/0!": "=1/0", "#N/A": "=NA()" };

describe("formulas", () => {
  test("a row with an Excel error keeps its formula, which reads the error cell and gives NA", async () => {
    const port = new MemoryPort({ sheets: [errors] });
    await applyRules(port);
    expect(port.cell("Errors", "I2")).toMatchObject({
      value: "NA",
      formula: '=KPI.RAG(IF(D2="","",D2),IF(E2="","",E2),F2,0.05,IF(H2="","",H2))',
    });
    expect(port.cell("Errors", "I5")).toMatchObject({
      value: "NA",
      formula: '=KPI.RAG(IF(D5="","",D5),IF(E5="","",E5),F5,IF(G5="","",G5),IF(H5="","",H5))',
    });
  });

  test("an aim implied by the target: KPI.RAG reads it from the target, trend formulas are given the target", async () => {
    const port = new MemoryPort({ sheets: [worded] });
    const report = await applyRules(port);
    expect(port.cell("Worded", "G3")).toMatchObject({
      value: "Green",
      formula: '=KPI.RAG(IF(D3="","",D3),IF(E3="","",E3),IF(F3="","",F3))',
    });
    expect(port.cell("Worded", "H3").formula).toBe(
      '=KPI.TREND(IF(D3="","",D3),IF(D2="","",D2),IF(F3="","",F3),IF(E3="","",E3))',
    );
    expect(port.cell("Worded", "G5")).toMatchObject({
      value: "Amber",
      formula: '=KPI.RAG(IF(D5="","",D5),IF(E5="","",E5),IF(F5="","",F5))',
    });
    expect(port.cell("Worded", "H9")).toMatchObject({
      value: "IMP",
      formula: '=KPI.TREND(IF(D9="","",D9),IF(D8="","",D8),IF(F9="","",F9),IF(E9="","",E9))',
    });
    // The contradicting aim is the value NA (a formula would be #VALUE!) with its problem.
    expect(port.cell("Worded", "G10")).toMatchObject({ value: "NA", formula: null });
    expect(report.problems.map((p) => p.cell)).toEqual(["F10"]);
  });

  test("long trends over scattered history rows read them through FILTER on the code (new-user finding F21)", async () => {
    const port = new MemoryPort({ sheets: [interleaved] });
    await applyRules(port);
    expect(port.cell("ByPeriod", "I6").formula).toBe(
      '=KPI.LONGTREND(IF(D6="","",D6),FILTER(IF(D2:D4="","",D2:D4),A2:A4=A6),F6)',
    );
    expect(port.cell("ByPeriod", "H6").formula).toBe('=KPI.TREND(IF(D6="","",D6),IF(D4="","",D4),F6)');
    // B's previous periods: 5 and "n/a", which the function skips as the add-in does.
    expect(port.cell("ByPeriod", "I7").formula).toBe(
      '=KPI.LONGTREND(IF(D7="","",D7),FILTER(IF(D3:D5="","",D3:D5),A3:A5=A7),F7)',
    );
    expect(port.value("ByPeriod", "I7")).toBe("IMP");
    // A first period has nothing to compare with: the value NA, no formula.
    expect(port.cell("ByPeriod", "H2")).toMatchObject({ value: "NA", formula: null });
  });

  test("scattered history rows not in period order (newest first) get a literal array of their figures", async () => {
    const [header, ...rows] = interleaved.rows;
    const port = new MemoryPort({ sheets: [{ name: "Newest", rows: [header, ...rows.reverse()] }] });
    await applyRules(port);
    // A's Q3 is row 3; its earlier quarters are rows 5 and 7, below it, where FILTER would read them newest first.
    expect(port.cell("Newest", "I3").formula).toBe('=KPI.LONGTREND(IF(D3="","",D3),{10,11},F3)');
    expect(port.cell("Newest", "I2").formula).toBe('=KPI.LONGTREND(IF(D2="","",D2),{5},F2)');
  });

  test("two-cell targets, band and floor cells, scattered period columns", async () => {
    const port = new MemoryPort({ sheets: [ranges, wide] });
    await applyRules(port);
    expect(port.cell("Ranges", "I3").formula).toBe(
      '=KPI.RAG(IF(C3="","",C3),IF(D3:E3="","",D3:E3),F3,IF(G3="","",G3),IF(H3="","",H3))',
    );
    expect(port.cell("Ranges", "I2").formula).toBe(
      '=KPI.RAG(IF(C2="","",C2),IF(D2:E2="","",D2:E2),F2,0.05,IF(H2="","",H2))',
    );
    expect(port.cell("Ranges", "I6").formula).toBe(
      '=KPI.RAG(IF(C6="","",C6),IF(D6:E6="","",D6:E6),F6,IF(G6="","",G6),IF(H6="","",H6))',
    );
    expect(port.cell("Ranges", "J4").formula).toBe(
      '=KPI.TREND(IF(C4="","",C4),IF(C3="","",C3),F4,IF(D4:E4="","",D4:E4))',
    );
    expect(port.cell("Ranges", "K4").formula).toBe(
      '=KPI.LONGTREND(IF(C4="","",C4),IF(C2:C3="","",C2:C3),F4,IF(D4:E4="","",D4:E4))',
    );
    expect(port.cell("Wide", "L2").formula).toBe('=KPI.LONGTREND(IF(I2="","",I2),{12,11,11,9},C2)');
    expect(port.cell("Wide", "L3").formula).toBe('=KPI.LONGTREND(IF(H3="","",H3),{50,55,58},C3,IF(B3="","",B3))');
    expect(port.cell("Wide", "K3").formula).toBe('=KPI.TREND(IF(H3="","",H3),IF(G3="","",G3),C3,IF(B3="","",B3))');
  });

  test("the sheet's amber band goes into KPI.RAG when it is not the default", async () => {
    const port = new MemoryPort({ sheets: [{ ...interleaved }] });
    await applyRules(port, { settings: { sheetBands: { ByPeriod: 0 } } });
    expect(port.cell("ByPeriod", "G2").formula).toBe('=KPI.RAG(IF(D2="","",D2),IF(E2="","",E2),F2,0)');
    expect(port.value("ByPeriod", "G4")).toBe("Red");
  });

  test("an unknown aim gets the value NA (a formula would show #VALUE!) and a problem", async () => {
    const port = new MemoryPort({
      sheets: [{ name: "S", rows: [HEADER, ["X", "x", "Q1 2020/21", 1, 1, "Sideways"]] }],
    });
    const report = await applyRules(port);
    expect(port.cell("S", "G2")).toMatchObject({ value: "NA", formula: null });
    expect(report.problems).toContainEqual({
      sheet: "S",
      cell: "F2",
      message: `Unknown aim "Sideways": the status is NA.`,
    });
  });

  // Both ways Excel passes an empty cell to a custom function: null (web), 0 (some desktop builds, office-js#4702).
  test.each([
    ["blank", false],
    ["0", true],
  ])(
    "every written formula recalculates to the value written with it (HyperFormula running KPI.*, blanks passed as %s)",
    async (_, zero) => {
      registerKpiFunctions();
      passBlanksAsZero(zero);
      for (const sheets of [
        CONTRACT_EXAMPLES,
        [medwaySheet()],
        [interleaved],
        [ranges],
        [wide],
        [worded],
        [withBlanks],
        [errors],
      ]) {
        for (const trendLabels of ["words", "arrows"] as const) {
          const port = new MemoryPort({ sheets });
          await applyRules(port, { summary: false, settings: { trendLabels } });
          const name = sheets[0].name;
          const grid: RawCellContent[][] = port.grid(name).map((row, r) =>
            row.map((value, c) => {
              const cell = port.sheet(name).cells.get(`${r},${c}`);
              const error = typeof value === "object" && value !== null && "error" in value ? value.error : null;
              return (cell?.formula ?? (error === null ? value : ERROR_FORMULA[error])) as RawCellContent;
            }),
          );
          // Array arithmetic, as in Excel with dynamic arrays: IF(C2:C3="","",C2:C3) is a range of results.
          const hf = HyperFormula.buildFromArray(grid, { licenseKey: "gpl-v3", useArrayArithmetic: true });
          let checked = 0;
          for (const [key, cell] of port.sheet(name).cells) {
            if (cell.formula === null) continue;
            const [row, col] = key.split(",").map(Number);
            expect([key, hf.getCellValue({ sheet: 0, row, col })]).toEqual([key, cell.value]);
            checked++;
          }
          expect(checked).toBeGreaterThanOrEqual(4);
          hf.destroy();
        }
      }
    },
  );
});

describe("values", () => {
  test("values mode writes plain words and static fills", async () => {
    const port = new MemoryPort({ sheets: CONTRACT_EXAMPLES });
    await applyRules(port, { settings: { output: "values" } });
    expect(port.cell("Examples", "H2")).toMatchObject({ value: "Amber", formula: null });
    expect(port.cell("Examples", "H2").style).toMatchObject({ fill: "#FFEB9C", font: "#9C5700" });
    expect(port.cell("Examples", "H12").style).toMatchObject({ fill: "#D9D9D9", font: "#3A3A3A" });
    expect(port.cell("Examples", "I2")).toMatchObject({ value: "DET", formula: null, style: { fill: "#FFC7CE" } });
    const formulas = [...port.sheet("Examples").cells.values()].filter((c) => c.formula !== null);
    expect(formulas).toEqual([]);
  });

  test("colours: expression rules per output column, never 'text contains'", async () => {
    const port = new MemoryPort({ sheets: CONTRACT_EXAMPLES });
    await applyRules(port);
    const rules = port.sheet("Examples").rules;
    expect(rules.filter((r) => r.range.col === 7).map((r) => r.formula)).toEqual([
      `=$H2="Green"`,
      `=$H2="Amber"`,
      `=$H2="Red"`,
      `=$H2="NA"`,
    ]);
    expect(rules.find((r) => r.formula === `=$H2="Red"`)).toMatchObject({
      range: { row: 1, col: 7, rows: 11, cols: 1 },
      style: { fill: "#FFC7CE", font: "#9C0006" },
    });
    expect(rules.filter((r) => r.range.col === 8).map((r) => r.formula)).toEqual([
      `=$I2="IMP"`,
      `=$I2="DET"`,
      `=$I2="STATIC"`,
      `=$I2="NA"`,
    ]);
  });
});

describe("re-running", () => {
  test("the plan of a second run equals the first, and nothing is added twice", async () => {
    const sheets = [...CONTRACT_EXAMPLES, medwaySheet(), interleaved];
    const port = new MemoryPort({ sheets });
    const first = await applyRules(port);
    const after = port.sheets.map((s) => port.dump(s.name));
    const second = await applyRules(port);
    const [plan1, plan2] = port.plans;
    // The only difference: the second run replaces the summary sheet the first one created.
    expect(plan1.ownedSheet?.replaces).toBeNull();
    expect(plan2.ownedSheet?.replaces).toBe("Scorecard Summary");
    expect({ ...plan2, ownedSheet: { ...plan2.ownedSheet, replaces: null } }).toEqual(plan1);
    expect(port.sheets.map((s) => port.dump(s.name))).toEqual(after);
    expect(port.sheets.map((s) => s.name)).toEqual(["Examples", "Notes", "People", "ByPeriod", "Scorecard Summary"]);
    expect(first.columnsAdded).toBe(9);
    expect(second.columnsAdded).toBe(0);
    expect(second.rowsRated).toBe(first.rowsRated);
    expect(port.sheets.map((s) => s.rules.length)).toEqual([12, 0, 12, 12, 0]);
  });

  test("switching to values and back gives the first workbook again", async () => {
    const port = new MemoryPort({ sheets: [medwaySheet()] });
    await applyRules(port);
    const formulas = port.dump("People");
    await applyRules(port, { settings: { output: "values" } });
    expect(port.dump("People")).not.toEqual(formulas);
    await applyRules(port);
    expect(port.dump("People")).toEqual(formulas);
  });

  test("existing output columns are reused, even in another order, and keep their headers", async () => {
    const port = new MemoryPort({
      sheets: [
        {
          name: "S",
          rows: [
            ["Code", "Long Trend", "Measure", "Period", "Value", "Target", "Aim", "RAG Rating", "Short term trend"],
            ["A", "old", "a", "Q1 2020/21", 3, 4, "Max", "old", "old"],
            ["A", "old", "a", "Q2 2020/21", 5, 4, "Max", "old", "old"],
          ],
        },
      ],
    });
    const report = await applyRules(port, { settings: { output: "values" } });
    expect(report.columnsAdded).toBe(0);
    expect(port.grid("S")[0]).toEqual([
      "Code",
      "Long Trend",
      "Measure",
      "Period",
      "Value",
      "Target",
      "Aim",
      "RAG Rating",
      "Short term trend",
    ]);
    expect(port.grid("S")[2]).toEqual(["A", "IMP", "a", "Q2 2020/21", 5, 4, "Max", "Green", "IMP"]);
    expect(port.sheet("S").widths.size).toBe(0);
  });
});

describe("what is never touched", () => {
  test("every cell outside the output columns and the summary sheet is unchanged", async () => {
    const sheets = [...CONTRACT_EXAMPLES, medwaySheet()];
    const port = new MemoryPort({ sheets });
    const before = new Map(port.sheets.map((s) => [s.name, port.dump(s.name)]));
    await applyRules(port);
    const outputCols: Record<string, number[]> = { Examples: [7, 8, 9], Notes: [], People: [6, 7, 8] };
    for (const [name, cells] of before) {
      const after = port.dump(name);
      for (const [key, dump] of cells) expect([name, key, after.get(key)]).toEqual([name, key, dump]);
      for (const key of after.keys()) {
        const col = Number(key.split(",")[1]);
        if (!cells.has(key)) expect([name, key, outputCols[name].includes(col)]).toEqual([name, key, true]);
      }
    }
  });

  test("a protected sheet is left alone with a notice; the others are still written", async () => {
    const port = new MemoryPort({
      sheets: [
        { name: "Locked", rows: [HEADER, ["L", "l", "Q1 2020/21", 1, 2, "Max"]], protected: true },
        { name: "Open", rows: [HEADER, ["O", "o", "Q1 2020/21", 1, 2, "Max"]] },
      ],
    });
    const report = await applyRules(port);
    expect(report.notices).toContain(
      `Sheet "Locked" is protected, so its statuses were not written. Unprotect it and run again.`,
    );
    expect(port.value("Locked", "G1")).toBeNull();
    expect(port.value("Open", "G2")).toBe("Red");
    expect(report.measures.map((m) => m.code)).toEqual(["L", "O"]);
    expect(report.writeProblems).toEqual([]);
  });

  test("only the sheets asked for get output columns; the summary still covers all", async () => {
    const port = new MemoryPort({
      sheets: [
        { name: "One", rows: [HEADER, ["A", "a", "Q1 2020/21", 1, 2, "Max"]] },
        { name: "Two", rows: [HEADER, ["B", "b", "Q1 2020/21", 1, 2, "Max"]] },
      ],
    });
    const report = await applyRules(port, { sheets: ["two"] });
    expect(port.value("One", "G1")).toBeNull();
    expect(port.value("Two", "G1")).toBe("Status");
    expect(report.summary.map((s) => s.sheet)).toEqual(["One", "Two"]);
  });

  test("scanWorkbook writes nothing", async () => {
    const port = new MemoryPort({ sheets: CONTRACT_EXAMPLES });
    await scanWorkbook(port);
    expect(port.calls.write).toBe(0);
  });
});
