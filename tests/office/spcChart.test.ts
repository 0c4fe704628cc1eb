// The SPC chart through Office.js (issue 12), against the fake Excel: drawSpcChart writes the add-in's SPC sheet and
// a LineMarkers chart whose series carry the port's looks (line colour and style, markers, ExcelApi 1.7), with the
// value axis's bounds; a second measure replaces the chart on the same sheet; the syncs do not grow with the series.
import { OfficeWorkbook } from "../../src/hosts/office";
import { drawSpcChart } from "../../src/workbook/operations/spcChart";
import { spcMeasureKey } from "../../src/workbook/spcChart";
import { SPC_CHART_COLOURS } from "../../src/workbook/spcChartSheet";
import { FakeContext, FakeWorkbook, type FakeSheetSpec } from "./fakeExcel";
import { KENT_MONTHS as MONTHS, KENT_SERIES as KENT } from "../support/kent";

const kent: FakeSheetSpec = {
  name: "Adult Social Care",
  rows: [
    ["Code", "Measure", "Aim", "Target", ...MONTHS],
    ...KENT.map(([code, aim, target, months]) => [code, `${code} measure`, aim, target, ...months.map((m) => m ?? "")]),
  ],
};

/** One long measure of `n` months, alternating around 50 with a rise at the end (marks of both meanings). */
function longSeries(n: number): FakeSheetSpec {
  const rows: (string | number)[][] = [["Code", "Period", "Value", "Target", "Aim"]];
  for (let i = 0; i < n; i++) {
    const year = 2000 + Math.floor(i / 12);
    const month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][i % 12];
    rows.push(["L1", `${month} ${year}`, i < n - 3 ? 50 + (i % 2 ? 3 : -3) : 90, 60, "Maximise"]);
  }
  return { name: "Long", rows };
}

async function draw(ctx: FakeContext, sheet: string, code: string) {
  const before = ctx.syncCount;
  const result = await drawSpcChart(new OfficeWorkbook(ctx), spcMeasureKey(sheet, code));
  if (!result.ok) throw new Error(result.problem);
  expect(result.writeProblems).toEqual([]);
  return { result, syncs: ctx.syncCount - before };
}

test("a LineMarkers chart over the table, each series styled, the axis bounded, sized to the cells left for it", async () => {
  const ctx = new FakeContext(new FakeWorkbook([kent]));
  await draw(ctx, "Adult Social Care", "ASC1");
  const sheet = ctx.book.sheet("Scorecard SPC");
  expect(sheet.value(30, 0)).toBe("Period");
  // The table's header row prints again on each page the table runs onto.
  expect(sheet.page.printTitleRows).toBe("$31:$31");
  expect(sheet.value(31, 1)).toBe(0.65);
  expect(sheet.charts).toHaveLength(1);
  const [chart] = sheet.charts;
  expect(chart).toMatchObject({
    name: "Scorecard SPC chart",
    type: "LineMarkers",
    source: "A31:H44",
    seriesBy: "Columns",
    seriesCount: 7,
    title: "ASC1 ASC1 measure: Improvement (high), assurance Fail",
    position: "A6:I29",
  });
  const c = SPC_CHART_COLOURS;
  const line = (colour: string, lineStyle: string) => ({
    lineColor: colour,
    lineStyle,
    lineWeight: 2.25,
    markerStyle: "None",
  });
  const markers = (colour: string, size = 8) => ({
    lineStyle: "None",
    markerStyle: "Circle",
    markerBackgroundColor: colour,
    markerForegroundColor: colour,
    markerSize: size,
  });
  expect(chart.seriesFormats).toEqual([
    { ...markers(c.values, 5), ...line(c.values, "Continuous"), markerStyle: "Circle" },
    line(c.mean, "Continuous"),
    line(c.limits, "Dash"),
    line(c.limits, "Dash"),
    line(c.target, "Continuous"),
    markers(c.improvement),
    markers(c.concern),
  ]);
  expect(chart.valueAxis.minimum).toBeLessThanOrEqual(0.65);
  expect(chart.valueAxis.maximum).toBeGreaterThanOrEqual(0.8);
  // The major unit is set, not left to Excel: the pane's preview shows the same gridlines.
  expect(chart.valueAxis.majorUnit).toBe(0.05);
  expect(chart.valueAxis.numberFormat).toBe("#,##0.00");
});

test("another measure replaces the chart on the same sheet: one chart, the sheet never deleted", async () => {
  const ctx = new FakeContext(new FakeWorkbook([kent]));
  await draw(ctx, "Adult Social Care", "ASC1");
  await draw(ctx, "Adult Social Care", "ASC10");
  expect(ctx.book.sheets.map((s) => s.name)).toEqual(["Adult Social Care", "Scorecard SPC", "ScorecardState"]);
  expect(ctx.calls).not.toContain("Worksheet.delete");
  const charts = ctx.book.sheet("Scorecard SPC").charts;
  expect(charts).toHaveLength(1);
  expect(charts[0]).toMatchObject({ title: "ASC10 ASC10 measure: Common cause, assurance Pass", seriesCount: 5 });
  expect(ctx.book.sheet("Scorecard SPC").value(0, 0)).toBe("SPC chart: ASC10 ASC10 measure");
  // ASC1's table was two columns wider: nothing of it is left.
  expect(ctx.book.sheet("Scorecard SPC").value(30, 7)).toBeNull();
});

test("the syncs do not grow with the number of points", async () => {
  const small = new FakeContext(new FakeWorkbook([longSeries(14)]));
  const large = new FakeContext(new FakeWorkbook([longSeries(600)]));
  const a = await draw(small, "Long", "L1");
  const b = await draw(large, "Long", "L1");
  expect(b.result.chart.points).toHaveLength(600);
  expect(b.syncs).toBe(a.syncs);
  // The scan's reads (sheet list, used ranges, the state, the bold look-up, the value cells' number formats), then
  // the cells and formats in one sync and the optional chart in one more.
  expect(a.syncs).toBe(7);
});
