/** What the operations report: problems with their cells, one entry per measure, per-sheet scans. */
import type { Aim, NaKind, SheetSummary, Status, Trend } from "../core";
import type { Settings } from "./settings";
import type { Assurance, Variation } from "../core/spc";
import type { WriteProblem } from "./port";

export type Layout = "long" | "wide" | "single";

/** A data problem the analyst can fix: sheet, A1 cell, plain message. */
export interface Problem {
  readonly sheet: string;
  readonly cell: string;
  readonly message: string;
  /**
   * The other cells with this same problem when a measure repeats it row after row (the message names the first few
   * and counts them all), or the other rows of a code used more than once: every one, in row order, for a reader of the
   * JSON report. Absent on a problem of one cell.
   */
  readonly also?: readonly string[];
}

export interface TableScan {
  /** A1 range of the table including its header row, e.g. "A3:H40". */
  readonly address: string;
  readonly layout: Layout;
  readonly measures: number;
  readonly rows: number;
}

export interface SheetScan {
  readonly sheet: string;
  readonly tables: readonly TableScan[];
  /** Why the sheet was not read (hidden, the add-in's own summary). */
  readonly skipped?: string;
}

/** One measure at its latest period. */
export interface MeasureReport {
  readonly sheet: string;
  readonly group: string | null;
  readonly code: string;
  readonly name: string;
  readonly period: string | null;
  /** The aim cell's, or the one the target implies when that cell is blank (then aimImplied is true). */
  readonly aim: Aim | null;
  readonly aimImplied: boolean;
  readonly value: number | null;
  /** A single figure, or [lo, hi] for a Goldilocks range. */
  readonly target: number | readonly [number, number] | null;
  readonly floor: number | null;
  /**
   * Excel number formats the value and the target are shown with (the cell's, or "0.0%" for a percentage typed as
   * text), left out when General: the summary writes the figures with them (new-user finding F4). A General target
   * beside percentage values takes the values' format, as the reason reads it (finding F3).
   */
  readonly valueFormat?: string;
  readonly targetFormat?: string;
  readonly status: Status;
  /** Why the status is NA: "noData" (no value for the latest period) or "notRated" (no usable target or aim). */
  readonly naKind: NaKind | null;
  readonly shortTrend: Trend;
  readonly longTrend: Trend;
  /** SPC variation and assurance of the measure's history (SPEC §7): "NA" when SPC is off or not computable. */
  readonly variation: Variation;
  readonly assurance: Assurance;
  /**
   * When the latest period has no figure but SPC words were found, they are about the last figure there is (SPEC §7
   * reads numeric values only), and this says so: "SPC of figures to Aug 2025: Sep 2025 has none" (finding F24). It
   * ends the reason too; the Variation cell keeps its word.
   */
  readonly spcNote?: string;
  readonly reason: string;
  /** A1 of the row's status cell, or of its first cell when the table has no status column. */
  readonly cell: string;
}

export interface ScanReport {
  readonly settings: Settings;
  readonly sheets: readonly SheetScan[];
  readonly problems: readonly Problem[];
  readonly measures: readonly MeasureReport[];
  readonly summary: readonly SheetSummary[];
}

/** Where the rules wrote one table's Status, Short Trend and Long Trend, so the pane can say where to look. */
export interface OutputColumns {
  readonly sheet: string;
  /** In column order; `added` is false for a column the table already had (reused). */
  readonly columns: readonly { readonly header: string; readonly col: number; readonly added: boolean }[];
}

export interface ApplyReport extends ScanReport {
  readonly rowsRated: number;
  readonly columnsAdded: number;
  /** One entry per table the rules were written to. */
  readonly outputColumns: readonly OutputColumns[];
  readonly summarySheet: string | null;
  /** Sheets with measures whose statuses were not written because the sheet is protected (a notice says so). */
  readonly protectedSheets: readonly string[];
  /**
   * Sheets whose Variation/Assurance columns from an earlier SPC run were left empty because SPC is off this run: the
   * CLI says so and how to keep them (--spc), as its runs do not store the flag (new-user finding N5).
   */
  readonly spcCleared: readonly string[];
  readonly notices: readonly string[];
  readonly writeProblems: readonly WriteProblem[];
}

export interface SummaryResult {
  readonly summarySheet: string;
  readonly summary: readonly SheetSummary[];
  readonly notices: readonly string[];
  readonly writeProblems: readonly WriteProblem[];
}
