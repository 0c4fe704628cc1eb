/**
 * The workbook port: the only surface the operations need from a spreadsheet host.
 * Operations read one snapshot, compute a plan with pure code, and hand the plan back
 * to the host to write in one batch. Two hosts implement it: Office.js (src/hosts/office)
 * and ExcelJS (src/hosts/xlsx). Coordinates are 0-based (row 0 = sheet row 1, col 0 = A).
 */
import type { CellValue } from "../core/types";

export interface CellRange {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

export interface CellRef {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
}

export interface TableSnapshot {
  /** Excel Table (ListObject) name. */
  readonly name: string;
  /** Whole table including its header row. */
  readonly range: CellRange;
}

export interface SheetSnapshot {
  readonly name: string;
  readonly visible: boolean;
  /** Sheet protection is on: the host cannot write to it. */
  readonly protected: boolean;
  /** Sheet position of values[0][0] (top-left of the used range). */
  readonly top: number;
  readonly left: number;
  /** Used range, rectangular; formulas hold the formula text ("=…") or null, same shape. */
  readonly values: readonly (readonly CellValue[])[];
  readonly formulas: readonly (readonly (string | null)[])[];
  readonly tables: readonly TableSnapshot[];
}

export interface WorkbookSnapshot {
  readonly sheets: readonly SheetSnapshot[];
  /** The add-in's stored state (settings, owned sheets) as JSON text, or null if never saved. */
  readonly state: string | null;
  /**
   * The workbook's structure is protected (Review › Protect Workbook; a file's `<workbookProtection
   * lockStructure="1">`, Office.js `workbook.protection.protected`): no sheet can be added, renamed or hidden, while
   * the cells of existing sheets can still be written. See operations/structureLock.ts.
   */
  readonly structureLocked: boolean;
}

/**
 * One written cell: a value, or a formula with its cached value (ExcelJS writes both). `array`: the formula needs
 * array evaluation (a range inside IF, `IF(E2:F2="","",E2:F2)`): a file stores it as a one-cell array formula,
 * `<f t="array" ref="J2">`, which every Excel version evaluates as an array; a plain `<f>` is loaded as a legacy
 * formula with implicit intersection, so IF would see one cell of the range ("Range.Formula vs Range.Formula2",
 * learn.microsoft.com/office/vba/excel/concepts/cells-and-ranges/range-formula-vs-formula2). Office.js's
 * `range.formulas` in dynamic-array Excel already evaluates it as an array.
 */
export type OutCell = { readonly value: string | number | null; readonly formula?: string; readonly array?: true };

export interface CellStyle {
  /** "#RRGGBB" */
  readonly fill?: string;
  readonly font?: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** Excel number format, e.g. "0%". */
  readonly numberFormat?: string;
  readonly wrap?: boolean;
  /**
   * The cell's fill and font colour go back to none/automatic (applied before the other parts): an output cell the
   * add-in coloured before and no longer fills, e.g. Variation/Assurance after SPC is switched off.
   */
  readonly plain?: true;
}

export interface StyledRange {
  readonly range: CellRange;
  readonly style: CellStyle;
}

/**
 * The styles of one column, row by row from `row`, compactly: `index[i]` is 0 for no style, else 1 + an index into
 * `looks`. Its styles are exactly one StyledRange per run of rows with the same index (a row indexed 0 has none),
 * in the same place of the plan; the rows it spans count as written to, as a block's do. An output column of a long table alternates colours nearly every row: as ranges that
 * was two objects per row (~50 bytes), here a byte; hosts read it as it is or expand it to runs
 * (styleRuns.ts styledRanges).
 */
export interface StyledColumn {
  readonly row: number;
  readonly col: number;
  readonly index: Uint8Array | Uint16Array;
  /** Distinct looks: no two equal in every field, so runs of equal index are runs of equal style. */
  readonly looks: readonly CellStyle[];
}

export type StyleWrite = StyledRange | StyledColumn;

/** Conditional format expression rule, written relative to range's top-left cell (e.g. `=$H5="Red"`). */
export interface ConditionalRule {
  readonly range: CellRange;
  readonly formula: string;
  readonly style: CellStyle;
}

/**
 * A block's rows made on demand, top to bottom, each `width` cells wide: an output column of a long table is planned
 * as this, so its cells (a formula text each) are built as the host writes them, not all held at once. At 1,048,576
 * rows the three formula columns held ~700 MB of text before the write began (issue 8: ≤ 1.5 GB). `row(i)` gives the
 * same cells whenever it is called.
 */
export interface RowSource {
  readonly length: number;
  readonly width: number;
  row(i: number): readonly OutCell[];
}

export interface BlockWrite {
  readonly row: number;
  readonly col: number;
  /** Rows of cells from (row, col); a hole (undefined) leaves its cell alone. Read it through blockRows.ts. */
  readonly cells: readonly (readonly OutCell[])[] | RowSource;
}

export interface SheetWrite {
  readonly sheet: string;
  readonly blocks: readonly BlockWrite[];
  /** Applied in order; where two cover a cell, the later lies on top. */
  readonly styles: readonly StyleWrite[];
  /** Replaces any conditional format the add-in wrote before on these ranges. */
  readonly conditionalRules: readonly ConditionalRule[];
  readonly columnWidths?: readonly { readonly col: number; readonly width: number }[];
  /**
   * Measure tables the write adds output columns to (`from`: the table, header row included, over its input columns
   * or those and output columns it already had; `to`: the table with every output). A sheet AutoFilter whose range is
   * exactly a `from` grows to its `to`, so its buttons reach Status and the trends, as an Excel Table does; any other
   * AutoFilter is left as it is.
   */
  readonly widenFilters?: readonly { readonly from: CellRange; readonly to: CellRange }[];
}

/** What every chart the add-in draws has: a name to find it again by, a title and a place. */
interface ChartPlacement {
  /**
   * The chart's name. A host finds the add-in's chart again by this name and rewrites it in place, so a regenerated
   * sheet never gets a second chart.
   */
  readonly name: string;
  readonly title: string;
  /** Where to place the chart (top-left cell). */
  readonly anchor: { readonly row: number; readonly col: number };
  /**
   * The cells the chart covers from its anchor: the sheet leaves them empty for it, so a host that sizes the chart
   * to them never draws it over text. A host that cannot size a chart keeps its default size.
   */
  readonly span?: { readonly rows: number; readonly cols: number };
}

/** The summary's chart. */
export interface StackedBarChartSpec extends ChartPlacement {
  readonly kind: "stackedBar";
  /**
   * Data range on the summary sheet: first column the categories (one per directorate), header row the series names
   * (the statuses), the counts below. Drawn as a stacked bar chart, one series per status.
   */
  readonly range: CellRange;
  /** "#RRGGBB" per series, in the order of the header row. */
  readonly seriesColours: readonly string[];
}

/** How one series of a line chart is drawn. */
export interface LineSeriesStyle {
  /** "#RRGGBB" of the line and the markers. */
  readonly colour: string;
  /** The line joining the points; "none" draws the markers alone (blank cells then leave no gap to bridge). */
  readonly line: "solid" | "dash" | "none";
  /** Circle markers this many points across (Excel takes 2 to 72), or none. */
  readonly marker: { readonly size: number } | null;
}

/** A line chart over a block of the sheet (the SPC chart). */
export interface LineChartSpec extends ChartPlacement {
  readonly kind: "line";
  /**
   * Header row (the series names) then one row per category: first column the categories (periods, oldest first),
   * each further column a series; a blank cell is no point (a gap).
   */
  readonly range: CellRange;
  /** One per column after the first, in order. */
  readonly series: readonly LineSeriesStyle[];
  /**
   * The value axis: bounds set, so a series far from zero is not flattened against an axis that starts at 0, and
   * the labels' number format (the values' own: 73% rather than 0.73). `step` is the major unit (the gap between
   * gridlines), set rather than left to Excel so the chart shows the pane preview's scale.
   */
  readonly axis: { readonly min: number; readonly max: number; readonly step: number; readonly numberFormat: string };
}

export type ChartSpec = StackedBarChartSpec | LineChartSpec;

/** How a sheet prints. */
export interface PageLayout {
  readonly orientation: "portrait" | "landscape";
  readonly paper: "A4";
  /** Scale the print so every column fits one page wide, as many pages tall as it takes. */
  readonly fitToWidth: boolean;
  /**
   * repeatRows rows from repeatFrom (0-based, 0 when absent) are printed at the top of every page after the one they
   * first print on (the title rows, or a table's header below a chart); 0 for none. See printTitleRows.
   */
  readonly repeatRows: number;
  readonly repeatFrom?: number;
  /** A footer with the workbook's name on the left and "Page N of M" on the right. */
  readonly footer: boolean;
}

/** A sheet the add-in owns and rebuilds whole (the summary, the SPC chart's sheet). */
export interface OwnedSheetWrite extends SheetWrite {
  /**
   * The add-in's existing sheet this one replaces, if any. Hosts rewrite that sheet in place (clear its contents and
   * the add-in's chart, rename it when the name changed, write the new contents) and never delete and re-add it:
   * deleting a sheet turns every formula, name or chart that refers to it into #REF!.
   */
  readonly replaces: string | null;
  readonly chart?: ChartSpec;
  readonly freezeRows?: number;
  readonly page?: PageLayout;
}

export interface WritePlan {
  readonly sheets: readonly SheetWrite[];
  readonly ownedSheet?: OwnedSheetWrite;
  /** New add-in state (JSON) to store in the workbook. */
  readonly state?: string;
}

export type Progress = (done: number, total: number, what: string) => void;

export interface WorkbookPort {
  readWorkbook(): Promise<WorkbookSnapshot>;
  /** Bold flags for a few cells (group title candidates), in the order asked. */
  readBold(cells: readonly CellRef[]): Promise<boolean[]>;
  /**
   * Excel number format codes ("0.0%", "General" for none) of the cells asked, in the order asked: the value and
   * target cells the summary and the reasons show, read lazily so the snapshot carries no format per cell.
   */
  readNumberFormats(cells: readonly CellRef[]): Promise<string[]>;
  /** Writes the plan in batches; per-sheet failures (protection…) are returned, not thrown. */
  write(plan: WritePlan, progress?: Progress): Promise<readonly WriteProblem[]>;
  /** Selects a cell in the host UI (Excel only; file hosts ignore it). */
  select?(ref: CellRef): Promise<void>;
}

export interface WriteProblem {
  readonly sheet: string;
  readonly message: string;
  /** Only an optional part (print layout, chart) is missing: the sheet's contents were written. */
  readonly optional?: boolean;
}
