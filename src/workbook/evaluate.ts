/**
 * Rates every measure row of a found table (SPEC §3–4). Each row is rated with its own target, so past periods keep
 * the status they had; trends compare with the previous periods *in time*, whatever the sheet order. Each layout
 * (long, wide, single) has its own file under ./evaluate; what they share is the TableContext.
 */
import type { Aim, Status, Target, Trend } from "../core";
import type { Assurance, Variation } from "../core/spc";
import type { MeasureReport, Problem } from "./model";
import type { FoundTable } from "./scan";
import type { SheetSnapshot } from "./port";
import { TableContext } from "./evaluate/tableContext";
import type { MeasureSeries } from "./evaluate/tableContext";
import { evaluateLong } from "./evaluate/long";
import { evaluateWide } from "./evaluate/wide";
import { evaluateSingle } from "./evaluate/single";
import { sayRepeatsOnce } from "./evaluate/repeatedProblems";
import type { TooLongForFormulas } from "./evaluate/liveBudget";

export interface CellAt {
  readonly row: number;
  readonly col: number;
}

/**
 * Cells of one column that hold a measure's figures oldest first, for a formula to read live: every cell from `from`
 * to `to` ("range"); or, when other measures' rows sit between, the cells of that span whose row has the measure's
 * key in column `keyCol`, as the key cell `key` (the formula's own row) reads: `FILTER(values, keys = key)`.
 * `anchored`: the span starts at the table's first row, written `$D$2:$D13`, so the formula filled down to another
 * measure's row still reads that measure's series.
 */
export type CellSeries =
  | { readonly kind: "range"; readonly from: CellAt; readonly to: CellAt }
  | {
      readonly kind: "filter";
      readonly from: CellAt;
      readonly to: CellAt;
      readonly keyCol: number;
      readonly key: CellAt;
      readonly anchored: boolean;
    };

/** The previous periods a long trend compares with: their cells, or their figures when no formula can read them. */
export type History = CellSeries | { readonly kind: "values"; readonly values: readonly number[] };

export interface RowOutcome {
  readonly row: number;
  readonly valueCell: CellAt;
  readonly status: Status;
  /** Inputs are well formed, so a KPI.RAG formula gives this same status (otherwise the value is written). */
  readonly rateable: boolean;
  /**
   * The band the row was rated with when it is not its table's (EvaluatedTable.band): its own band cell's. Null for
   * the table's band, as nearly every row has: a number per row would be a heap number per row.
   */
  readonly ownBand: number | null;
  /** The row's band cell is not blank (an error too): a KPI.RAG formula reads it. */
  readonly bandFromCell: boolean;
  readonly aim: Aim | null;
  /** The aim came from the target's words (`≥ 95%`), so a trend formula must be given the target to see it. */
  readonly aimImplied: boolean;
  readonly target: Target | null;
  readonly shortTrend: Trend;
  readonly longTrend: Trend;
  /** Aim (and a Goldilocks target) are well formed, so KPI.TREND formulas give these same trends. */
  readonly trendable: boolean;
  readonly previousCell: CellAt | null;
  readonly history: History | null;
  /** Why the trends are NA when the row's period is the cause. */
  readonly trendNote: string | null;
  /** SPC of the measure's series up to this row's period (SPEC §7); NA when SPC is off or there is no series. */
  readonly variation: Variation;
  readonly assurance: Assurance;
  /**
   * A long row's series up to its own period, for KPI.SPC/KPI.ASSURANCE formulas; null when no formula can read it
   * (then the words are written as values), and for wide rows, whose series is their period columns.
   */
  readonly spcSeries: CellSeries | null;
}

export interface EvaluatedTable {
  /** The table as found, without its data rows: the outcomes stand for them (one list per row is enough to keep). */
  readonly table: Omit<FoundTable, "rows">;
  /** The amber band of the table's sheet: every row's but those rated with their own band cell's (ownBand). */
  readonly band: number;
  /** One per measure row, in sheet order. */
  readonly rows: readonly RowOutcome[];
  readonly measures: readonly MeasureReport[];
  readonly problems: readonly Problem[];
  /** The series of each long or wide measure, when SPC is on (an SPC chart draws it); empty when it is off. */
  readonly series: ReadonlyMap<MeasureReport, MeasureSeries>;
  /**
   * The latest value cell holding a figure of each long measure whose latest period has none (an error or a blank):
   * its number format is the measure's (numberFormats.ts, new-user finding N3). Absent for every other measure.
   */
  readonly figureCells: ReadonlyMap<MeasureReport, CellAt>;
  /**
   * A long table too long for live series formulas: the cells they would read per recalculation (over
   * evaluate/liveBudget.ts's budget) and what was written as values instead; its rows carry no series a formula reads.
   */
  readonly tooLongForFormulas?: TooLongForFormulas;
}

/** How a table is rated: its sheet's amber band, SPC on or off, and whether the rules are written as formulas. */
export interface EvaluateOptions {
  readonly band: number;
  readonly spc: boolean;
  readonly formulas: boolean;
}

export function evaluateTable(table: FoundTable, sheet: SheetSnapshot, opts: EvaluateOptions): EvaluatedTable {
  const { band } = opts;
  const ctx = new TableContext(table, sheet, band, opts.spc, opts.formulas);
  const rows = ctx.measureRows();
  const evaluate = { long: evaluateLong, wide: evaluateWide, single: evaluateSingle }[table.layout];
  const evaluated = evaluate(ctx, rows);
  ctx.reportMissingColumns(evaluated.rows);
  const { rows: outcomes, measures, tooLongForFormulas } = evaluated;
  return {
    table: withoutRows(table),
    band,
    rows: outcomes,
    measures,
    problems: sayRepeatsOnce(ctx.problems, (row) => ctx.measureOf(row)),
    series: ctx.series,
    figureCells: ctx.figureCells,
    ...(tooLongForFormulas !== undefined ? { tooLongForFormulas } : {}),
  };
}

/** A table's fields but its data rows: kept for the plan, which needs no DataRow (a million rows: ~40 MB). */
function withoutRows(table: FoundTable): Omit<FoundTable, "rows"> {
  const { rows, ...kept } = table;
  return kept;
}
