/**
 * The SPC chart's sheet (issue 12): the add-in's own sheet, rebuilt whole for the measure asked for, with the words
 * (variation, assurance and their reasons), a small table of the chart's figures and a line chart over it. The
 * values are a grey line with markers, the mean a solid line, the process limits dashed, the target a line of its
 * own, and the special-cause points a series per meaning in the Making Data Count colours (improvement blue,
 * concern orange, neutral purple) drawn as markers over the values. The Special cause column says in words what
 * the colours say, so colour is never the only carrier.
 */
import { capitalise } from "../core";
import type { SpcRule, SpcSide } from "../core/spc";
import type {
  CellStyle,
  LineChartSpec,
  LineSeriesStyle,
  OutCell,
  OwnedSheetWrite,
  PageLayout,
  StyledRange,
} from "./port";
import type { SpcChartData, SpcChartPoint, SpcPointMark } from "./spcChart";
import { isCurrencyFormat, readFigureFormat } from "../core/figureFormat";
import { isPercentFormat } from "./numberFormats";
import { SPC_STYLES } from "./spcStyles";
import { fitCell } from "./excelLimits";
import { niceAxis, type NiceAxis } from "../core/niceAxis";

/** The sheet's name unless a user's sheet has it (then "Scorecard SPC (2)"…). */
export const SPC_SHEET_NAME = "Scorecard SPC";
/** How the hosts find the chart again to rewrite it in place. */
export const SPC_CHART_NAME = "Scorecard SPC chart";

/**
 * Line and marker colours, shared with the pane's preview so the two agree. The marks are the Making Data Count
 * meanings in mid tones that keep at least 3:1 against the white plot area (WCAG's figure for graphics).
 */
export const SPC_CHART_COLOURS = {
  values: "#595959",
  mean: "#000000",
  limits: "#7F7F7F",
  target: "#C00000",
  improvement: "#2E75B6",
  concern: "#C55A11",
  neutral: "#7030A0",
} as const;

/** Special-cause markers are larger than the values' own, so each covers the grey marker under it. */
const VALUE_MARKER = { size: 5 };
const SPECIAL_MARKER = { size: 8 };

const MARK_ORDER: readonly SpcPointMark[] = ["improvement", "concern", "neutral"];

const RULE_WORDS: Record<SpcRule, Record<SpcSide, string>> = {
  astronomical: { High: "above the upper process limit", Low: "below the lower process limit" },
  trend: { High: "a run of 7 or more rising", Low: "a run of 7 or more falling" },
  twoOfThree: { High: "2 of 3 above the upper 2σ line", Low: "2 of 3 below the lower 2σ line" },
  shift: { High: "a run of 7 or more above the mean", Low: "a run of 7 or more below the mean" },
};

/** "Improvement: above the upper process limit"; empty for a common-cause point. */
export function specialCauseWords(point: SpcChartPoint): string {
  if (point.mark === null || point.rule === null || point.side === null) return "";
  return `${capitalise(point.mark)}: ${RULE_WORDS[point.rule][point.side]}`;
}

/** The chart's title: the measure, then its variation and assurance words. */
function spcChartTitle(data: SpcChartData): string {
  return `${data.title}: ${data.variation}, assurance ${data.assurance}`;
}

interface Column {
  readonly header: string;
  readonly cell: (p: SpcChartPoint) => string | number | null;
  /** Drawn as a series of the chart (every column but Period and Special cause). */
  readonly style?: LineSeriesStyle;
  /** Mean and limits carry one more decimal than the values. */
  readonly derived?: boolean;
}

function columns(data: SpcChartData): Column[] {
  const c = SPC_CHART_COLOURS;
  const line = (colour: string, dash = false): LineSeriesStyle => ({
    colour,
    line: dash ? "dash" : "solid",
    marker: null,
  });
  const cols: Column[] = [
    { header: "Period", cell: (p) => p.period },
    { header: "Value", cell: (p) => p.value, style: { colour: c.values, line: "solid", marker: VALUE_MARKER } },
    { header: "Mean", cell: () => data.mean, style: line(c.mean), derived: true },
    { header: "Lower limit", cell: () => data.lower, style: line(c.limits, true), derived: true },
    { header: "Upper limit", cell: () => data.upper, style: line(c.limits, true), derived: true },
  ];
  if (data.target !== null) cols.push({ header: "Target", cell: () => data.target, style: line(c.target) });
  if (data.targetRange !== null) {
    const [lo, hi] = data.targetRange;
    cols.push({ header: "Target (low)", cell: () => lo, style: line(c.target) });
    cols.push({ header: "Target (high)", cell: () => hi, style: line(c.target) });
  }
  // A series per meaning that occurs: its value where a point has that mark, blank (no point) elsewhere.
  for (const mark of MARK_ORDER) {
    if (!data.points.some((p) => p.mark === mark)) continue;
    cols.push({
      header: capitalise(mark),
      cell: (p) => (p.mark === mark ? p.value : null),
      style: { colour: c[mark], line: "none", marker: SPECIAL_MARKER },
    });
  }
  cols.push({ header: "Special cause", cell: specialCauseWords });
  return cols;
}

/** Decimals the values are given with (at most 4): the figures as the sheet reads them, not float noise. */
function decimalsOf(points: readonly SpcChartPoint[]): number {
  let most = 0;
  for (const { value } of points) {
    const text = String(Number(value.toPrecision(10)));
    const dot = text.indexOf(".");
    if (dot >= 0 && !text.includes("e")) most = Math.max(most, text.length - dot - 1);
  }
  return Math.min(most, 4);
}

const numberFormat = (decimals: number): string => (decimals === 0 ? "#,##0" : `#,##0.${"0".repeat(decimals)}`);

/** "0.0%" -> "0.00%": the mean and limits of a percentage, one decimal finer than its values, as the others. */
function finerPercent(format: string): string {
  const decimals = /0\.(0+)%/.exec(format)?.[1].length ?? 0;
  return `0.${"0".repeat(Math.min(decimals + 1, 4))}%`;
}

/**
 * Formats of the value columns and of the mean and limits: the measure's own when it is a percentage (the figures
 * are fractions, 0.73 shows as 73%) or money, else as many decimals as the values have, and one more for mean and limits.
 */
function formatsOf(data: SpcChartData): { values: string; derived: string } {
  if (data.valueFormat !== undefined && isPercentFormat(data.valueFormat)) {
    return { values: data.valueFormat, derived: finerPercent(data.valueFormat) };
  }
  // Money keeps its own format ("£"#,##0): £1,220,833 for the mean, not 1,220,833.3 without the pound sign (F20).
  if (data.valueFormat !== undefined && isCurrencyFormat(readFigureFormat(data.valueFormat))) {
    return { values: data.valueFormat, derived: data.valueFormat };
  }
  const decimals = decimalsOf(data.points);
  return { values: numberFormat(decimals), derived: numberFormat(Math.min(decimals + 1, 4)) };
}

/**
 * The value axis holding every point, the mean, both limits and the target: one scale with the pane's preview
 * (core niceAxis), so the chart in Excel and the preview of one measure show the same bounds and gridlines.
 */
export function spcAxis(data: SpcChartData): NiceAxis {
  const figures = [data.mean, data.lower, data.upper, ...data.points.map((p) => p.value)];
  if (data.target !== null) figures.push(data.target);
  if (data.targetRange !== null) figures.push(...data.targetRange);
  return niceAxis(figures);
}

const TITLE_STYLE: CellStyle = { bold: true, font: "#1F3864" };
const HEADER_STYLE: CellStyle = { bold: true };
const NOTE_STYLE: CellStyle = { italic: true, font: "#595959" };
/** The chart sits below the words (title, variation, assurance, a note, a blank row), where the sheet opens. */
const CHART_ROW = 5;
/** Rows the chart covers, as wide as the table below it: about 2.5 times as wide as tall, for a time series. */
const CHART_ROWS = 24;
/** The table of figures below the chart, after a blank row. */
const TABLE_ROW = CHART_ROW + CHART_ROWS + 1;
/**
 * Printed landscape, one page wide: the chart and the table's columns on one page, with the file's name. A table
 * running onto more pages has its header row printed again at the top of each.
 */
const PAGE: PageLayout = {
  orientation: "landscape",
  paper: "A4",
  fitToWidth: true,
  repeatRows: 1,
  repeatFrom: TABLE_ROW,
  footer: true,
};

/**
 * The sheet for one measure's chart, replacing `replaces` (the add-in's SPC sheet as it is named now) when there is
 * one. Drawing another measure rewrites the same sheet and chart.
 */
export function buildSpcSheet(data: SpcChartData, name: string, replaces: string | null): OwnedSheetWrite {
  const cols = columns(data);
  const formats = formatsOf(data);
  const words: OutCell[][] = [
    // The code and name are the user's cells, each up to Excel's cell limit: together they can pass it.
    [{ value: fitCell(`SPC chart: ${data.title}`) }],
    [{ value: "Variation" }, { value: data.variation }, { value: data.variationReason }],
    [{ value: "Assurance" }, { value: data.assurance }, { value: data.assuranceReason }],
    [
      {
        value: `From ${data.sheet}, ${data.points.length} points oldest first. Drawn by Scorecard: drawing another measure replaces this sheet.`,
      },
    ],
  ];
  const table: OutCell[][] = [
    cols.map((c) => ({ value: c.header })),
    ...data.points.map((p) => cols.map((c) => ({ value: c.cell(p) }))),
  ];
  const n = data.points.length;
  const styles: StyledRange[] = [
    { range: { row: 0, col: 0, rows: 1, cols: 1 }, style: TITLE_STYLE },
    { range: { row: 1, col: 0, rows: 2, cols: 1 }, style: HEADER_STYLE },
    { range: { row: 1, col: 1, rows: 1, cols: 1 }, style: SPC_STYLES[data.variation] },
    { range: { row: 2, col: 1, rows: 1, cols: 1 }, style: SPC_STYLES[data.assurance] },
    { range: { row: 3, col: 0, rows: 1, cols: 1 }, style: NOTE_STYLE },
    { range: { row: TABLE_ROW, col: 0, rows: 1, cols: cols.length }, style: HEADER_STYLE },
  ];
  cols.forEach((c, col) => {
    if (!c.style) return;
    const format = c.derived ? formats.derived : formats.values;
    styles.push({ range: { row: TABLE_ROW + 1, col, rows: n, cols: 1 }, style: { numberFormat: format } });
  });
  const series = cols.flatMap((c) => (c.style ? [c.style] : []));
  const chart: LineChartSpec = {
    kind: "line",
    name: SPC_CHART_NAME,
    title: spcChartTitle(data),
    // Period and the series columns: Special cause, last, is words for the reader, not a series.
    range: { row: TABLE_ROW, col: 0, rows: n + 1, cols: series.length + 1 },
    series,
    axis: { ...spcAxis(data), numberFormat: formats.values },
    anchor: { row: CHART_ROW, col: 0 },
    span: { rows: CHART_ROWS, cols: cols.length },
  };
  return {
    sheet: name,
    replaces,
    blocks: [
      { row: 0, col: 0, cells: words },
      { row: TABLE_ROW, col: 0, cells: table },
    ],
    styles,
    conditionalRules: [],
    // Column B also holds the variation and assurance words ("Improvement (high)") above the table.
    columnWidths: cols.map((c, col) => ({ col, width: c.header === "Special cause" ? 44 : col === 1 ? 20 : 13 })),
    chart,
    page: PAGE,
  };
}
