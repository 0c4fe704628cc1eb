/**
 * The add-in's charts through Office.js: the summary's stacked bar per directorate (one series per status in its
 * colour) and the SPC sheet's line chart (each series' line colour and style, its markers, the value axis's bounds).
 * A chart is found again by its name, deleted and added again in the same batch, so a rerun never leaves a second
 * one; it is an optional part, written after the sheet's cells, whose refusal costs only itself.
 */
import type { ChartSpec, LineChartSpec, LineSeriesStyle } from "../../workbook/port";
import { rangeToA1, toA1 } from "../../workbook/a1";
import type { XlChart, XlChartSeries } from "./excelApi";
import { ACTION_BYTES, jsonBytes } from "./payload";
import type { SheetFacts } from "./sheetFacts";
import type { WriteOp } from "./writeOps";

/** Excel.ChartLineStyle for each line of the port ("None" draws the markers alone). */
const LINE_STYLES: Record<LineSeriesStyle["line"], string> = { solid: "Continuous", dash: "Dash", none: "None" };
/** 2¼ pt lines, as the .xlsx host draws them. */
const LINE_WEIGHT = 2.25;

/** Property sets per series: what the payload estimate counts. */
const LINE_SERIES_ACTIONS = 8;

function styleSeries(series: XlChartSeries, style: LineSeriesStyle): void {
  const line = series.format.line;
  line.lineStyle = LINE_STYLES[style.line];
  if (style.line !== "none") {
    line.color = style.colour;
    line.weight = LINE_WEIGHT;
  }
  series.markerStyle = style.marker ? "Circle" : "None";
  if (style.marker) {
    series.markerBackgroundColor = style.colour;
    series.markerForegroundColor = style.colour;
    series.markerSize = style.marker.size;
  }
}

/** Columns after the first are the series: style no more series than the data has. */
function dataSeries<T>(spec: ChartSpec, styles: readonly T[]): readonly T[] {
  return styles.slice(0, Math.max(0, spec.range.cols - 1));
}

function styleLineChart(chart: XlChart, spec: LineChartSpec): void {
  dataSeries(spec, spec.series).forEach((style, i) => styleSeries(chart.series.getItemAt(i), style));
  chart.axes.valueAxis.minimum = spec.axis.min;
  chart.axes.valueAxis.maximum = spec.axis.max;
  chart.axes.valueAxis.majorUnit = spec.axis.step;
  chart.axes.valueAxis.numberFormat = spec.axis.numberFormat;
}

/** The line chart's value axis: minimum, maximum, major unit, number format. */
const AXIS_ACTIONS = 4;

function seriesActions(spec: ChartSpec): number {
  return spec.kind === "stackedBar"
    ? 5 * spec.seriesColours.length
    : LINE_SERIES_ACTIONS * spec.series.length + AXIS_ACTIONS;
}

/** The chart of an owned sheet; `existing` finds that sheet as it stands when the batch runs. */
export function chartOp(
  sheet: string,
  spec: ChartSpec,
  existing: (facts: readonly SheetFacts[]) => SheetFacts | undefined,
): WriteOp {
  const source = rangeToA1(spec.range);
  return {
    sheet,
    part: "optional",
    what: "the chart",
    bytes: (8 + seriesActions(spec)) * ACTION_BYTES + jsonBytes(spec),
    queue: (t) => {
      const target = t.sheet(sheet);
      if (existing(t.facts)?.charts.includes(spec.name)) target.charts.getItem(spec.name).delete();
      const type = spec.kind === "stackedBar" ? "BarStacked" : "LineMarkers";
      const chart = target.charts.add(type, target.getRange(source), "Columns");
      chart.name = spec.name;
      chart.title.text = spec.title;
      const { row, col } = spec.anchor;
      if (spec.span) chart.setPosition(toA1(row, col), toA1(row + spec.span.rows - 1, col + spec.span.cols - 1));
      else chart.setPosition(toA1(row, col));
      if (spec.kind === "line") {
        styleLineChart(chart, spec);
        return;
      }
      dataSeries(spec, spec.seriesColours).forEach((colour, i) =>
        chart.series.getItemAt(i).format.fill.setSolidColor(colour),
      );
    },
  };
}
