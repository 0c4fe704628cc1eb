/** What every layout needs while it rates a table: the cells, the one parse of a row, outcomes, reports, problems. */
import {
  andList,
  capitalise,
  excelErrorOf,
  isBlank,
  longTrend,
  naKindOf,
  parsePeriod,
  parseValue,
  rateReading,
  readRow,
  statedPeriod,
  statusOf,
  trend,
} from "../../core";
import type { CellValue, Parsed, Period, RawRow, RowField, RowProblem, RowReading, Status, Trend } from "../../core";
import { toA1 } from "../a1";
import type { CellAt, CellSeries, History, RowOutcome } from "../evaluate";
import type { MeasureReport, Problem } from "../model";
import { cellReader, textOf } from "../scan";
import type { CellReader, DataRow, FoundTable } from "../scan";
import type { SheetSnapshot } from "../port";
import { spc } from "../../core/spc";
import type { Assurance, SpcSeries, Variation } from "../../core/spc";
import type { TooLongForFormulas } from "./liveBudget";

/** A row read once: its name, its value cell and everything the one parse learned. */
export interface ParsedCells {
  readonly data: DataRow;
  readonly code: string;
  readonly name: string;
  readonly valueCell: CellAt;
  readonly reading: RowReading;
  readonly status: Status;
  readonly bandFromCell: boolean;
}

/** An earlier period's figure and its cell: all that a trend needs of it. */
export interface Earlier {
  readonly valueCell: CellAt;
  readonly value: number | null;
}

export interface Trends {
  readonly shortTrend: Trend;
  readonly longTrend: Trend;
  readonly previousCell: CellAt | null;
  readonly history: History | null;
  readonly trendNote: string | null;
  readonly periodLabel: string | null;
}

export interface LayoutResult {
  readonly rows: RowOutcome[];
  readonly measures: MeasureReport[];
  /** The cells a long table's series formulas would read per recalculation, when too many (evaluate/liveBudget.ts). */
  readonly tooLongForFormulas?: TooLongForFormulas;
}

export const MAX_LONG_PERIODS = 4;

/** The SPC words of one row (SPEC §7). */
export interface SpcWords {
  readonly variation: Variation;
  readonly assurance: Assurance;
  /** Set when the words are about an older period's figure than the row's own (MeasureReport.spcNote). */
  readonly note?: string;
}

const NO_SPC: SpcWords = { variation: "NA", assurance: "NA" };

/** A measure's history as SPC reads it, oldest first up to its current period: period labels and figures (gaps null). */
export interface MeasureSeries {
  readonly periods: readonly string[];
  readonly values: readonly (number | null)[];
}

/**
 * When a measure's latest periods have no figure (an error or a blank: its status is NA), SPC, which reads numeric
 * values only (SPEC §7), is about the last figure there is: "SPC of figures to Aug 2025: Sep 2025 has none" (new-user
 * finding F24). Null when the latest period has a figure or none has one. One wording for the measure's reason and
 * its SPC chart.
 */
export function olderFigureNote(series: MeasureSeries): string | null {
  const { periods, values } = series;
  const last = values.length - 1;
  const figure = lastFigureIndex(values);
  if (figure < 0 || figure === last) return null;
  const none =
    figure === last - 1 ? `${periods[last]} has none` : `${periods[figure + 1]} to ${periods[last]} have none`;
  return `SPC of figures to ${periods[figure]}: ${none}`;
}

/**
 * Where a measure's latest figure is in its values, oldest first (its latest period may have none); -1 when it has
 * none at all. One test of "a figure" for the SPC note, the chart and the figures' number format.
 */
export function lastFigureIndex(values: readonly (number | null)[]): number {
  let i = values.length - 1;
  while (i >= 0 && !(values[i] !== null && Number.isFinite(values[i]))) i--;
  return i;
}

/** NA trends (no aim, no earlier period, or a row whose period cannot be placed in time). */
export function noTrends(
  trendNote: string | null,
  periodLabel: string | null,
  previousCell: CellAt | null = null,
  earlier: History | null = null,
): Trends {
  return { shortTrend: "NA", longTrend: "NA", previousCell, history: earlier, trendNote, periodLabel };
}

const FIELD_NAMES: Record<RowField, string> = {
  value: "the value",
  target: "the target",
  aim: "the aim",
  band: "the amber band",
  floor: "the floor",
};

export class TableContext {
  readonly read: CellReader;
  readonly problems: Problem[] = [];
  /** Each measure's series, kept for an SPC chart when SPC is on (nothing is kept when it is off). */
  readonly series = new Map<MeasureReport, MeasureSeries>();
  /** A long measure's latest cell holding a figure, when its latest period has none (EvaluatedTable.figureCells). */
  readonly figureCells = new Map<MeasureReport, CellAt>();
  readonly f: FoundTable["header"]["fields"];
  private readonly periods = new Map<string, Parsed<Period>>();

  constructor(
    readonly table: FoundTable,
    private readonly sheet: SheetSnapshot,
    private readonly sheetBand: number,
    readonly spcOn: boolean = false,
    /**
     * The rules are written as formulas: a long row then also learns which cells its formulas read (RowOutcome's
     * history and spcSeries). Written as values they read none, and finding them (a key index, a FILTER check per
     * measure, two cell objects per row) is skipped.
     */
    readonly formulas: boolean = true,
  ) {
    this.read = cellReader(sheet);
    this.f = table.header.fields;
  }

  /** Periods repeat on every measure's rows: parse each text once per table. */
  period(raw: CellValue): Parsed<Period> {
    if (typeof raw !== "string") return parsePeriod(raw);
    let parsed = this.periods.get(raw);
    if (parsed === undefined) {
      parsed = parsePeriod(raw);
      this.periods.set(raw, parsed);
    }
    return parsed;
  }

  problem(row: number, col: number, message: string): void {
    this.problems.push({ sheet: this.table.sheet, cell: toA1(row, col), message });
  }

  cell(row: number, col: number | undefined): CellValue {
    return col === undefined ? undefined : this.read(row, col);
  }

  /** The column a field of the row was read from; undefined when the table has none (said once, for the table). */
  private fieldCol(field: RowField, valueCol: number): number | undefined {
    return field === "value" ? valueCol : this.f[field];
  }

  private rowProblem(row: number, valueCol: number, p: RowProblem): void {
    const col = this.fieldCol(p.field, valueCol);
    if (col === undefined) return;
    const otherCol = p.other && this.fieldCol(p.other, valueCol);
    const other = otherCol === undefined ? "" : ` (${FIELD_NAMES[p.other as RowField]} is in ${toA1(row, otherCol)})`;
    this.problem(row, col, `${capitalise(p.reason)}${other}: ${p.effect}.`);
  }

  /**
   * The measure a problem on a 0-based row belongs to, for saying a repeated problem once: a long table's rows share
   * it by code (or name); a wide or single table's row is a measure of its own, whose cells are in different columns
   * anyway, and a header row's problem is the table's: null, never merged.
   */
  measureOf(row: number): string | null {
    if (this.table.layout !== "long" || row <= this.table.headerRow) return null;
    return this.keyOf(row) || null;
  }

  /** The code or, without one, the name a row's measure is known by ("" when it has neither). */
  keyOf(row: number): string {
    return textOf(this.cell(row, this.f.code)) ?? textOf(this.cell(row, this.f.name)) ?? "";
  }

  /** Reads a row once (core's readRow): its status, and its data problems named by cell. */
  parseCells(data: DataRow, valueCol: number): ParsedCells {
    const { row } = data;
    const f = this.f;
    const raw: RawRow = {
      value: this.read(row, valueCol),
      target: this.cell(row, f.target),
      targetUpper: this.cell(row, f.targetUpper),
      aim: this.cell(row, f.aim),
      floor: this.cell(row, f.floor),
      band: this.cell(row, f.band),
    };
    const reading = readRow(raw, this.sheetBand);
    // Nothing is made per row unless a cell is uncalculated: this runs on every row of a million-row sheet.
    let uncalculated: RowField[] | undefined;
    if (this.reportUncalculated(row, valueCol, "value")) (uncalculated ??= []).push("value");
    if (this.reportUncalculated(row, f.target, "target")) (uncalculated ??= []).push("target");
    if (this.reportUncalculated(row, f.targetUpper, "target")) (uncalculated ??= []).push("target");
    if (this.reportUncalculated(row, f.aim, "aim")) (uncalculated ??= []).push("aim");
    if (this.reportUncalculated(row, f.floor, "floor")) (uncalculated ??= []).push("floor");
    // A blank field's own problem ("No aim given") is the formula's, said above.
    for (const p of reading.problems) if (!uncalculated?.includes(p.field)) this.rowProblem(row, valueCol, p);
    const bandRaw = raw.band;
    return {
      data,
      code: textOf(this.cell(row, f.code)) ?? "",
      name: textOf(this.cell(row, f.name)) ?? "",
      valueCell: { row, col: valueCol },
      reading,
      status: statusOf(reading),
      // Any band cell that is not blank, an error too, so that a KPI.RAG formula reads what the row was rated with.
      bandFromCell: !isBlank(bandRaw),
    };
  }

  /**
   * A formula saved without its result (files written by scripts and ETL tools: `<f>` and no `<v>`) reads as blank,
   * which would make the measure silently "no value" (new-user finding N8): said at its cell. Hosts give a formula's
   * own empty result as "" (Office.js always has a result), so only a missing one is null beside a formula.
   */
  private reportUncalculated(row: number, col: number | undefined, field: RowField): boolean {
    if (col === undefined || this.read(row, col) !== null) return false;
    const formula = this.sheet.formulas[row - this.sheet.top]?.[col - this.sheet.left];
    if (typeof formula !== "string") return false;
    this.problem(
      row,
      col,
      `${capitalise(FIELD_NAMES[field])} holds a formula with no saved result (${formula}): open the file in Excel and save it, so its value is stored; until then it reads as blank.`,
    );
    return true;
  }

  /** Only the figure of an earlier period matters for a trend; a broken cell there is still a problem to fix. */
  figureAt(row: number, col: number): Earlier {
    const value = this.unreadFigure(row, col);
    return { valueCell: { row, col }, value: value.ok ? value.value : null };
  }

  /**
   * Parses a value cell that is not the current period's, naming it when it is broken — an Excel error, or text that
   * is no figure and no NA word (`7 (prov)`) — with the words a long table's row uses (new-user finding F14).
   */
  unreadFigure(row: number, col: number): Parsed<number> {
    const raw = this.read(row, col);
    const parsed = parseValue(raw);
    const error = excelErrorOf(raw);
    this.reportUncalculated(row, col, "value");
    if (error !== null) this.problem(row, col, `Value is the error ${error}: it is read as not available.`);
    else if (!parsed.ok && !parsed.na)
      this.problem(row, col, `${capitalise(parsed.reason)}: it is read as not available.`);
    return parsed;
  }

  /** SPC of a row's series, oldest first up to its own period (gaps as null); NA when the setting is off. */
  spcOf(cells: ParsedCells, series: () => readonly (number | null)[]): SpcWords {
    if (!this.spcOn) return NO_SPC;
    const result = spc(series(), cells.reading.aim, cells.reading.target);
    return { variation: result.variation, assurance: result.assurance };
  }

  /** Keeps a measure's series for a chart; a no-op when SPC is off, so a plain scan holds nothing more. */
  keepSeries(measure: MeasureReport, series: () => MeasureSeries): void {
    if (this.spcOn) this.series.set(measure, series());
  }

  /** SPC of a long table's row: `running` holds the measure's series up to the row's own period. */
  spcOfRunning(cells: ParsedCells, running: SpcSeries): SpcWords {
    return this.spcOn ? running.words(cells.reading.aim, cells.reading.target) : NO_SPC;
  }

  outcome(
    cells: ParsedCells,
    trends: Trends,
    spcWords: SpcWords = NO_SPC,
    spcSeries: CellSeries | null = null,
  ): RowOutcome {
    const { reading } = cells;
    const trendable = reading.aim !== null && (reading.aim !== "Goldilocks" || reading.target !== null);
    return {
      row: cells.data.row,
      valueCell: cells.valueCell,
      status: cells.status,
      rateable: !reading.problems.some((p) => p.invalid),
      ownBand: reading.band === this.sheetBand ? null : reading.band,
      bandFromCell: cells.bandFromCell,
      aim: reading.aim,
      aimImplied: reading.aimImplied,
      target: reading.target,
      shortTrend: trends.shortTrend,
      longTrend: trends.longTrend,
      trendable,
      previousCell: trends.previousCell,
      history: trends.history,
      trendNote: trends.trendNote,
      variation: spcWords.variation,
      assurance: spcWords.assurance,
      spcSeries,
    };
  }

  report(cells: ParsedCells, trends: Trends, spcWords: SpcWords = NO_SPC): MeasureReport {
    const statusCol = this.table.outputs.status;
    const { reading } = cells;
    const { reason } = rateReading(reading);
    const target = reading.target;
    return {
      sheet: this.table.sheet,
      group: cells.data.group,
      code: cells.code || cells.name,
      name: cells.name || cells.code,
      period: statedPeriod(trends.periodLabel),
      aim: reading.aim,
      aimImplied: reading.aimImplied,
      value: reading.value,
      target: target === null ? null : target.kind === "single" ? target.value : [target.lo, target.hi],
      floor: reading.floor,
      status: cells.status,
      naKind: naKindOf(cells.status, reading.value),
      shortTrend: trends.shortTrend,
      longTrend: trends.longTrend,
      variation: spcWords.variation,
      assurance: spcWords.assurance,
      ...(spcWords.note === undefined ? {} : { spcNote: spcWords.note }),
      // Joined: one flat string, as core's reasons are (a rope would hold every piece; see core/rag.ts describe).
      reason:
        trends.trendNote || spcWords.note
          ? [
              reason,
              trends.trendNote ? `; trends NA: ${trends.trendNote}` : "",
              spcWords.note ? `; ${spcWords.note}` : "",
            ].join("")
          : reason,
      cell: toA1(cells.data.row, statusCol ?? this.table.firstCol),
    };
  }

  /** Trends of `current` against the (up to four) earlier periods, oldest first. */
  trendsAgainst(current: ParsedCells, earlier: readonly Earlier[], periodLabel: string | null): Trends {
    const { aim, value, target } = current.reading;
    const previous = earlier[earlier.length - 1];
    if (aim === null || previous === undefined) {
      return noTrends(null, periodLabel, previous?.valueCell ?? null, history(earlier));
    }
    return {
      shortTrend: trend(value, previous.value, aim, target),
      longTrend: longTrend(
        value,
        earlier.map((c) => c.value),
        aim,
        target,
      ),
      previousCell: previous.valueCell,
      history: history(earlier),
      trendNote: null,
      periodLabel,
    };
  }

  /** A table without an Aim or Target column is said once, at its header, when rows go unrated because of it. */
  reportMissingColumns(rows: readonly RowOutcome[]): void {
    const { headerRow, firstCol } = this.table;
    if (this.f.aim === undefined && (rows.length === 0 || rows.some((r) => r.aim === null))) {
      this.problem(
        headerRow,
        firstCol,
        "This table has no Aim column, so every status is NA unless its target implies the aim (≥ 95%, At least 95%). Add a column headed Aim with Maximise, Minimise or Goldilocks.",
      );
    }
    if (this.f.target === undefined) {
      this.problem(headerRow, firstCol, "This table has no Target column, so every status is NA.");
    }
  }

  /** Rows without a code or a name cannot be a measure: said once per row, and left alone. */
  measureRows(): DataRow[] {
    const f = this.f;
    const rows: DataRow[] = [];
    for (const data of this.table.rows) {
      if (textOf(this.cell(data.row, f.code)) === null && textOf(this.cell(data.row, f.name)) === null) {
        const col = f.code ?? f.name ?? this.table.firstCol;
        this.problem(data.row, col, "This row has no code or name, so it was not rated.");
        continue;
      }
      rows.push(data);
    }
    return rows;
  }

  /**
   * One row per measure: a code on several rows is one problem at its second row, with the real count and the rows
   * (new-user finding N4: five uses read "appears twice" four times); `also` lists the other rows' code cells.
   */
  reportDuplicateCodes(rows: readonly DataRow[]): void {
    const col = this.f.code;
    if (col === undefined) return;
    const rowsOf = new Map<string, number[]>();
    for (const { row } of rows) {
      const code = textOf(this.read(row, col));
      if (code === null) continue;
      const seen = rowsOf.get(code);
      if (seen === undefined) rowsOf.set(code, [row]);
      else seen.push(row);
    }
    for (const [code, at] of rowsOf) {
      if (at.length < 2) continue;
      const second = at[1];
      this.problems.push({
        sheet: this.table.sheet,
        cell: toA1(second, col),
        message: duplicateCodeMessage(code, at),
        also: at.filter((r) => r !== second).map((r) => toA1(r, col)),
      });
    }
  }
}

/** Up to this many rows a duplicate code's message names them all; past it, the first few and a count. */
const ROWS_LISTED = 6;

/** `Code "A" appears 5 times in this table (rows 12, 262, 512, 762 and 1012); …` for 0-based `rows`. */
export function duplicateCodeMessage(code: string, rows: readonly number[]): string {
  const times = rows.length === 2 ? "twice" : `${rows.length.toLocaleString("en-GB")} times`;
  // Row numbers as Excel shows them, without a thousands comma: "rows 762 and 1,012" would read as three rows.
  const numbers = rows.map((r) => String(r + 1));
  const listed =
    numbers.length <= ROWS_LISTED
      ? andList(numbers)
      : `${numbers.slice(0, ROWS_LISTED - 1).join(", ")} and ${numbers.length - ROWS_LISTED + 1} more`;
  return `Code "${code}" appears ${times} in this table (rows ${listed}); each row is rated as a measure of its own.`;
}

/** Previous periods' cells as one range when they sit next to each other in one row or one column. */
function history(window: readonly Earlier[]): History | null {
  if (window.length === 0) return null;
  let minRow = Infinity;
  let maxRow = -Infinity;
  let minCol = Infinity;
  let maxCol = -Infinity;
  for (const { valueCell } of window) {
    minRow = Math.min(minRow, valueCell.row);
    maxRow = Math.max(maxRow, valueCell.row);
    minCol = Math.min(minCol, valueCell.col);
    maxCol = Math.max(maxCol, valueCell.col);
  }
  // Cells are distinct, so a span as long as the window is exactly those cells.
  const inColumn = minCol === maxCol && maxRow - minRow + 1 === window.length;
  const inRow = minRow === maxRow && maxCol - minCol + 1 === window.length;
  if (inColumn || inRow) {
    // Its ends are two of the window's own cells: shared, not copied (two objects fewer per row kept).
    const cellAt = (row: number, col: number): CellAt =>
      (window.find((c) => c.valueCell.row === row && c.valueCell.col === col) as Earlier).valueCell;
    return { kind: "range", from: cellAt(minRow, minCol), to: cellAt(maxRow, maxCol) };
  }
  return { kind: "values", values: window.flatMap((c) => (c.value === null ? [] : [c.value])) };
}
