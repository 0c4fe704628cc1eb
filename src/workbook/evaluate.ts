/**
 * Rates every measure row of a found table (SPEC §3–4). Each row is rated with its own target, so past periods keep
 * the status they had; trends compare with the previous periods *in time*, whatever the sheet order.
 */
import {
  isBlank,
  longTrend,
  naKindOf,
  parseAim,
  parseBand,
  parseFloor,
  parsePeriod,
  parseRow,
  parseTarget,
  parseValue,
  ragStatus,
  rate,
  trend,
} from "../core";
import type { Aim, CellValue, Parsed, Period, RawRow, Status, Target, Trend } from "../core";
import { toA1 } from "./a1";
import type { MeasureReport, Problem } from "./model";
import { cellReader, textOf } from "./scan";
import type { CellReader, DataRow, FoundTable } from "./scan";
import type { SheetSnapshot } from "./port";

export interface CellAt {
  readonly row: number;
  readonly col: number;
}

/** The previous periods a long trend compares with: a contiguous block of cells, or their figures when scattered. */
export type History =
  | { readonly kind: "range"; readonly from: CellAt; readonly to: CellAt }
  | { readonly kind: "values"; readonly values: readonly number[] };

export interface RowOutcome {
  readonly row: number;
  readonly valueCell: CellAt;
  readonly status: Status;
  /** Inputs are well formed, so a KPI.RAG formula gives this same status (otherwise the value is written). */
  readonly rateable: boolean;
  /** Band the row was rated with, and whether it came from the row's own band cell. */
  readonly band: number;
  readonly bandFromCell: boolean;
  readonly aim: Aim | null;
  readonly target: Target | null;
  readonly shortTrend: Trend;
  readonly longTrend: Trend;
  /** Aim (and a Goldilocks target) are well formed, so KPI.TREND formulas give these same trends. */
  readonly trendable: boolean;
  readonly previousCell: CellAt | null;
  readonly history: History | null;
  /** Why the trends are NA when the row's period is the cause. */
  readonly trendNote: string | null;
}

export interface EvaluatedTable {
  readonly table: FoundTable;
  /** One per measure row, in sheet order. */
  readonly rows: readonly RowOutcome[];
  readonly measures: readonly MeasureReport[];
  readonly problems: readonly Problem[];
}

interface ParsedCells {
  readonly data: DataRow;
  readonly code: string;
  readonly name: string;
  readonly valueCell: CellAt;
  readonly value: number | null;
  readonly aim: Aim | null;
  readonly target: Target | null;
  readonly floor: number | null;
  readonly band: number;
  readonly bandFromCell: boolean;
  readonly status: Status;
  readonly rateable: boolean;
  /** The row's cells as the engine reads them, for the reason of the current row's status. */
  readonly raw: RawRow;
}

/** An earlier period's figure and its cell: all that a trend needs of it. */
interface Earlier {
  readonly valueCell: CellAt;
  readonly value: number | null;
}

interface Trends {
  readonly shortTrend: Trend;
  readonly longTrend: Trend;
  readonly previousCell: CellAt | null;
  readonly history: History | null;
  readonly trendNote: string | null;
  readonly periodLabel: string | null;
}

/** NA trends (no aim, no earlier period, or a row whose period cannot be placed in time). */
function noTrends(
  trendNote: string | null,
  periodLabel: string | null,
  previousCell: CellAt | null = null,
  earlier: History | null = null,
): Trends {
  return { shortTrend: "NA", longTrend: "NA", previousCell, history: earlier, trendNote, periodLabel };
}
const MAX_LONG_PERIODS = 4;

class TableEvaluator {
  private readonly read: CellReader;
  readonly problems: Problem[] = [];
  private readonly f: FoundTable["header"]["fields"];

  constructor(
    private readonly table: FoundTable,
    sheet: SheetSnapshot,
    private readonly sheetBand: number,
  ) {
    this.read = cellReader(sheet);
    this.f = table.header.fields;
  }

  private readonly periods = new Map<string, Parsed<Period>>();

  /** Periods repeat on every measure's rows: parse each text once per table. */
  private period(raw: CellValue): Parsed<Period> {
    if (typeof raw !== "string") return parsePeriod(raw);
    let parsed = this.periods.get(raw);
    if (parsed === undefined) {
      parsed = parsePeriod(raw);
      this.periods.set(raw, parsed);
    }
    return parsed;
  }

  private problem(row: number, col: number, message: string): void {
    this.problems.push({ sheet: this.table.sheet, cell: toA1(row, col), message });
  }

  private cell(row: number, col: number | undefined): CellValue {
    return col === undefined ? undefined : this.read(row, col);
  }

  /**
   * Parses a row once. Well-formed rows (nearly all) take the fast path: the engine's parse, then the status without
   * its reason text, which only the current row's report needs (`rate` builds it there).
   */
  private parseCells(data: DataRow, valueCol: number): ParsedCells {
    const { row } = data;
    const f = this.f;
    const bandRaw = this.cell(row, f.band);
    const bandFromCell = !isBlank(bandRaw);
    const raw: RawRow = {
      value: this.read(row, valueCol),
      target: this.cell(row, f.target),
      targetUpper: this.cell(row, f.targetUpper),
      aim: this.cell(row, f.aim),
      floor: this.cell(row, f.floor),
      band: bandFromCell ? bandRaw : this.sheetBand,
    };
    // Built as literals of one shape: spreading objects here made every row ~30× slower (dictionary-mode objects).
    const code = textOf(this.cell(row, f.code)) ?? "";
    const name = textOf(this.cell(row, f.name)) ?? "";
    const valueCell = { row, col: valueCol };
    const parsed = parseRow(raw);
    if (parsed.ok) {
      const { input } = parsed;
      return {
        data,
        code,
        name,
        valueCell,
        value: input.value,
        aim: input.aim,
        target: input.target,
        floor: input.floor,
        band: input.band,
        bandFromCell,
        status: ragStatus(input),
        rateable: true,
        raw,
      };
    }
    const value = parseValue(raw.value);
    const aim = parseAim(raw.aim);
    const target = parseTarget(raw.target, raw.targetUpper);
    const floor = parseFloor(raw.floor);
    this.reportCells(row, valueCol, value, aim, target, floor);
    return {
      data,
      code,
      name,
      valueCell,
      value: value.ok ? value.value : null,
      aim: aim.ok ? aim.value : null,
      target: target.ok ? target.value : null,
      floor: floor.ok ? floor.value : null,
      band: this.sheetBand,
      bandFromCell,
      status: "NA",
      rateable: false,
      raw,
    };
  }

  private reportCells(
    row: number,
    valueCol: number,
    value: Parsed<number>,
    aim: Parsed<Aim>,
    target: Parsed<Target>,
    floor: Parsed<number>,
  ): void {
    const f = this.f;
    if (!value.ok && !value.na)
      this.problem(row, valueCol, `${capitalise(value.reason)}; it is read as not available.`);
    if (f.aim !== undefined && !aim.ok) {
      if (!aim.na) this.problem(row, f.aim, `${capitalise(aim.reason)}: the status is NA.`);
      else if (value.ok) this.problem(row, f.aim, "No aim given: the status is NA.");
    }
    if (f.target !== undefined && !target.ok && !target.na)
      this.problem(row, f.target, `${capitalise(target.reason)}.`);
    if (f.floor !== undefined && !floor.ok && !floor.na) {
      this.problem(row, f.floor, `${capitalise(floor.reason)}.`);
    }
    if (f.band !== undefined) {
      const band = parseBand(this.read(row, f.band));
      if (!band.ok && !band.na) this.problem(row, f.band, `${capitalise(band.reason)}.`);
    }
  }

  private reportMissingColumns(): void {
    const { headerRow, firstCol } = this.table;
    if (this.f.aim === undefined) {
      this.problem(
        headerRow,
        firstCol,
        "This table has no Aim column, so every status is NA. Add a column headed Aim with Maximise, Minimise or Goldilocks.",
      );
    }
    if (this.f.target === undefined) {
      this.problem(headerRow, firstCol, "This table has no Target column, so every status is NA.");
    }
  }

  /** Rows without a code or a name cannot be a measure: said once per row, and left alone. */
  private measureRows(): DataRow[] {
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

  evaluate(): { rows: RowOutcome[]; measures: MeasureReport[] } {
    this.reportMissingColumns();
    const rows = this.measureRows();
    switch (this.table.layout) {
      case "long":
        return this.evaluateLong(rows);
      case "wide":
        return this.evaluateWide(rows);
      case "single":
        return this.evaluateSingle(rows);
    }
  }

  private outcome(cells: ParsedCells, trends: Trends): RowOutcome {
    const trendable = cells.aim !== null && (cells.aim !== "Goldilocks" || cells.target !== null);
    return {
      row: cells.data.row,
      valueCell: cells.valueCell,
      status: cells.status,
      rateable: cells.rateable,
      band: cells.band,
      bandFromCell: cells.bandFromCell,
      aim: cells.aim,
      target: cells.target,
      shortTrend: trends.shortTrend,
      longTrend: trends.longTrend,
      trendable,
      previousCell: trends.previousCell,
      history: trends.history,
      trendNote: trends.trendNote,
    };
  }

  private report(cells: ParsedCells, trends: Trends): MeasureReport {
    const statusCol = this.table.outputs.status;
    const { row } = cells.data;
    const target = cells.target;
    const { reason } = rate(cells.raw);
    return {
      sheet: this.table.sheet,
      group: cells.data.group,
      code: cells.code || cells.name,
      name: cells.name || cells.code,
      period: trends.periodLabel,
      aim: cells.aim,
      value: cells.value,
      target: target === null ? null : target.kind === "single" ? target.value : [target.lo, target.hi],
      floor: cells.floor,
      status: cells.status,
      naKind: naKindOf(cells.status, cells.value),
      shortTrend: trends.shortTrend,
      longTrend: trends.longTrend,
      reason: trends.trendNote ? `${reason}; trends NA: ${trends.trendNote}` : reason,
      cell: toA1(row, statusCol ?? this.table.firstCol),
    };
  }

  /** Trends of `current` against the (up to four) earlier periods, oldest first. */
  private trendsAgainst(current: ParsedCells, earlier: readonly Earlier[], periodLabel: string | null): Trends {
    const aim = current.aim;
    const previous = earlier[earlier.length - 1];
    if (aim === null || previous === undefined) {
      return noTrends(null, periodLabel, previous?.valueCell ?? null, history(earlier));
    }
    return {
      shortTrend: trend(current.value, previous.value, aim, current.target),
      longTrend: longTrend(
        current.value,
        earlier.map((c) => c.value),
        aim,
        current.target,
      ),
      previousCell: previous.valueCell,
      history: history(earlier),
      trendNote: null,
      periodLabel,
    };
  }

  private evaluateLong(rows: readonly DataRow[]): { rows: RowOutcome[]; measures: MeasureReport[] } {
    const periodCol = this.f.period as number;
    const valueCol = this.f.value as number;
    const byKey = new Map<string, { cells: ParsedCells; period: Parsed<Period> }[]>();
    for (const data of rows) {
      const cells = this.parseCells(data, valueCol);
      const entry = { cells, period: this.period(this.read(data.row, periodCol)) };
      const key = cells.code || cells.name;
      const list = byKey.get(key);
      if (list) list.push(entry);
      else byKey.set(key, [entry]);
    }
    const outcomes: RowOutcome[] = [];
    const measures: MeasureReport[] = [];
    for (const [key, entries] of byKey) {
      const dated: { cells: ParsedCells; period: Period }[] = [];
      const undated: { cells: ParsedCells; note: string }[] = [];
      for (const { cells, period } of entries) {
        if (period.ok) {
          dated.push({ cells, period: period.value });
        } else {
          const note = period.na && period.reason === "no period" ? "no period given" : period.reason;
          this.problem(cells.data.row, periodCol, `${capitalise(note)}: this row's trends are NA.`);
          undated.push({ cells, note });
        }
      }
      dated.sort((a, b) => a.period.order - b.period.order || a.cells.data.row - b.cells.data.row);
      const history: { cells: ParsedCells; period: Period }[] = [];
      for (const entry of dated) {
        const last = history[history.length - 1];
        if (last && last.period.order === entry.period.order) {
          const note = `duplicate of row ${last.cells.data.row + 1} for ${entry.period.label}`;
          this.problem(
            entry.cells.data.row,
            periodCol,
            `"${key}" has two rows for ${entry.period.label} (rows ${last.cells.data.row + 1} and ${entry.cells.data.row + 1}): this row's trends are NA.`,
          );
          undated.push({ cells: entry.cells, note });
          continue;
        }
        history.push(entry);
      }
      // The latest dated row is current; a measure with no usable period at all is still listed, with NA trends.
      let current: { cells: ParsedCells; trends: Trends } | null = null;
      for (let i = 0; i < history.length; i++) {
        const cells = history[i].cells;
        const earlier = history.slice(Math.max(0, i - MAX_LONG_PERIODS), i).map((e) => e.cells);
        const trends = this.trendsAgainst(cells, earlier, history[i].period.label);
        outcomes.push(this.outcome(cells, trends));
        current = { cells, trends };
      }
      for (const { cells, note } of undated) {
        const trends = noTrends(note, textOf(this.read(cells.data.row, periodCol)));
        outcomes.push(this.outcome(cells, trends));
        current ??= { cells, trends };
      }
      if (current) measures.push(this.report(current.cells, current.trends));
    }
    outcomes.sort((a, b) => a.row - b.row);
    return { rows: outcomes, measures };
  }

  private evaluateWide(rows: readonly DataRow[]): { rows: RowOutcome[]; measures: MeasureReport[] } {
    const columns = this.distinctPeriodColumns();
    const outcomes: RowOutcome[] = [];
    const measures: MeasureReport[] = [];
    for (const data of rows) {
      let current = columns.length - 1;
      for (let i = columns.length - 1; i >= 0; i--) {
        if (parseValue(this.read(data.row, columns[i].col)).ok) {
          current = i;
          break;
        }
      }
      const cells = this.parseCells(data, columns[current].col);
      const earlier: Earlier[] = [];
      for (let i = Math.max(0, current - MAX_LONG_PERIODS); i < current; i++) {
        earlier.push(this.figureAt(data.row, columns[i].col));
      }
      const trends = this.trendsAgainst(cells, earlier, columns[current].period.label);
      outcomes.push(this.outcome(cells, trends));
      measures.push(this.report(cells, trends));
    }
    this.reportDuplicateCodes(rows);
    return { rows: outcomes, measures };
  }

  /** Only the figure of an earlier period matters for a trend; its problems are not reported (it is not current). */
  private figureAt(row: number, col: number): Earlier {
    const value = parseValue(this.read(row, col));
    return { valueCell: { row, col }, value: value.ok ? value.value : null };
  }

  /** Period columns in time order; a second column for the same period is reported and ignored. */
  private distinctPeriodColumns(): { col: number; period: Period }[] {
    const distinct: { col: number; period: Period }[] = [];
    for (const pc of this.table.header.periodColumns) {
      const last = distinct[distinct.length - 1];
      if (last && last.period.order === pc.period.order) {
        this.problem(
          this.table.headerRow,
          pc.col,
          `This column is a second ${pc.period.label} (also column ${toA1(this.table.headerRow, last.col).replace(/\d+$/, "")}); it is ignored.`,
        );
        continue;
      }
      distinct.push(pc);
    }
    return distinct;
  }

  private evaluateSingle(rows: readonly DataRow[]): { rows: RowOutcome[]; measures: MeasureReport[] } {
    const valueCol = this.f.value as number;
    const periods = this.table.header.periodColumns;
    const previousCol = this.f.previous ?? periods[periods.length - 1]?.col;
    const outcomes: RowOutcome[] = [];
    const measures: MeasureReport[] = [];
    for (const data of rows) {
      const cells = this.parseCells(data, valueCol);
      const earlier = previousCol === undefined ? [] : [this.figureAt(data.row, previousCol)];
      const short = this.trendsAgainst(cells, earlier, textOf(this.cell(data.row, this.f.period)));
      const trends: Trends = {
        shortTrend: short.shortTrend,
        longTrend: "NA",
        previousCell: short.previousCell,
        history: null,
        trendNote: null,
        periodLabel: short.periodLabel,
      };
      outcomes.push(this.outcome(cells, trends));
      measures.push(this.report(cells, trends));
    }
    this.reportDuplicateCodes(rows);
    return { rows: outcomes, measures };
  }

  /** One row per measure: the same code twice is a duplicate for the same period. */
  private reportDuplicateCodes(rows: readonly DataRow[]): void {
    const col = this.f.code;
    if (col === undefined) return;
    const seen = new Map<string, number>();
    for (const { row } of rows) {
      const code = textOf(this.read(row, col));
      if (code === null) continue;
      const first = seen.get(code);
      if (first === undefined) seen.set(code, row);
      else this.problem(row, col, `Code "${code}" appears twice in this table (also row ${first + 1}).`);
    }
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
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
  if (inColumn || inRow) return { kind: "range", from: { row: minRow, col: minCol }, to: { row: maxRow, col: maxCol } };
  return { kind: "values", values: window.flatMap((c) => (c.value === null ? [] : [c.value])) };
}

export function evaluateTable(table: FoundTable, sheet: SheetSnapshot, band: number): EvaluatedTable {
  const evaluator = new TableEvaluator(table, sheet, band);
  const { rows, measures } = evaluator.evaluate();
  return { table, rows, measures, problems: evaluator.problems };
}
