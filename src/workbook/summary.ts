/**
 * The summary sheet (SPEC §5) as a committee paper lays it out: the period it covers, the RAG counts per directorate
 * with a chart that reads them, a key to the colours and the trend words, then per directorate sheet and per group
 * the narrative, the counts and a table of every measure (Red first, NA last, split by why), and every data problem
 * with its cell. The sheet is the add-in's own and is rebuilt whole; a user's sheet that happens to carry the
 * configured name is never touched.
 */
import { STATUSES, count, counted, formatTrend, narrative, periodLine } from "../core";
import { breakLines, listUpTo } from "../core/text";
import type { Counts, SheetSummary, Status, Trend } from "../core";
import type { MeasureReport, Problem } from "./model";
import type { CellStyle, ChartSpec, OutCell, OwnedSheetWrite, PageLayout, RowSource, StyleWrite } from "./port";
import { StyledColumnBuilder } from "./styleRuns";
import { sheetBandKey, statusStyle } from "./settings";
import type { Settings } from "./settings";
import { freeSheetName } from "./sheetNames";
import { spcLegendRows, spcSummaryRows } from "./spcSummary";
import { SHEET_ROWS, codesCell, fitCell, lineCut, sentenceCut } from "./excelLimits";
import { thousands } from "../core/figureFormat";
import { measuresBySheet } from "./measuresBySheet";
import { isPercentFormat } from "./numberFormats";
import { round10 } from "../core/numbers";
import type { SummaryRow } from "./spcSummary";
import type { SheetMeasures } from "./measuresBySheet";

const BOLD: CellStyle = { bold: true };
const HEADING: CellStyle = { bold: true, font: "#1F3864" };
/** Printed on every page (PageLayout.repeatRows): the title and the period. */
const TITLE_ROWS = 2;
/** The columns are wider than a portrait page: printed or saved as PDF, the text columns would be cut off. */
const PAGE: PageLayout = {
  orientation: "landscape",
  paper: "A4",
  fitToWidth: true,
  repeatRows: TITLE_ROWS,
  footer: true,
};
/** How the hosts find the summary's chart again to rewrite it in place. */
export const SUMMARY_CHART_NAME = "Scorecard RAG chart";
/** Cells left empty below the counts for the chart: Excel's default chart is about 15 rows by 8 standard columns. */
const CHART_SPAN = { rows: 16, cols: 4 };

/** A column of the measure tables. */
interface MeasureColumn {
  readonly header: string;
  readonly width: number;
  readonly cell: (m: MeasureReport, settings: Settings) => string | number | null;
  /** The number format the source showed the figure with, written with it (new-user finding F4). */
  readonly format?: (m: MeasureReport) => string | undefined;
}

/**
 * "60–70" for a range, as the reports write it ("60%–70%" when the target shows percentages); a single target stays a
 * number, written with the target's number format.
 */
function targetCell(m: MeasureReport): string | number | null {
  const { target } = m;
  if (target === null || typeof target === "number") return target;
  const percent = m.targetFormat !== undefined && isPercentFormat(m.targetFormat);
  const figure = (x: number) => (percent ? `${round10(x * 100)}%` : String(x));
  return `${figure(target[0])}–${figure(target[1])}`;
}

function noteCell(m: MeasureReport): string | null {
  // Beside the period's NA, the Variation and Assurance words are about an older figure: said (finding F24, SPEC §7).
  if (m.naKind === "noData") return m.spcNote === undefined ? "Data not available" : `Data not available; ${m.spcNote}`;
  if (m.naKind === "notRated") return `Not rated: ${m.reason.replace(/^NA:\s*/, "")}`;
  return null;
}

const MEASURE_COLUMNS: readonly MeasureColumn[] = [
  { header: "Measure", width: 60, cell: (m) => m.name },
  { header: "Code", width: 14, cell: (m) => m.code },
  { header: "Period", width: 14, cell: (m) => m.period },
  { header: "Value", width: 11, cell: (m) => m.value, format: (m) => m.valueFormat },
  {
    header: "Target",
    width: 11,
    cell: targetCell,
    format: (m) => (typeof m.target === "number" ? m.targetFormat : undefined),
  },
  { header: "Status", width: 10, cell: (m) => m.status },
  { header: "Short trend", width: 12, cell: (m, s) => formatTrend(m.shortTrend, s.trendLabels) },
  { header: "Long trend", width: 12, cell: (m, s) => formatTrend(m.longTrend, s.trendLabels) },
  { header: "Note", width: 40, cell: noteCell },
];
const NAME_COLUMN = 0;
const NOTE_COLUMN = MEASURE_COLUMNS.findIndex((c) => c.header === "Note");
const STATUS_COLUMN = MEASURE_COLUMNS.findIndex((c) => c.header === "Status");
/** The Measure column grows to the longest name up to this width, so names are not cut off by the code beside. */
const MAX_NAME_WIDTH = 110;
/** The Note column grows too ("Data not available; SPC of figures to Jul 2025: Aug 2025 to Sep 2025 have none"). */
const MAX_NOTE_WIDTH = 80;

/** Red first: the committee reads what needs attention first (SPEC §5); NA last, without data before not rated. */
function tableRank(m: MeasureReport): number {
  const rank: Record<Status, number> = { Red: 0, Amber: 1, Green: 2, NA: 3 };
  return rank[m.status] + (m.naKind === "notRated" ? 1 : 0);
}

type RowValues = readonly (string | number | null)[];

const isRowValues = (row: RowValues | MeasureReport): row is RowValues => Array.isArray(row);

/**
 * Rows of the sheet being built, with their styles, up to `limit` rows: a row asked for past it is not written
 * (row() gives -1) and the builder is `cut`, so the summary can say where it stopped and never passes Excel's rows.
 */
class SheetBuilder {
  /** A measure table's row is kept as its report and made into cells when written (rectangular): no copy per row. */
  readonly rows: (RowValues | MeasureReport)[] = [];
  readonly styles: StyleWrite[] = [];
  cut = false;
  /** The characters a text starting in each column may take before it spills past the table's last column. */
  room: readonly number[] = [];

  constructor(public limit: number) {}

  private get full(): boolean {
    return this.rows.length >= this.limit;
  }

  /** Whether another row fits; when none does, the builder is cut (the caller had more to write). */
  fits(): boolean {
    if (this.full) this.cut = true;
    return !this.full;
  }

  row(values: RowValues | MeasureReport, style?: CellStyle): number {
    if (!this.fits()) return -1;
    const row = this.rows.length;
    this.rows.push(values);
    if (!isRowValues(values)) return row;
    if (style) this.styles.push({ range: { row, col: 0, rows: 1, cols: values.length }, style });
    return row;
  }

  /**
   * A row of sentences or lists of codes: a text longer than its room goes on in the same column of the rows below,
   * broken after a space (the other cells in the first row only). The first row's index.
   */
  text(values: RowValues): number {
    const columns = values.map((v, col) =>
      typeof v === "string" && v.length > (this.room[col] ?? Infinity) ? breakLines(v, this.room[col]) : [v],
    );
    const height = Math.max(1, ...columns.map((lines) => lines.length));
    const first = this.row(columns.map((lines) => lines[0]));
    for (let i = 1; i < height; i++) this.row(columns.map((lines) => lines[i] ?? null));
    return first;
  }

  blank(count = 1): void {
    for (let i = 0; i < count && !this.full; i++) this.rows.push([]);
  }

  style(row: number, col: number, style: CellStyle): void {
    if (row >= 0) this.styles.push({ range: { row, col, rows: 1, cols: 1 }, style });
  }
}

export interface SummaryInput {
  readonly summary: readonly SheetSummary[];
  readonly measures: readonly MeasureReport[];
  readonly problems: readonly Problem[];
  readonly settings: Settings;
}

const percent = (band: number): string => `${Math.round(band * 1000) / 10}%`;

/** What Amber and Red mean with the band in force, and each sheet's own band where it has one. */
function bandWords(
  settings: Settings,
  sheets: readonly string[],
): { amber: string; red: string; perSheet: string | null } {
  const own = sheets
    .map((sheet) => ({ sheet, key: sheetBandKey(settings.sheetBands, sheet) }))
    .filter((s): s is { sheet: string; key: string } => s.key !== undefined)
    .map(({ sheet, key }) => {
      const band = settings.sheetBands[key];
      return `${sheet} ${band === 0 ? "Amber off" : percent(band)}`;
    });
  const perSheet = own.length > 0 ? `Amber band on these sheets: ${own.join("; ")}.` : null;
  if (settings.band === 0) {
    return { amber: "Not used: the amber band is off, so any shortfall is Red.", red: "Short of target.", perSheet };
  }
  const b = percent(settings.band);
  return {
    amber: `Short of target by less than ${b} of the target (the amber band), or not worse than the measure's floor.`,
    red: `Short of target by ${b} of the target or more, or worse than the measure's floor.`,
    perSheet,
  };
}

/** The key: what each colour and each direction-of-travel word means, in the reports' own wording. */
function legend(b: SheetBuilder, settings: Settings, sheets: readonly string[]): void {
  b.row(["Key"], HEADING);
  const bands = bandWords(settings, sheets);
  const meanings: Record<Status, string> = {
    Green: "Target met or beaten (inside the range for a measure aiming within a range).",
    Amber: bands.amber,
    Red: bands.red,
    NA: "Data not available (no value for the period), or not rated (no usable target or aim).",
  };
  for (const status of STATUSES) b.style(b.row([status, meanings[status]]), 0, statusStyle(settings, status));
  if (bands.perSheet) b.row([bands.perSheet]);
  const trends: [Trend, string][] = [
    ["IMP", "performance has improved"],
    ["DET", "performance has worsened"],
    ["STATIC", "performance is unchanged"],
  ];
  for (const [trend, meaning] of trends)
    b.row([formatTrend(trend, settings.trendLabels), `Direction of travel: ${meaning}.`]);
  b.row(["Short trend: against the previous period. Long trend: against the average of up to 4 earlier periods."]);
  if (settings.spc) spcRows(b, spcLegendRows());
}

/**
 * The counts with each status's codes, one cell per list: a list past Excel's cell limit (a directorate of ~4,000 Red
 * measures) is cut at a code and says how many more the measure table below lists.
 */
function countsBlock(b: SheetBuilder, counts: Counts, settings: Settings): void {
  b.row(["Measures", counts.total]);
  b.row(["Reporting", counts.reporting]);
  const codesRow = (label: string, codes: readonly string[]) =>
    b.text([label, codes.length, codesCell(codes, "measure table")]);
  for (const status of ["Red", "Amber", "Green"] as const) {
    b.style(codesRow(status, counts.codes[status]), 0, statusStyle(settings, status));
  }
  const na = statusStyle(settings, "NA");
  b.style(codesRow("NA: data not available", counts.noData), 0, na);
  b.style(codesRow("NA: not rated", counts.notRated), 0, na);
}

/** The measures' rows, Red first; how many were listed (all, unless the sheet reached Excel's last row). */
function measureTable(b: SheetBuilder, measures: readonly MeasureReport[], settings: Settings): number {
  if (measures.length === 0) return 0;
  b.row(
    MEASURE_COLUMNS.map((c) => c.header),
    BOLD,
  );
  const ordered = measures
    .map((m, i) => ({ m, i }))
    .sort((x, y) => tableRank(x.m) - tableRank(y.m) || x.i - y.i)
    .map(({ m }) => m);
  const first = b.rows.length;
  let listed = 0;
  for (const m of ordered) {
    if (b.row(m) < 0) break;
    listed++;
  }
  const shown = ordered.slice(0, listed);
  // The figures' number formats, one compact StyledColumn per column (a style per cell was ~150 bytes a row).
  MEASURE_COLUMNS.forEach((c, col) => {
    if (!c.format || listed === 0) return;
    const formats = new StyledColumnBuilder(col, first, listed);
    shown.forEach((m, i) => {
      const numberFormat = c.format?.(m);
      if (numberFormat !== undefined) formats.set(i, { numberFormat });
    });
    b.styles.push(formats.done());
  });
  // Sorted by status, each status is one run of rows: one styled range each, not one per cell (Office payloads).
  for (const status of STATUSES) {
    const at = shown.findIndex((m) => m.status === status);
    if (at < 0) continue;
    const rows = shown.filter((m) => m.status === status).length;
    b.styles.push({
      range: { row: first + at, col: STATUS_COLUMN, rows, cols: 1 },
      style: statusStyle(settings, status),
    });
  }
  return listed;
}

/** Rows of the SPC part (issue 12), written only when the SPC setting is on. */
function spcRows(b: SheetBuilder, rows: readonly SummaryRow[]): void {
  for (const { values, style } of rows) {
    const row = b.text(values);
    if (style) b.style(row, 0, style);
  }
}

/** The sentences' lists of codes are cut, past a cell's room, at a code (the measure table lists them all). */
const NARRATIVE_CUT = sentenceCut("measure table");

/** A directorate's section; how many of its measures the tables list (fewer only when the sheet is cut). */
function sheetSection(b: SheetBuilder, sheet: SheetSummary, measures: SheetMeasures, settings: Settings): number {
  b.row([sheet.sheet], HEADING);
  for (const sentence of narrative(sheet, "directorate", NARRATIVE_CUT)) b.text([sentence]);
  countsBlock(b, sheet, settings);
  if (settings.spc) spcRows(b, spcSummaryRows(measures.all, "directorate"));
  b.blank();
  const ungrouped = measures.groups.get(null) ?? [];
  // One group holding every measure of the sheet is most often the sheet's own merged title read as a group (SPEC §1
  // takes a bold or merged title row as one): its counts and sentences would repeat the directorate's word for word
  // (new-user finding N9). Such a group adds nothing the directorate heading does not say, so its level is left out
  // and the measures are listed under the directorate; a sheet with two or more groups, or measures outside its one
  // group, keeps the group level.
  if (sheet.groups.length === 1 && ungrouped.length === 0) {
    const listed = measureTable(b, measures.groups.get(sheet.groups[0].group) ?? [], settings);
    b.blank();
    return listed;
  }
  let listed = 0;
  for (const group of sheet.groups) {
    if (!b.fits()) return listed;
    b.row([group.group], BOLD);
    for (const sentence of narrative(group, "outcome", NARRATIVE_CUT)) b.text([sentence]);
    countsBlock(b, group, settings);
    const inGroup = measures.groups.get(group.group) ?? [];
    if (settings.spc) spcRows(b, spcSummaryRows(inGroup, "outcome"));
    listed += measureTable(b, inGroup, settings);
    b.blank();
  }
  if (ungrouped.length > 0) {
    if (sheet.groups.length > 0) b.row(["Other measures"], BOLD);
    listed += measureTable(b, ungrouped, settings);
    b.blank();
  }
  return listed;
}

/**
 * The data problems listed on the sheet: enough for a committee paper and its officers to work through; a sheet of
 * a million rows with a problem on each would otherwise need more rows than Excel has (the rest are counted).
 */
export const LISTED_PROBLEMS = 10_000;

/** Rows the data-quality part takes: its heading, then "none", or a header, the rows listed and the rest counted. */
function dataQualityRows(rows: number): number {
  if (rows === 0) return 2;
  return 2 + Math.min(rows, LISTED_PROBLEMS) + (rows > LISTED_PROBLEMS ? 1 : 0);
}

/** Problems with the same message on the same sheet, in the order of their first; `cells` in order. */
interface ProblemGroup {
  readonly sheet: string;
  readonly message: string;
  readonly cells: string[];
}

/**
 * The same problem on many measures is one row (new-user finding N17: 24 rows of `Unknown aim "Hgher is better"` in a
 * committee paper): the message once, with how many cells and as many of them as fit beside it within the table's
 * columns. The task pane's Problems list and the command line still give every cell.
 */
function groupProblems(problems: readonly Problem[]): ProblemGroup[] {
  const groups = new Map<string, ProblemGroup>();
  for (const p of problems) {
    const key = `${p.sheet}\u0000${p.message}`;
    const group = groups.get(key);
    if (group) group.cells.push(p.cell);
    else groups.set(key, { sheet: p.sheet, message: p.message, cells: [p.cell] });
  }
  return [...groups.values()];
}

function problemRow(group: ProblemGroup, room: number): RowValues {
  const { sheet, message, cells } = group;
  if (cells.length === 1) return [sheet, cells[0], message];
  const lead = `${message} In ${cells.length} cells: `;
  const list = listUpTo(cells, {
    maxChars: Math.max(20, room - lead.length - 1),
    more: (n) => `… and ${n} more`,
  });
  return [sheet, `${cells[0]} (+${cells.length - 1})`, `${lead}${list}.`];
}

function dataQuality(b: SheetBuilder, groups: readonly ProblemGroup[]): void {
  b.row(["Data quality"], HEADING);
  if (groups.length === 0) {
    b.row(["No data problems found."]);
    return;
  }
  b.row(["Sheet", "Cell", "Problem"], BOLD);
  for (const group of groups.slice(0, LISTED_PROBLEMS)) b.row(problemRow(group, b.room[2]));
  const more = groups.slice(LISTED_PROBLEMS).reduce((n, g) => n + g.cells.length, 0);
  if (more > 0) {
    b.row([
      `… and ${more} more data problems, not listed here: the task pane's Problems list shows every one, and the command line prints them all (on stderr, and in its --json report).`,
    ]);
  }
}

/** Where the sheet stopped, when the sections reached Excel's last rows: how many measures the tables leave out. */
function stopNote(listed: number, total: number): string {
  return `The summary stops here: an Excel sheet holds at most ${thousands(SHEET_ROWS)} rows, so ${total - listed} of the ${total} measures are not listed above. The command line's --json report lists every measure.`;
}

/** The RAG counts table, one row per directorate; the chart below draws these very cells. */
function chartTable(b: SheetBuilder, summary: readonly SheetSummary[], settings: Settings): ChartSpec | undefined {
  b.row(["RAG counts by directorate"], HEADING);
  const header = b.row(["Sheet", ...STATUSES, "Total", "Reporting"], BOLD);
  STATUSES.forEach((status, i) => b.style(header, i + 1, statusStyle(settings, status)));
  for (const s of summary) b.row([s.sheet, s.green, s.amber, s.red, s.na, s.total, s.reporting]);
  b.blank();
  if (summary.length === 0 || b.cut) return undefined;
  const anchor = { row: b.rows.length, col: 0 };
  b.blank(CHART_SPAN.rows + 1);
  return {
    kind: "stackedBar",
    name: SUMMARY_CHART_NAME,
    range: { row: header, col: 0, rows: summary.length + 1, cols: 5 },
    title: "RAG status by directorate",
    anchor,
    span: CHART_SPAN,
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
  const name = freeSheetName(desired, sheetNames, owned);
  if (name === desired) return { name, notice: null };
  return {
    name,
    // Not "left alone": the user's sheet is scanned like any other, so a measure table on it gets its statuses (N22).
    notice: `A sheet named "${desired}" already exists and is not Scorecard's own, so the summary was written to "${name}"; "${desired}" is treated as one of your sheets (a measure table on it is rated like any other).`,
  };
}

/**
 * Wrapping a long name would need a taller row, which files cannot ask for (LibreOffice then draws the wrapped text
 * over the row above): the Measure and Note columns widen instead, and the sheet prints fitted to the page width.
 */
function columnWidths(measures: readonly MeasureReport[]): { col: number; width: number }[] {
  const longest = (cell: (m: MeasureReport) => string | null, from: number) =>
    measures.reduce((w, m) => Math.max(w, (cell(m)?.length ?? 0) + 2), from);
  return MEASURE_COLUMNS.map((column, col) => ({
    col,
    width:
      col === NAME_COLUMN
        ? Math.min(
            longest((m) => m.name, column.width),
            MAX_NAME_WIDTH,
          )
        : col === NOTE_COLUMN
          ? Math.min(longest(noteCell, column.width), MAX_NOTE_WIDTH)
          : column.width,
  }));
}

/**
 * How many characters a text starting in each column may take before it spills past the table's last column: the
 * sheet prints fitted to its widest row, so one sentence listing 1,200 codes in a cell shrank the whole page to a
 * grey texture (new-user finding N2). A column's width counts its font's digits; text of letters, commas and spaces
 * is narrower on average, bold text a little wider: 90% keeps a line inside the table.
 */
function roomFrom(widths: readonly { width: number }[]): number[] {
  return widths.map((_, col) => Math.floor(0.9 * widths.slice(col).reduce((sum, w) => sum + w.width, 0)));
}

/**
 * The rows as cells made when the host writes them (a summary of 262,144 measures held ~115 MB of cells as objects),
 * each as wide as the widest: hosts write a block as one rectangular range, short rows padded with empty cells.
 */
function rectangular(rows: readonly (RowValues | MeasureReport)[], settings: Settings): RowSource {
  const width = rows.reduce((w, r) => Math.max(w, isRowValues(r) ? r.length : MEASURE_COLUMNS.length), 0);
  return {
    length: rows.length,
    width,
    row: (i) => {
      const row = rows[i];
      const values = isRowValues(row) ? row : MEASURE_COLUMNS.map((c) => c.cell(row, settings));
      const cells: OutCell[] = new Array(width);
      for (let c = 0; c < width; c++) cells[c] = c < values.length ? { value: cellValue(values[c]) } : EMPTY;
      return cells;
    },
  };
}

const EMPTY: OutCell = Object.freeze({ value: null });

/** Any text within Excel's cell limit, whatever it quotes: a name, a reason, a problem's message, a group's title. */
const cellValue = (value: string | number | null): string | number | null =>
  typeof value === "string" ? fitCell(value) : value;

/** The whole summary sheet. `replaces` is the add-in's previous summary sheet, if it still exists. */
export function buildSummarySheet(input: SummaryInput, name: string, replaces: string | null): OwnedSheetWrite {
  // Rows kept free at the foot of the sheet: the data-quality part and one row to say where the sections stopped.
  const problemGroups = groupProblems(input.problems);
  const b = new SheetBuilder(SHEET_ROWS - dataQualityRows(problemGroups.length) - 1);
  b.row(["Scorecard summary"], HEADING);
  // "Periods: " and the full stop around the list; a period label is the user's text, so there may be thousands.
  b.row([periodLine(input.measures, lineCut("Period column", "Periods: .".length))], BOLD);
  const total = count(input.measures);
  const sheets = input.summary.length;
  b.row([
    `${counted(total.total, "measure")} on ${counted(sheets, "sheet")}, ${total.reporting} reporting: status and trends of each measure's latest period, per directorate sheet and per group.`,
  ]);
  b.blank();
  // The counts come before the key, whose length varies with the settings (a sheet's own band, the SPC rows): cells
  // that dashboards link to (='Scorecard Summary'!B7, the first directorate's Green) stay put when SPC is switched on.
  const chart = chartTable(b, input.summary, input.settings);
  const widths = columnWidths(input.measures);
  // Only the sections' sentences and lists are broken into lines: the rows above (counts dashboards link to) stay put.
  b.room = roomFrom(widths);
  legend(
    b,
    input.settings,
    input.summary.map((s) => s.sheet),
  );
  b.blank();
  const measuresOf = measuresBySheet(input.measures);
  let listed = 0;
  for (const sheet of input.summary) {
    if (!b.fits()) break;
    listed += sheetSection(b, sheet, measuresOf(sheet.sheet), input.settings);
  }
  b.limit = SHEET_ROWS;
  if (b.cut) b.row([stopNote(listed, input.measures.length)]);
  dataQuality(b, problemGroups);
  return {
    sheet: name,
    replaces,
    blocks: [{ row: 0, col: 0, cells: rectangular(b.rows, input.settings) }],
    styles: b.styles,
    conditionalRules: [],
    columnWidths: widths,
    freezeRows: TITLE_ROWS,
    page: PAGE,
    ...(chart ? { chart } : {}),
  };
}
