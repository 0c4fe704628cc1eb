// R6: the pane's preview of a measure and the Excel chart drawn for it share one value scale (core niceAxis): the
// same lowest and highest gridline and the same step, read from what each actually draws.
import { drawSpcChart } from "../../src/workbook/operations/spcChart";
import { spcMeasureKey } from "../../src/workbook/spcChart";
import { isPercentFormat } from "../../src/workbook/numberFormats";
import { layoutSpcChart, type ChartBox } from "../../src/taskpane/components/spcChartGeometry";
import { previewFigures } from "../../src/taskpane/components/SpcChartPreview";
import { MemoryPort } from "../support/memoryPort";
import { KENT_MONTHS, KENT_SERIES } from "../support/kent";

const SHEET = "Adult Social Care";
const BOX: ChartBox = { width: 320, height: 210, top: 12, right: 22, bottom: 26, left: 44 };

/** Kent's measures with a chart (percentages, counts in the thousands; ASC4 has too few points) and two of our own. */
const rows: (string | number | null)[][] = [
  ["Code", "Measure", "Aim", "Target", ...KENT_MONTHS],
  ...KENT_SERIES.map(([code, aim, target, months]) => [code, `${code} measure`, aim, target, ...months]),
  ["NET", "Net change", "Higher is better", 0, -3, 2, -1, 4, 0, -2, 3, 1, -4, 2, 0, 1, -1],
  ["FLAT", "Flat count", "Higher is better", 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5],
];
const codes = rows
  .slice(1)
  .map((row) => String(row[0]))
  .filter((code) => code !== "ASC4");

test.each(codes)("%s: the preview's ticks are the Excel chart's min, max and step", async (code) => {
  const port = new MemoryPort({ sheets: [{ name: SHEET, rows }] });
  const drawn = await drawSpcChart(port, spcMeasureKey(SHEET, code));
  if (!drawn.ok) throw new Error(drawn.problem);
  const excel = port.sheet("Scorecard SPC").chart;
  if (excel?.kind !== "line") throw new Error("no line chart drawn");
  const percent = drawn.chart.valueFormat !== undefined && isPercentFormat(drawn.chart.valueFormat);
  const ticks = layoutSpcChart(previewFigures(drawn.chart, percent), BOX).yTicks.map((t) => t.value);
  expect(ticks[0]).toBe(excel.axis.min);
  expect(ticks[ticks.length - 1]).toBe(excel.axis.max);
  for (let i = 1; i < ticks.length; i++) expect(ticks[i] - ticks[i - 1]).toBeCloseTo(excel.axis.step, 9);
});
