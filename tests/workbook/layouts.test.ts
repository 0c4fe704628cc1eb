import { applyRules, scanWorkbook } from "../../src/workbook";
import type { MeasureReport, ScanReport } from "../../src/workbook";
import { MemoryPort } from "../support/memoryPort";
import type { MemorySheetInit } from "../support/memoryPort";
import { HEADER } from "./fixtures";

const scan = (...sheets: MemorySheetInit[]): Promise<ScanReport> => scanWorkbook(new MemoryPort({ sheets }));
const measure = (report: ScanReport, code: string): MeasureReport | undefined =>
  report.measures.find((m) => m.code === code);

const historyRows = [
  ["AB1", "Visits", "Q2 2020/21", 96, 100, "Maximise"],
  ["AB1", "Visits", "Q1 2020/21", 90, 100, "Maximise"],
  ["AB1", "Visits", "Q4 2019/20", 99, 90, "Maximise"],
  ["AB1", "Visits", "Q3 2019/20", 98, 100, "Maximise"],
  ["AB1", "Visits", "Q2 2019/20", 97, 100, "Maximise"],
  ["AB1", "Visits", "Q1 2019/20", 10, 100, "Maximise"],
];

describe("long layout", () => {
  test("the latest period is current; trends compare with the previous periods in time", async () => {
    const report = await scan({ name: "S", rows: [HEADER, ...historyRows] });
    expect(report.sheets[0].tables).toEqual([{ address: "A1:F7", layout: "long", measures: 1, rows: 6 }]);
    // Q2 2020/21 96 vs Q1 90: IMP; vs mean(90, 99, 98, 97) = 96: STATIC (Q1 2019/20 is the fifth, not counted).
    expect(measure(report, "AB1")).toMatchObject({
      period: "Q2 2020/21",
      value: 96,
      target: 100,
      status: "Amber",
      shortTrend: "IMP",
      longTrend: "STATIC",
      group: null,
      cell: "G2",
    });
  });

  test("oldest-first and shuffled sheets give the same result as newest-first", async () => {
    const newest = measure(await scan({ name: "S", rows: [HEADER, ...historyRows] }), "AB1");
    const oldest = measure(await scan({ name: "S", rows: [HEADER, ...[...historyRows].reverse()] }), "AB1");
    const shuffled = [2, 5, 0, 3, 1, 4].map((i) => historyRows[i]);
    const mixed = measure(await scan({ name: "S", rows: [HEADER, ...shuffled] }), "AB1");
    expect(oldest).toEqual({ ...newest, cell: "G7" });
    expect(mixed).toEqual({ ...newest, cell: "G4" });
  });

  test("each past row is rated with its own target, never today's", async () => {
    const port = new MemoryPort({ sheets: [{ name: "S", rows: [HEADER, ...historyRows] }] });
    await applyRules(port, { settings: { output: "values" } });
    // Q4 2019/20: 99 against its own target 90 is Green (against today's 100 it would be Amber).
    expect(port.value("S", "G4")).toBe("Green");
    expect(port.value("S", "G3")).toBe("Red");
  });

  test("an unparseable period: that row's trends are NA with a reason, and it is not sorted in", async () => {
    const rows = [HEADER, ...historyRows.slice(0, 2), ["AB1", "Visits", "Spring", 50, 100, "Maximise"]];
    const port = new MemoryPort({ sheets: [{ name: "S", rows }] });
    const report = await applyRules(port, { settings: { output: "values" } });
    expect(measure(report, "AB1")).toMatchObject({ period: "Q2 2020/21", shortTrend: "IMP" });
    expect(port.value("S", "H4")).toBe("NA");
    expect(port.value("S", "I4")).toBe("NA");
    expect(port.value("S", "G4")).toBe("Red");
    expect(report.problems).toContainEqual({
      sheet: "S",
      cell: "C4",
      message: `Period "Spring" is not a quarter, month or year: this row's trends are NA.`,
    });
  });

  test("a measure with no usable period is still listed, with NA trends and the reason", async () => {
    const report = await scan({ name: "S", rows: [HEADER, ...historyRows, ["ZZ9", "Odd", "", 5, 10, "Max"]] });
    expect(measure(report, "ZZ9")).toMatchObject({ status: "Red", shortTrend: "NA", longTrend: "NA" });
    expect(measure(report, "ZZ9")?.reason).toMatch(/trends NA: no period given/);
  });
});

describe("wide layout (Kent trend rows)", () => {
  const sheet: MemorySheetInit = {
    name: "SCS",
    rows: [
      [
        "Code",
        "Indicator",
        "Target",
        "Floor",
        "Aim",
        "Apr-13",
        "May-13",
        "Jun-13",
        "Jul-13",
        "Aug-13",
        "Sep-13",
        "Oct-13",
      ],
      [
        "SCS1",
        "Initial assessments in 10 days",
        0.9,
        0.85,
        "Higher is better",
        0.9,
        0.92,
        0.94,
        0.93,
        0.88,
        0.86,
        null,
      ],
      ["SCS2", "Caseload", 15, null, "Lower is better", 17, 17, 16.8, 17, 16.6, 16.4, "tbc"],
      ["SCS3", "No figures yet", 10, null, "Max", null, null, null, null, null, null, null],
    ],
  };

  test("the latest period with a number is current; trends against earlier columns", async () => {
    const report = await scan(sheet);
    expect(report.sheets[0].tables[0]).toMatchObject({ layout: "wide", measures: 3 });
    // SCS1 Sep-13 0.86: below target 0.9, above floor 0.85 -> Amber; vs Aug 0.88 DET; vs mean(0.94,0.93,0.88 ,0.92) DET.
    expect(measure(report, "SCS1")).toMatchObject({
      period: "Sep 2013",
      value: 0.86,
      floor: 0.85,
      status: "Amber",
      shortTrend: "DET",
      longTrend: "DET",
    });
    expect(measure(report, "SCS2")).toMatchObject({
      period: "Sep 2013",
      value: 16.4,
      status: "Red",
      shortTrend: "IMP",
      longTrend: "IMP",
    });
    expect(measure(report, "SCS3")).toMatchObject({ period: "Oct 2013", value: null, status: "NA", shortTrend: "NA" });
  });

  test("formulas point at the current and earlier period columns", async () => {
    const port = new MemoryPort({ sheets: [sheet] });
    await applyRules(port);
    expect(port.cell("SCS", "M2").formula).toBe('=KPI.RAG(IF(K2="","",K2),IF(C2="","",C2),E2,0.05,IF(D2="","",D2))');
    expect(port.cell("SCS", "N2").formula).toBe('=KPI.TREND(IF(K2="","",K2),IF(J2="","",J2),E2)');
    expect(port.cell("SCS", "O2").formula).toBe('=KPI.LONGTREND(IF(K2="","",K2),IF(G2:J2="","",G2:J2),E2)');
    // Nothing before the current column's neighbours is lost when the current period is the first one with data.
    expect(port.cell("SCS", "M4").formula).toBe('=KPI.RAG(IF(L4="","",L4),IF(C4="","",C4),E4,0.05,IF(D4="","",D4))');
  });
});

describe("single layout (Kent summary table)", () => {
  const sheet: MemorySheetInit = {
    name: "ASC",
    rows: [
      [
        "Indicator Description",
        "Bold Steps",
        "2012-13 Outturn",
        "Current 2013-14 Target",
        "Current Position",
        "Data Period",
        "Aim",
        "RAG",
        "Direction of Travel",
      ],
      ["1. Personal budgets", "Y", 0.76, 0.8, 0.73, "12M", "Higher is better", "AMBER", "↓"],
      ["3. Telecare clients", "Y", 1596, 1750, 2276, "Cumulative", "Higher is better", "GREEN", "↑"],
      ["7. Delayed transfers of care", null, 5.68, 5.4, 5.84, "12M", "Lower is better", "AMBER", "↑"],
      ["11. Contacts resolved at source", null, 0.263, 0.28, 0.281, "Month", "Higher is better", "GREEN", "↓"],
    ],
  };

  test("value against target, previous outturn for the short trend, no long trend", async () => {
    const report = await scan(sheet);
    expect(report.sheets[0].tables[0]).toMatchObject({ layout: "single", measures: 4 });
    // SPEC, not the 2013 report: 73% vs 80% is 8.75% short -> Red (Kent's own bands then said Amber).
    expect(measure(report, "1. Personal budgets")).toMatchObject({
      status: "Red",
      shortTrend: "DET",
      longTrend: "NA",
      // "12M" in the Data Period column says how long the figure covers, not when: no period stated (F16).
      period: null,
    });
    expect(measure(report, "3. Telecare clients")).toMatchObject({ status: "Green", shortTrend: "IMP" });
    expect(measure(report, "7. Delayed transfers of care")).toMatchObject({ status: "Red", shortTrend: "DET" });
    expect(measure(report, "11. Contacts resolved at source")).toMatchObject({ status: "Green", shortTrend: "IMP" });
  });

  test("RAG and Direction of Travel are reused; no column is added", async () => {
    const port = new MemoryPort({ sheets: [sheet] });
    const report = await applyRules(port, { settings: { trendLabels: "arrows" } });
    expect(report.columnsAdded).toBe(0);
    expect(port.grid("ASC")[0]).toHaveLength(9);
    expect(port.value("ASC", "H2")).toBe("Red");
    expect(port.cell("ASC", "H2").formula).toBe('=KPI.RAG(IF(E2="","",E2),IF(D2="","",D2),G2)');
    expect(port.value("ASC", "I2")).toBe("↓");
    expect(port.cell("ASC", "I2").formula).toBe(
      `=SWITCH(KPI.TREND(IF(E2="","",E2),IF(C2="","",C2),G2),"IMP","↑","DET","↓","STATIC","→","NA")`,
    );
    expect(port.value("ASC", "H1")).toBe("RAG");
  });
});

describe("groups", () => {
  test("a bold title row above the header and bold title rows inside the table", async () => {
    const report = await scan({
      name: "People",
      rows: [
        ["Council Plan Outcome: Healthy and active communities"],
        HEADER,
        ["PH26", "Healthy settings", "Q2 2020/21", 3, 3, "Max"],
        ["Programme: Together We Can"],
        ["A1", "Adoption days", "Q2 2020/21", 507, 450, "Min"],
        ["Resilient families"],
        ["CSC4", "LAC rate", "Q2 2020/21", 73.5, 70, "Min"],
      ],
      bold: ["A1", "A6"],
    });
    expect(report.measures.map((m) => [m.code, m.group])).toEqual([
      ["PH26", "Healthy and active communities"],
      ["A1", "Together We Can"],
      ["CSC4", "Resilient families"],
    ]);
    expect(report.summary[0].groups.map((g) => [g.group, g.total])).toEqual([
      ["Healthy and active communities", 1],
      ["Together We Can", 1],
      ["Resilient families", 1],
    ]);
  });

  test("a single-cell row that is neither bold nor prefixed is a measure, not a title", async () => {
    const report = await scan({
      name: "S",
      rows: [HEADER, ["X1", "One", "Q1 2020/21", 1, 1, "Max"], ["X2"], ["X3", "Three", "Q1 2020/21", 1, 1, "Max"]],
    });
    expect(report.measures.map((m) => [m.code, m.group, m.status])).toEqual([
      ["X1", null, "Green"],
      ["X2", null, "NA"],
      ["X3", null, "Green"],
    ]);
  });

  test("a group column; blank cells continue the group above (merged cells)", async () => {
    const report = await scan({
      name: "S",
      rows: [
        ["Outcome", ...HEADER],
        ["Safe", "S1", "One", "Q1 2020/21", 1, 1, "Max"],
        [null, "S2", "Two", "Q1 2020/21", 1, 1, "Max"],
        ["Healthy", "H1", "Three", "Q1 2020/21", 1, 1, "Max"],
      ],
    });
    expect(report.measures.map((m) => m.group)).toEqual(["Safe", "Safe", "Healthy"]);
  });

  test("the bold look-up is one call for the whole workbook, only for candidate cells", async () => {
    const port = new MemoryPort({
      sheets: [
        { name: "A", rows: [["Outcome: One"], HEADER, ["A1", "a", "Q1 2020/21", 1, 1, "Max"]], bold: ["A1"] },
        { name: "B", rows: [HEADER, ["Outcome: Two"], ["B1", "b", "Q1 2020/21", 1, 1, "Max"]] },
      ],
    });
    const report = await scanWorkbook(port);
    expect(port.calls.readBold).toBe(1);
    expect(report.measures.map((m) => m.group)).toEqual(["One", "Two"]);
  });
});

describe("Excel Tables and several tables per sheet", () => {
  test("an Excel Table is read from its range; outputs go right of it and are found again beside it", async () => {
    const port = new MemoryPort({
      sheets: [
        {
          name: "T",
          rows: [
            ["Performance"],
            [],
            [null, ...HEADER],
            [null, "T1", "One", "Q1 2020/21", 95, 100, "Max"],
            [null, "T2", "Two", "Q1 2020/21", 101, 100, "Max"],
          ],
          tables: [{ name: "tblKPI", ref: "B3:G5" }],
        },
      ],
    });
    const first = await applyRules(port);
    expect(first.sheets[0].tables).toEqual([{ address: "B3:G5", layout: "long", measures: 2, rows: 2 }]);
    expect(first.columnsAdded).toBe(3);
    expect([port.value("T", "H3"), port.value("T", "H4"), port.value("T", "H5")]).toEqual(["Status", "Red", "Green"]);
    const second = await applyRules(port);
    expect(second.columnsAdded).toBe(0);
    expect(second.sheets[0].tables).toEqual([{ address: "B3:J5", layout: "long", measures: 2, rows: 2 }]);
    expect(port.value("T", "K3")).toBeNull();
  });

  test("stacked tables of different layouts, each with its own header", async () => {
    const report = await scan({
      name: "Mixed",
      rows: [
        HEADER,
        ["L1", "Long one", "Q1 2020/21", 5, 4, "Max"],
        ["L1", "Long one", "Q2 2020/21", 6, 4, "Max"],
        [],
        ["Code", "Name", "Target", "Aim", "Q1 2020/21", "Q2 2020/21"],
        ["W1", "Wide one", 10, "Min", 12, 9],
        [],
        ["Ref", "Title", "Previous", "Actual", "Goal", "Polarity"],
        ["S1", "Single one", 50, 55, 60, "Max"],
      ],
    });
    expect(report.sheets[0].tables.map((t) => [t.address, t.layout])).toEqual([
      ["A1:F3", "long"],
      ["A5:F6", "wide"],
      ["A8:F9", "single"],
    ]);
    expect(report.measures.map((m) => [m.code, m.status, m.shortTrend])).toEqual([
      ["L1", "Green", "IMP"],
      ["W1", "Green", "IMP"],
      ["S1", "Red", "IMP"],
    ]);
  });

  test("headers written with underscores (PI_Code, Measure_Name) are found like any other punctuation", async () => {
    const report = await scan({
      name: "S",
      rows: [
        ["PI_Code", "Actual_Value", "Target_Value", "Aim_To"],
        ["U1", 96, 100, "Maximise"],
      ],
    });
    expect(report.sheets[0].tables).toEqual([{ address: "A1:D2", layout: "single", measures: 1, rows: 1 }]);
    expect(measure(report, "U1")).toMatchObject({ status: "Amber" });
  });

  test("a header repeated without a blank row starts a new table", async () => {
    const report = await scan({
      name: "S",
      rows: [HEADER, ["A", "a", "Q1 2020/21", 1, 1, "Max"], HEADER, ["B", "b", "Q1 2020/21", 1, 2, "Max"]],
    });
    expect(report.sheets[0].tables.map((t) => t.address)).toEqual(["A1:F2", "A3:F4"]);
  });

  test("side-by-side tables: the right one is found; where outputs have no room the report says so", async () => {
    const port = new MemoryPort({
      sheets: [
        {
          name: "S",
          rows: [
            ["Code", "Value", "Target", "Aim", null, "Code", "Value", "Target", "Aim"],
            ["L", 1, 2, "Max", null, "R", 3, 3, "Max"],
          ],
        },
      ],
    });
    const report = await applyRules(port);
    expect(report.sheets[0].tables.map((t) => t.address)).toEqual(["A1:D2", "F1:I2"]);
    expect(report.measures.map((m) => m.status)).toEqual(["Red", "Green"]);
    expect(report.problems).toContainEqual(
      expect.objectContaining({
        sheet: "S",
        cell: "F1",
        message: expect.stringMatching(/^No room for the Status, Short Trend columns/),
      }),
    );
    expect(port.value("S", "E1")).toBeNull();
    expect(port.value("S", "J1")).toBe("Status");
    expect(port.value("S", "J2")).toBe("Green");
  });
});

describe("sheets that are not read", () => {
  test("hidden sheets and the add-in's own summary are skipped", async () => {
    const port = new MemoryPort({
      sheets: [
        { name: "Visible", rows: [HEADER, ["V", "v", "Q1 2020/21", 1, 1, "Max"]] },
        { name: "Hidden", rows: [HEADER, ["H", "h", "Q1 2020/21", 1, 1, "Max"]], visible: false },
      ],
    });
    await applyRules(port);
    const report = await scanWorkbook(port);
    expect(report.sheets).toEqual([
      { sheet: "Visible", tables: [expect.objectContaining({ layout: "long" })] },
      { sheet: "Hidden", tables: [], skipped: "hidden" },
      { sheet: "Scorecard Summary", tables: [], skipped: "Scorecard's own summary sheet" },
    ]);
    expect(report.measures.map((m) => m.code)).toEqual(["V"]);
  });
});
