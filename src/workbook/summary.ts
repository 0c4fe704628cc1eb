/**
 * The summary sheet (SPEC §5) as committee reports lay it out: per directorate sheet and per group the counts, the
 * "64% (14 out of 22) improved long term" lines, the narrative, the measure lists by status, then every data
 * problem with its cell, and a chart of RAG counts per directorate. The sheet is the add-in's own and is rebuilt
 * whole; a user's sheet that happens to carry the configured name is never touched.
 */
import { STATUSES, count, counted, formatTrend, improvementLines, narrative } from "../core";
import type { Counts, SheetSummary, Status } from "../core";
import type { MeasureReport, Problem } from "./model";
import type { CellStyle, ChartSpec, OutCell, OwnedSheetWrite, PageLayout, StyledRange } from "./port";
import { statusStyle } from "./settings";
import { sheetKey } from "./sheetNames";
import type { Settings } from "./settings";

const LIST_TITLES: Readonly<Record<Status, string>> = {
  Green: "Measures in target (green)",
  Amber: "Measures slightly below target (amber)",
  Red: "Measures significantly below target (red)",
  NA: "Measures not available",
};
const COLUMN_WIDTHS = [24, 12, 70, 12, 12, 12, 12];
const NAME_COLUMN = 2;
/** The Measure column grows to the longest name up to this width, so names are not cut off by the trend beside. */
const MAX_NAME_WIDTH = 110;
const BOLD: CellStyle = { bold: true };
/** The columns are wider than a portrait page: printed or saved as PDF, the text columns would be cut off. */
const PAGE: PageLayout = { orientation: "landscape", paper: "A4", fitToWidth: true, repeatRows: 1, footer: true };
/** How the hosts find the summary's chart again to rewrite it in place. */
export const SUMMARY_CHART_NAME = "Scorecard RAG chart";

/** Rows of the sheet being built, with their styles. */
class SheetBuilder {
  readonly rows: OutCell[][] = [];
  readonly styles: StyledRange[] = [];

  row(values: readonly (string | number | null)[], style?: CellStyle): number {
    const row = this.rows.length;
    this.rows.push(values.map((value) => ({ value })));
    if (style) this.styles.push({ range: { row, col: 0, rows: 1, cols: values.length }, style });
    return row;
  }

  blank(): void {
    this.rows.push([]);
  }

  style(row: number, col: number, style: CellStyle): void {
    this.styles.push({ range: { row, col, rows: 1, cols: 1 }, style });
  }
}

export interface SummaryInput {
  readonly summary: readonly SheetSummary[];
  readonly measures: readonly MeasureReport[];
  readonly problems: readonly Problem[];
  readonly settings: Settings;
}

function countsBlock(b: SheetBuilder, counts: Counts, settings: Settings): void {
  b.row(["Measures", counts.total]);
  b.row(["Reporting", counts.reporting]);
  b.row(["Not available", counts.na]);
  for (const status of STATUSES) {
    const row = b.row([status, counts.codes[status].length, counts.codes[status].join(", ")]);
    b.style(row, 0, statusStyle(settings, status));
  }
  for (const line of improvementLines(counts)) b.row([line]);
}

function measureLists(b: SheetBuilder, measures: readonly MeasureReport[], settings: Settings): void {
  const labels = settings.trendLabels;
  for (const status of STATUSES) {
    const list = measures.filter((m) => m.status === status);
    if (list.length === 0) continue;
    b.row([LIST_TITLES[status]], BOLD);
    b.row(["Code", "Status", "Measure", "Long Trend", "Short Trend"], BOLD);
    for (const m of list) {
      const row = b.row([
        m.code,
        m.status,
        m.name,
        formatTrend(m.longTrend, labels),
        formatTrend(m.shortTrend, labels),
      ]);
      b.style(row, 1, statusStyle(settings, m.status));
    }
    b.blank();
  }
}

function sheetSection(b: SheetBuilder, sheet: SheetSummary, input: SummaryInput): void {
  const { settings } = input;
  b.row([sheet.sheet], BOLD);
  for (const sentence of narrative(sheet, "directorate")) b.row([sentence]);
  countsBlock(b, sheet, settings);
  b.blank();
  const measures = input.measures.filter((m) => m.sheet === sheet.sheet);
  for (const group of sheet.groups) {
    b.row([group.group], BOLD);
    for (const sentence of narrative(group, "outcome")) b.row([sentence]);
    countsBlock(b, group, settings);
    b.blank();
  }
  measureLists(b, measures, settings);
}

function dataQuality(b: SheetBuilder, problems: readonly Problem[]): void {
  b.row(["Data quality"], BOLD);
  if (problems.length === 0) {
    b.row(["No data problems found."]);
    return;
  }
  b.row(["Sheet", "Cell", "Problem"], BOLD);
  for (const p of problems) b.row([p.sheet, p.cell, p.message]);
}

/** The RAG counts table the chart draws: one row per directorate. */
function chartTable(b: SheetBuilder, summary: readonly SheetSummary[], settings: Settings): ChartSpec | undefined {
  b.row(["RAG counts by directorate"], BOLD);
  const header = b.row(["Sheet", "Green", "Amber", "Red", "NA", "Total", "Reporting"], BOLD);
  STATUSES.forEach((status, i) => b.style(header, i + 1, statusStyle(settings, status)));
  for (const s of summary) b.row([s.sheet, s.green, s.amber, s.red, s.na, s.total, s.reporting]);
  b.blank();
  if (summary.length === 0) return undefined;
  return {
    name: SUMMARY_CHART_NAME,
    range: { row: header, col: 0, rows: summary.length + 1, cols: 5 },
    title: "RAG status by directorate",
    anchor: { row: header, col: 8 },
    // Text colours, not the pale fills: bars need contrast against the white chart area.
    seriesColours: STATUSES.map((s) => settings.colours[s].font),
  };
}

/** Name for the summary: the configured one, unless a sheet that is not the add-in's own already has it. */
export function chooseSummaryName(
  desired: string,
  sheetNames: readonly string[],
  owned: string | null,
): { name: string; notice: string | null } {
  const taken = new Set(sheetNames.map(sheetKey).filter((n) => owned === null || n !== sheetKey(owned)));
  if (!taken.has(sheetKey(desired))) return { name: desired, notice: null };
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = desired.slice(0, 31 - suffix.length) + suffix;
    if (!taken.has(sheetKey(name))) {
      return {
        name,
        notice: `A sheet named "${desired}" already exists and is not Scorecard's own, so it was left alone and the summary was written to "${name}".`,
      };
    }
  }
}

/**
 * Wrapping a long name would need a taller row, which files cannot ask for (LibreOffice then draws the wrapped text
 * over the row above): the Measure column widens instead, and the sheet prints fitted to the page width.
 */
function columnWidths(measures: readonly MeasureReport[]): { col: number; width: number }[] {
  const longest = measures.reduce((w, m) => Math.max(w, m.name.length + 2), COLUMN_WIDTHS[NAME_COLUMN]);
  return COLUMN_WIDTHS.map((width, col) => ({
    col,
    width: col === NAME_COLUMN ? Math.min(longest, MAX_NAME_WIDTH) : width,
  }));
}

/** Hosts write a block as one rectangular range: pad short rows with empty cells. */
function rectangular(rows: OutCell[][]): OutCell[][] {
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  for (const row of rows) while (row.length < width) row.push(EMPTY);
  return rows;
}

const EMPTY: OutCell = { value: null };

/** The whole summary sheet. `replaces` is the add-in's previous summary sheet, if it still exists. */
export function buildSummarySheet(input: SummaryInput, name: string, replaces: string | null): OwnedSheetWrite {
  const b = new SheetBuilder();
  b.row(["Scorecard summary"], BOLD);
  b.row(["Status and trends of each measure's latest period, per directorate sheet and per group."]);
  const total = count(input.measures);
  const sheets = input.summary.length;
  b.row([`${total.total} measures on ${counted(sheets, "sheet")}; ${total.reporting} reporting.`]);
  b.blank();
  const chart = chartTable(b, input.summary, input.settings);
  for (const sheet of input.summary) sheetSection(b, sheet, input);
  dataQuality(b, input.problems);
  return {
    sheet: name,
    replaces,
    blocks: [{ row: 0, col: 0, cells: rectangular(b.rows) }],
    styles: b.styles,
    conditionalRules: [],
    columnWidths: columnWidths(input.measures),
    freezeRows: 1,
    page: PAGE,
    ...(chart ? { chart } : {}),
  };
}
