// drawSpcChart (issue 12): the add-in's SPC sheet for one measure — its words, table and line chart — rewritten for
// the next measure, never taking a user's sheet of the name, skipped by the scan, and nothing written for a measure
// that has no chart.
import { drawSpcChart } from "../../src/workbook/operations/spcChart";
import { applyRules, scanWorkbook } from "../../src/workbook";
import { parseState } from "../../src/workbook/settings";
import { spcMeasureKey } from "../../src/workbook/spcChart";
import { SPC_CHART_COLOURS, SPC_CHART_NAME, spcAxis } from "../../src/workbook/spcChartSheet";
import type { LineChartSpec } from "../../src/workbook/port";
import { SPC_STYLES } from "../../src/workbook/spcStyles";
import { MemoryPort } from "../support/memoryPort";
import type { MemorySheetInit } from "../support/memoryPort";
import { KENT_MONTHS as MONTHS, KENT_SERIES as KENT } from "../support/kent";

const wide: MemorySheetInit = {
  name: "Adult Social Care",
  rows: [
    ["Code", "Measure", "Aim", "Target", ...MONTHS],
    ...KENT.map(([code, aim, target, months]) => [code, `${code} measure`, aim, target, ...months]),
  ],
};

async function drawn(port: MemoryPort, code: string) {
  const result = await drawSpcChart(port, spcMeasureKey("Adult Social Care", code));
  if (!result.ok) throw new Error(result.problem);
  return result;
}

const lineChart = (port: MemoryPort, sheet: string): LineChartSpec => {
  const chart = port.sheet(sheet).chart;
  if (chart?.kind !== "line") throw new Error(`no line chart on ${sheet}`);
  return chart;
};

test("ASC1: words, table and a line chart whose series are styled as Making Data Count draws them", async () => {
  const port = new MemoryPort({ sheets: [wide] });
  const result = await drawn(port, "ASC1");
  expect(result).toMatchObject({ sheet: "Scorecard SPC", notices: [], writeProblems: [] });
  const grid = port.grid("Scorecard SPC");
  expect(grid[0][0]).toBe("SPC chart: ASC1 ASC1 measure");
  expect(grid[1].slice(0, 2)).toEqual(["Variation", "Improvement (high)"]);
  expect(grid[2].slice(0, 2)).toEqual(["Assurance", "Fail"]);
  expect(grid[1][2]).toBe(
    "Improvement (high): the latest point 0.73 ends a run of 7 or more points above the mean 0.729 (Maximise)",
  );
  expect(grid[2][2]).toBe("Fail: target 0.8 is above the upper process limit 0.769 (Maximise)");
  expect(port.cell("Scorecard SPC", "B2").style).toMatchObject(SPC_STYLES["Improvement (high)"]);
  expect(port.cell("Scorecard SPC", "B3").style).toMatchObject(SPC_STYLES.Fail);
  // ASC1 has marks of both meanings (concern early, improvement later) and a single target.
  expect(grid[30]).toEqual([
    "Period",
    "Value",
    "Mean",
    "Lower limit",
    "Upper limit",
    "Target",
    "Improvement",
    "Concern",
    "Special cause",
  ]);
  expect(grid.slice(31).map((r) => r[1])).toEqual(KENT[0][3]);
  expect(grid[31][2]).toBeCloseTo(9.48 / 13, 12);
  expect(grid[31].slice(5, 9)).toEqual([0.8, null, 0.65, "Concern: below the lower process limit"]);
  expect(grid[34].slice(6, 9)).toEqual([null, null, ""]);
  expect(grid[39].slice(6, 9)).toEqual([0.77, null, "Improvement: above the upper process limit"]);
  // Values as the sheet gives them (2 decimals), mean and limits one more.
  expect(port.cell("Scorecard SPC", "B32").style.numberFormat).toBe("#,##0.00");
  expect(port.cell("Scorecard SPC", "C32").style.numberFormat).toBe("#,##0.000");

  const chart = lineChart(port, "Scorecard SPC");
  expect(chart).toMatchObject({
    name: SPC_CHART_NAME,
    title: "ASC1 ASC1 measure: Improvement (high), assurance Fail",
    range: { row: 30, col: 0, rows: 14, cols: 8 },
    // Below the words, above the table, as wide as the table.
    anchor: { row: 5, col: 0 },
    span: { rows: 24, cols: 9 },
  });
  const c = SPC_CHART_COLOURS;
  expect(chart.series).toEqual([
    { colour: c.values, line: "solid", marker: { size: 5 } },
    { colour: c.mean, line: "solid", marker: null },
    { colour: c.limits, line: "dash", marker: null },
    { colour: c.limits, line: "dash", marker: null },
    { colour: c.target, line: "solid", marker: null },
    // Larger than the values' markers, so each covers the grey one under it.
    { colour: c.improvement, line: "none", marker: { size: 8 } },
    { colour: c.concern, line: "none", marker: { size: 8 } },
  ]);
  // Every point, both limits and the target inside the axis, which does not start at 0 for figures near 0.7.
  expect(chart.axis.min).toBeLessThanOrEqual(0.65);
  expect(chart.axis.min).toBeGreaterThan(0.5);
  expect(chart.axis.max).toBeGreaterThanOrEqual(0.8);
  expect(chart.axis.numberFormat).toBe("#,##0.00");
  expect(parseState(port.state).state.spcSheet).toBe("Scorecard SPC");
});

test("drawing another measure rewrites the same sheet and chart: nothing of the first is left", async () => {
  const port = new MemoryPort({ sheets: [wide] });
  await drawn(port, "ASC1");
  await drawn(port, "ASC10");
  expect(port.sheets.map((s) => s.name)).toEqual(["Adult Social Care", "Scorecard SPC"]);
  const grid = port.grid("Scorecard SPC");
  expect(grid[0][0]).toBe("SPC chart: ASC10 ASC10 measure");
  // ASC10 has no special-cause point: no marker series and no column of the first chart's left over.
  expect(grid[30]).toEqual(["Period", "Value", "Mean", "Lower limit", "Upper limit", "Target", "Special cause"]);
  expect(grid.every((row) => row.length <= 7)).toBe(true);
  expect(lineChart(port, "Scorecard SPC").series).toHaveLength(5);
  const again = await drawn(port, "ASC10");
  expect(again.sheet).toBe("Scorecard SPC");
  expect(port.sheets.map((s) => s.name)).toHaveLength(2);
});

test("a user's own sheet named Scorecard SPC is left alone: the chart goes to Scorecard SPC (2), said once", async () => {
  const mine: MemorySheetInit = { name: "Scorecard SPC", rows: [["my notes"]] };
  const port = new MemoryPort({ sheets: [wide, mine] });
  const first = await drawn(port, "ASC1");
  expect(first.sheet).toBe("Scorecard SPC (2)");
  expect(first.notices).toEqual([
    'A sheet named "Scorecard SPC" already exists and is not Scorecard\'s own, so it was left alone and the chart was drawn on "Scorecard SPC (2)".',
  ]);
  expect(port.grid("Scorecard SPC")).toEqual([["my notes"]]);
  const second = await drawn(port, "ASC3");
  expect(second).toMatchObject({ sheet: "Scorecard SPC (2)", notices: [] });
  expect(port.plans[port.plans.length - 1].ownedSheet?.replaces).toBe("Scorecard SPC (2)");
});

test("the scan skips the SPC sheet: its table is never rated, coloured or summarised", async () => {
  const port = new MemoryPort({ sheets: [wide] });
  await drawn(port, "ASC1");
  const report = await scanWorkbook(port);
  expect(report.sheets.find((s) => s.sheet === "Scorecard SPC")).toEqual({
    sheet: "Scorecard SPC",
    tables: [],
    skipped: "Scorecard's own SPC chart sheet",
  });
  expect(report.measures.every((m) => m.sheet === "Adult Social Care")).toBe(true);
});

test("applying the rules keeps the SPC sheet Scorecard's own: still skipped, and the next chart redraws it", async () => {
  const port = new MemoryPort({ sheets: [wide] });
  await drawn(port, "ASC1");
  await applyRules(port);
  expect(parseState(port.state).state.spcSheet).toBe("Scorecard SPC");
  const report = await scanWorkbook(port);
  expect(report.sheets.find((s) => s.sheet === "Scorecard SPC")?.skipped).toBe("Scorecard's own SPC chart sheet");
  const again = await drawn(port, "ASC3");
  expect(again).toMatchObject({ sheet: "Scorecard SPC", notices: [] });
  expect(port.sheets.filter((s) => s.name.startsWith("Scorecard SPC"))).toHaveLength(1);
});

test("a measure with too few points writes nothing and says why", async () => {
  const port = new MemoryPort({ sheets: [wide] });
  expect(await drawSpcChart(port, spcMeasureKey("Adult Social Care", "ASC4"))).toEqual({
    ok: false,
    problem: "ASC4 on Adult Social Care has 10 points; an SPC chart needs at least 12.",
  });
  expect(port.calls.write).toBe(0);
});

test("the value axis holds everything, on round steps, and never goes below zero for positive figures", () => {
  const base: { mean: number; lower: number; upper: number; target: number | null; targetRange: null } = {
    mean: 5,
    lower: 1,
    upper: 9,
    target: null,
    targetRange: null,
  };
  const points = (values: number[]) =>
    values.map((value) => ({ period: "", value, mark: null, rule: null, side: null }));
  const data = (values: number[], extra: Partial<typeof base> = {}) =>
    ({ ...base, ...extra, points: points(values) }) as unknown as Parameters<typeof spcAxis>[0];
  expect(spcAxis(data([2, 3, 8]))).toEqual({ min: 0, max: 10, step: 2 });
  expect(spcAxis(data([1240, 2276], { mean: 1700, lower: 1100, upper: 2300, target: 2500 }))).toEqual({
    min: 1000,
    max: 3000,
    step: 500,
  });
  expect(spcAxis(data([-3, 2], { mean: 0, lower: -4, upper: 4 }))).toEqual({ min: -6, max: 6, step: 2 });
  const flat = spcAxis(data([5, 5], { mean: 5, lower: 5, upper: 5 }));
  expect(flat.min).toBeLessThan(5);
  expect(flat.max).toBeGreaterThan(5);
});

test("a percentage keeps its format: the chart's data says so, values as the sheet shows them, mean and limits finer", async () => {
  // The latest value cell (Sep-13, column Q) is what the scan reads the format of.
  const port = new MemoryPort({ sheets: [{ ...wide, numberFormats: { Q2: "0%" } }] });
  const result = await drawn(port, "ASC1");
  expect(result.chart.valueFormat).toBe("0%");
  expect(port.cell("Scorecard SPC", "B32").style.numberFormat).toBe("0%");
  expect(port.cell("Scorecard SPC", "C32").style.numberFormat).toBe("0.0%");
  expect(port.cell("Scorecard SPC", "F32").style.numberFormat).toBe("0%");
  expect(lineChart(port, "Scorecard SPC").axis.numberFormat).toBe("0%");
  // The reasons beside the chart print percentages too, the mean and limits to 1 decimal (issue 12).
  const grid = port.grid("Scorecard SPC");
  expect(grid[1][2]).toBe(
    "Improvement (high): the latest point 73% ends a run of 7 or more points above the mean 72.9% (Maximise)",
  );
  expect(grid[2][2]).toBe("Fail: target 80% is above the upper process limit 76.9% (Maximise)");
  // A measure in General has no format to pass on.
  expect((await drawn(port, "ASC3")).chart.valueFormat).toBeUndefined();
});

test("money keeps its format: values, mean, limits and the axis in the cells' £ format (F20)", async () => {
  // ASC3's latest value cell (Sep-13, column Q, row 3) is formatted as pounds.
  const port = new MemoryPort({ sheets: [{ ...wide, numberFormats: { Q3: '"£"#,##0' } }] });
  const result = await drawn(port, "ASC3");
  expect(result.chart.valueFormat).toBe('"£"#,##0');
  for (const cell of ["B32", "C32", "D32", "E32", "F32"]) {
    expect(port.cell("Scorecard SPC", cell).style.numberFormat).toBe('"£"#,##0');
  }
  expect(lineChart(port, "Scorecard SPC").axis.numberFormat).toBe('"£"#,##0');
  // The reasons above the chart print pounds too, with thousands separators.
  const grid = port.grid("Scorecard SPC");
  expect(grid[1][2]).toBe(
    "Improvement (high): the latest point £2,276 is above the upper process limit £1,912 (Maximise)",
  );
  expect(grid[2][2]).toBe("Hit and miss: target £1,750 is within the process limits £1,453 to £1,912 (Maximise)");
});
