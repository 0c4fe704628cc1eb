/**
 * Turns evaluated tables into the writes for one sheet: status and trend cells in the output columns (reused or
 * added right of the table), their colours, and conditional rules. Pure: the same snapshot gives the same plan, so
 * a re-run rewrites the same cells with the same content and adds nothing.
 *
 * Formulas (settings.output = "formulas") keep the sheet live:
 * - status `=KPI.RAG(value, target, aim[, band[, floor]])` on the row's own cells (band only when it is not 5% or a
 *   floor follows; a two-cell Goldilocks target as `C5:D5`);
 * - short trend `=KPI.TREND(value, previous value, aim[, target])`, the previous value being the cell of the previous
 *   period in time (another row in a long table, another column in a wide one); the target only for Goldilocks;
 * - long trend `=KPI.LONGTREND(value, previous values, aim[, target])` with the previous (up to 4) periods' cells
 *   as one range when they are contiguous. In a long table sorted by period (codes interleaved), FILTER picks the
 *   measure's rows out of the span by its code, `FILTER(IF(D5:D12="","",D5:D12),A5:A12=A13)`, where that gives
 *   exactly those rows in time order (evaluate/longCells.ts). Otherwise (scattered period columns of a wide row, a
 *   long table newest first) a literal array of their figures (`{97,96,95}`) is written: the current value stays
 *   live, the earlier figures are as of this run, and the next run refreshes them. Ranges of several areas are not
 *   an option: custom functions do not accept them.
 * - Every cell argument that may be blank goes in blank-safe, `IF(E5="","",E5)`: some Excel desktop builds pass an
 *   empty cell to a custom function as 0 (office-js#4702, #5262, #1951), which would rate a missing value as 0, read
 *   a missing target as a zero target, a missing floor or band as 0, and average blanks in a history as zeros.
 *   The aim only when it is blank now (an aim implied by the target); a literal band or history needs nothing.
 * - with SPC on, Variation `=KPI.SPC(series, aim)` and Assurance `=KPI.ASSURANCE(series, aim, target)` over a
 *   wide row's period columns when they sit side by side, or a long row's measure rows up to its own: a range, or
 *   FILTER as for the long trend, from the table's first row (`$D$2:$D13`, so it holds when filled down). A series no
 *   formula can read (see evaluate/longCells.ts) gets the words as values.
 * - Where a formula could not give the status shown (unknown aim, malformed target, no previous period), the value
 *   is written instead, and the problem is in the report.
 * Colours are static fills (right for the value written now) plus expression conditional rules (`=$H5="Red"`) on
 * each output column, so edited or recalculated cells stay coloured. Expression rules, not "text contains" rules,
 * because LibreOffice does not render the latter. The rules are written in values mode too, so switching mode never
 * leaves stale rules behind.
 */
import { DEFAULT_BAND, STATUSES, formatTrend } from "../core";
import type { Status, Trend } from "../core";
import { columnLetters, toA1 } from "./a1";
import type { CellAt, CellSeries, EvaluatedTable, RowOutcome } from "./evaluate";
import type { OutputColumns } from "./model";
import { OUTPUT_FIELDS, OUTPUT_HEADERS, SPC_FIELDS } from "./headers";
import type { OutputField } from "./headers";
import type {
  BlockWrite,
  CellRange,
  CellStyle,
  ConditionalRule,
  OutCell,
  RowSource,
  SheetWrite,
  StyleWrite,
} from "./port";
import { statusStyle } from "./settings";
import { SPC_STYLES, SPC_WORDS } from "./spcStyles";
import { StyledColumnBuilder } from "./styleRuns";
import type { OwnedColumn, Settings } from "./settings";

const TREND_COLOURS: Readonly<Record<Trend, Status>> = { IMP: "Green", STATIC: "Amber", DET: "Red", NA: "NA" };
const TRENDS: readonly Trend[] = ["IMP", "DET", "STATIC", "NA"];
const OUTPUT_WIDTHS: Readonly<Record<OutputField, number>> = {
  status: 10,
  shortTrend: 12,
  longTrend: 12,
  variation: 18,
  assurance: 13,
};

export interface SheetPlan {
  readonly write: SheetWrite;
  readonly owned: readonly OwnedColumn[];
  readonly rowsRated: number;
  readonly columnsAdded: number;
  readonly outputColumns: readonly OutputColumns[];
  /** Variation/Assurance columns of an earlier SPC run were emptied, SPC being off this time (clearSpcColumns). */
  readonly spcCleared: boolean;
}

const ref = (cell: CellAt): string => toA1(cell.row, cell.col);

/**
 * A formula argument (or call) as text; `array` when it holds a blank-safe range (`IF(E2:F2="","",E2:F2)`), which
 * needs array evaluation (port.ts). Marked where the argument is built, so no one has to read it back from the text.
 */
interface Arg {
  readonly text: string;
  readonly array: boolean;
}

const plain = (text: string): Arg => ({ text, array: false });

/** A cell as an argument that reaches the function blank, not 0, when the cell is empty. */
const blankSafe = (cell: string): Arg => ({ text: `IF(${cell}="","",${cell})`, array: false });

/** A range as an argument that reaches the function with blanks, not 0s, for its empty cells. */
function blankSafeRange(from: string, to: string): Arg {
  const cells = `${from}:${to}`;
  return { text: `IF(${cells}="","",${cells})`, array: true };
}

/** `NAME(args)`; an array call when any argument is one. */
const call = (name: string, args: readonly Arg[]): Arg => ({
  text: `${name}(${args.map((a) => a.text).join(",")})`,
  array: args.some((a) => a.array),
});

function formulaCell(value: string | number | null, formula: Arg): OutCell {
  const text = `=${formula.text}`;
  return formula.array ? { value, formula: text, array: true } : { value, formula: text };
}

/** Figures in formulas: plain decimal text, as Excel reads it. */
function literal(n: number): string {
  return String(n).toUpperCase();
}

/** `D5:D9` as `$D$5:$D9` (rows anchored at the start, columns fixed): filled down, it keeps its first row. */
function anchoredRange(from: CellAt, to: CellAt): [string, string] {
  const [a, b] = [columnLetters(from.col), columnLetters(to.col)];
  return [`$${a}$${from.row + 1}`, `$${b}${to.row + 1}`];
}

/**
 * A series of cells in one column as an argument: the range, blank-safe, or the measure's rows of it picked by
 * FILTER on the key column, `FILTER(IF(D2:D9="","",D2:D9),A2:A9=A9)` (Excel's FILTER returns an empty cell as 0,
 * so blanks are made "" first).
 */
function seriesArg(s: CellSeries): Arg {
  const [from, to] = s.kind === "filter" && s.anchored ? anchoredRange(s.from, s.to) : [ref(s.from), ref(s.to)];
  const values = blankSafeRange(from, to);
  if (s.kind === "range") return values;
  const keyCells = { row: s.from.row, col: s.keyCol };
  const [keyFrom, keyTo] = s.anchored
    ? anchoredRange(keyCells, { row: s.to.row, col: s.keyCol })
    : [ref(keyCells), toA1(s.to.row, s.keyCol)];
  return { text: `FILTER(${values.text},${keyFrom}:${keyTo}=${ref(s.key)})`, array: true };
}

const NO_CELL: OutCell = { value: null };

class TablePlanner {
  private readonly f: EvaluatedTable["table"]["header"]["fields"];
  private readonly formulas: boolean;
  /** The table's amber band: a row's unless it has its own (RowOutcome.ownBand). */
  private readonly band: number;
  private readonly valueCells = new Map<string | number | null, OutCell>();
  /** A wide table's period columns when they sit side by side in time order: one range per row for KPI.SPC. */
  private readonly seriesCols: { readonly first: number; readonly last: number } | null;

  constructor(
    evaluated: EvaluatedTable,
    private readonly settings: Settings,
  ) {
    this.f = evaluated.table.header.fields;
    this.formulas = settings.output === "formulas";
    this.band = evaluated.band;
    const periods = evaluated.table.header.periodColumns;
    const adjacent = periods.every(
      (p, i) => i === 0 || (p.col === periods[i - 1].col + 1 && p.period.order > periods[i - 1].period.order),
    );
    this.seriesCols =
      evaluated.table.layout === "wide" && periods.length > 0 && adjacent
        ? { first: periods[0].col, last: periods[periods.length - 1].col }
        : null;
  }

  /**
   * The cell of a value written as it is (a status or trend word): one frozen cell per word, shared by every row
   * that writes it, instead of an object per row (a million-row table writes the same few words).
   */
  private valueCell(value: string | number | null): OutCell {
    let cell = this.valueCells.get(value);
    if (!cell) this.valueCells.set(value, (cell = Object.freeze({ value })));
    return cell;
  }

  private at(row: number, col: number | undefined): string | null {
    return col === undefined ? null : toA1(row, col);
  }

  /** The target argument: one cell, or the two cells of a Goldilocks range when they sit side by side. */
  private targetRef(row: number): Arg | null {
    const { target, targetUpper } = this.f;
    if (target === undefined) return null;
    if (targetUpper === undefined) return blankSafe(toA1(row, target));
    return targetUpper === target + 1 ? blankSafeRange(toA1(row, target), toA1(row, targetUpper)) : null;
  }

  /** The aim argument: blank-safe when the aim cell is blank now (the target's words imply the aim). */
  private aimRef(o: RowOutcome): Arg | null {
    const aim = this.at(o.row, this.f.aim);
    if (aim === null) return null;
    return o.aimImplied ? blankSafe(aim) : plain(aim);
  }

  private statusCell(o: RowOutcome): OutCell {
    const value = o.status;
    // Values: no formula, so no cell references to build (one per row and field otherwise).
    if (!this.formulas || !o.rateable) return this.valueCell(value);
    const target = this.targetRef(o.row);
    const aim = this.aimRef(o);
    if (target === null || aim === null) return this.valueCell(value);
    const args = [blankSafe(ref(o.valueCell)), target, aim];
    const floorCell = this.at(o.row, this.f.floor);
    const floor = floorCell === null ? null : blankSafe(floorCell);
    const rowBand = o.ownBand ?? this.band;
    const band = o.bandFromCell ? blankSafe(this.at(o.row, this.f.band) as string) : plain(literal(rowBand));
    if (floor !== null) args.push(band, floor);
    else if (o.bandFromCell || rowBand !== DEFAULT_BAND) args.push(band);
    return formulaCell(value, call("KPI.RAG", args));
  }

  private trendArgs(o: RowOutcome, previous: Arg): Arg[] | null {
    const aim = this.aimRef(o);
    if (aim === null) return null;
    const value = blankSafe(ref(o.valueCell));
    // A Goldilocks trend needs the target's mid-point; an aim implied by the target needs the target to be seen.
    if (o.aim !== "Goldilocks" && !o.aimImplied) return [value, previous, aim];
    const target = this.targetRef(o.row);
    return target === null ? null : [value, previous, aim, target];
  }

  private trendCell(t: Trend, trend: Arg | null): OutCell {
    const value = formatTrend(t, this.settings.trendLabels);
    if (trend === null) return this.valueCell(value);
    if (this.settings.trendLabels === "words") return formulaCell(value, trend);
    const arrows = TRENDS.filter((x) => x !== "NA").flatMap((x) => [`"${x}"`, `"${formatTrend(x, "arrows")}"`]);
    return formulaCell(value, call("SWITCH", [trend, ...arrows.map(plain), plain('"NA"')]));
  }

  private shortCell(o: RowOutcome): OutCell {
    if (!this.formulas || !o.trendable || o.previousCell === null) return this.trendCell(o.shortTrend, null);
    const args = this.trendArgs(o, blankSafe(ref(o.previousCell)));
    return this.trendCell(o.shortTrend, args && call("KPI.TREND", args));
  }

  private longCell(o: RowOutcome): OutCell {
    const h = o.history;
    if (!this.formulas || !o.trendable || h === null) return this.trendCell(o.longTrend, null);
    if (h.kind === "values" && h.values.length === 0) return this.trendCell(o.longTrend, null);
    const previous =
      h.kind === "values"
        ? plain(`{${h.values.map(literal).join(",")}}`)
        : h.kind === "range" && h.from.row === h.to.row && h.from.col === h.to.col
          ? blankSafe(ref(h.from))
          : seriesArg(h);
    const args = this.trendArgs(o, previous);
    return this.trendCell(o.longTrend, args && call("KPI.LONGTREND", args));
  }

  cellFor(field: OutputField, o: RowOutcome): OutCell {
    switch (field) {
      case "status":
        return this.statusCell(o);
      case "shortTrend":
        return this.shortCell(o);
      case "longTrend":
        return this.longCell(o);
      case "variation":
      case "assurance":
        return this.spcCell(field, o);
    }
  }

  /** The cells of a row's SPC series: a wide row's period columns, a long row's rows up to its period. */
  private spcSeries(o: RowOutcome): Arg | null {
    if (o.spcSeries !== null) return seriesArg(o.spcSeries);
    if (this.seriesCols === null) return null;
    return blankSafeRange(toA1(o.row, this.seriesCols.first), toA1(o.row, this.seriesCols.last));
  }

  /**
   * `=KPI.SPC(series, aim)` / `=KPI.ASSURANCE(series, aim, target)` over the row's series (spcSeries); the value
   * when no formula can read the series (see evaluate/longCells.ts) or could not give the words.
   */
  private spcCell(field: "variation" | "assurance", o: RowOutcome): OutCell {
    const value = field === "variation" ? o.variation : o.assurance;
    const aim = this.aimRef(o);
    const series = this.formulas && o.rateable && aim !== null ? this.spcSeries(o) : null;
    if (series === null || aim === null) return this.valueCell(value);
    // KPI.SPC has no target to imply the aim from.
    if (field === "variation")
      return o.aimImplied ? this.valueCell(value) : formulaCell(value, call("KPI.SPC", [series, aim]));
    const target = this.targetRef(o.row);
    return target === null ? this.valueCell(value) : formulaCell(value, call("KPI.ASSURANCE", [series, aim, target]));
  }

  /** Style of a written cell: the status colour (a trend borrows its status's), or the SPC word's colour. */
  styleOf(field: OutputField, o: RowOutcome): CellStyle {
    switch (field) {
      case "status":
        return statusStyle(this.settings, o.status);
      case "shortTrend":
      case "longTrend":
        return statusStyle(this.settings, TREND_COLOURS[field === "shortTrend" ? o.shortTrend : o.longTrend]);
      case "variation":
        return SPC_STYLES[o.variation];
      case "assurance":
        return SPC_STYLES[o.assurance];
    }
  }
}

function conditionalRules(
  field: OutputField,
  col: number,
  firstRow: number,
  rows: number,
  settings: Settings,
): ConditionalRule[] {
  const range = { row: firstRow, col, rows, cols: 1 };
  const cell = `$${columnLetters(col)}${firstRow + 1}`;
  if (field === "status") {
    return STATUSES.map((s) => ({ range, formula: `=${cell}="${s}"`, style: statusStyle(settings, s) }));
  }
  if (field === "variation" || field === "assurance") {
    return SPC_WORDS[field].map((w) => ({ range, formula: `=${cell}="${w}"`, style: SPC_STYLES[w] }));
  }
  return TRENDS.map((t) => ({
    range,
    formula: `=${cell}="${formatTrend(t, settings.trendLabels)}"`,
    style: statusStyle(settings, TREND_COLOURS[t]),
  }));
}

/** Output columns the add-in added earlier (recorded in its state) count as its own again: same header, width. */
function isOwned(table: EvaluatedTable["table"], field: OutputField, owned: readonly OwnedColumn[]): boolean {
  if (table.added.includes(field)) return true;
  const col = table.outputs[field];
  return owned.some(
    (o) => o.sheet === table.sheet && o.row === table.headerRow && o.col === col && o.header === OUTPUT_HEADERS[field],
  );
}

/** Groups of adjacent columns, so each group is one block write. */
function adjacentGroups(cols: readonly number[]): number[][] {
  const groups: number[][] = [];
  for (const col of [...cols].sort((a, b) => a - b)) {
    const last = groups[groups.length - 1];
    if (last && last[last.length - 1] === col - 1) last.push(col);
    else groups.push([col]);
  }
  return groups;
}

const PLAIN: CellStyle = { plain: true };

/**
 * With SPC off, the Variation/Assurance columns an earlier SPC run added keep their header and record but lose their
 * words and colours: figures from an older run next to fresh statuses would read as current (new-user finding F19).
 * Returns whether there was such a column, so the run can say so (N5: a CLI run without --spc after one with it).
 */
function clearSpcColumns(
  sheet: string,
  tables: readonly EvaluatedTable[],
  previouslyOwned: readonly OwnedColumn[],
  into: { blocks: BlockWrite[]; styles: StyleWrite[]; owned: OwnedColumn[] },
): boolean {
  let cleared = false;
  const spcHeaders = new Set(SPC_FIELDS.map((f) => OUTPUT_HEADERS[f]));
  for (const column of previouslyOwned) {
    if (column.sheet !== sheet || !spcHeaders.has(column.header)) continue;
    const table = tables.find((t) => t.table.headerRow === column.row)?.table;
    if (!table || Object.values(table.outputs).includes(column.col)) continue;
    const rows = table.lastRow - table.headerRow;
    into.owned.push(column);
    if (rows === 0) continue;
    into.blocks.push({ row: column.row + 1, col: column.col, cells: Array.from({ length: rows }, () => [NO_CELL]) });
    into.styles.push({ range: { row: column.row + 1, col: column.col, rows, cols: 1 }, style: PLAIN });
    cleared = true;
  }
  return cleared;
}

/**
 * A sheet AutoFilter's growth to the output columns (F20): the filter covers exactly the table's input columns, or
 * those and output columns right of them (a reused "RAG" column; on a second run, every output), and grows to reach
 * every output column. One entry per end column such a filter can have, the same on every run, so a second run
 * plans what the first did; none when every output already lies inside the narrowest.
 */
function filterGrowth(
  table: EvaluatedTable["table"],
  fields: readonly OutputField[],
): { from: CellRange; to: CellRange }[] {
  const outputs = new Set(fields.map((f) => table.outputs[f] as number));
  let own = table.lastCol;
  while (own > table.firstCol && outputs.has(own)) own--;
  const right = Math.max(table.lastCol, ...outputs);
  const rows = table.lastRow - table.headerRow + 1;
  const span = (last: number): CellRange => ({
    row: table.headerRow,
    col: table.firstCol,
    rows,
    cols: last - table.firstCol + 1,
  });
  const growths: { from: CellRange; to: CellRange }[] = [];
  for (let end = own; end < right; end++) growths.push({ from: span(end), to: span(right) });
  return growths;
}

/** The writes for one sheet's tables; `previouslyOwned` are the state's records of columns the add-in added. */
export function planSheet(
  sheet: string,
  tables: readonly EvaluatedTable[],
  settings: Settings,
  previouslyOwned: readonly OwnedColumn[],
): SheetPlan {
  const blocks: BlockWrite[] = [];
  const styles: StyleWrite[] = [];
  const rules: ConditionalRule[] = [];
  const widths: { col: number; width: number }[] = [];
  const owned: OwnedColumn[] = [];
  let rowsRated = 0;
  let columnsAdded = 0;
  const outputColumns: OutputColumns[] = [];
  const widenFilters: { from: CellRange; to: CellRange }[] = [];
  for (const evaluated of tables) {
    const { table } = evaluated;
    const planner = new TablePlanner(evaluated, settings);
    const fields = OUTPUT_FIELDS.filter((f) => table.outputs[f] !== undefined);
    if (fields.length === 0) continue;
    outputColumns.push({
      sheet,
      columns: fields
        .map((f) => ({ header: OUTPUT_HEADERS[f], col: table.outputs[f] as number, added: table.added.includes(f) }))
        .sort((a, b) => a.col - b.col),
    });
    const firstRow = table.headerRow + 1;
    const height = table.lastRow - table.headerRow;
    const byRow: (RowOutcome | undefined)[] = new Array(height);
    for (const o of evaluated.rows) byRow[o.row - firstRow] = o;
    const fieldAt = new Map<number, OutputField>();
    for (const field of fields) {
      const col = table.outputs[field] as number;
      const colours = new StyledColumnBuilder(col, firstRow, height);
      for (let i = 0; i < height; i++) {
        const o = byRow[i];
        if (o) colours.set(i, planner.styleOf(field, o));
      }
      fieldAt.set(col, field);
      styles.push(colours.done());
      rules.push(...conditionalRules(field, col, firstRow, height, settings));
      if (isOwned(table, field, previouslyOwned)) {
        owned.push({ sheet, row: table.headerRow, col, header: OUTPUT_HEADERS[field] });
        widths.push({ col, width: OUTPUT_WIDTHS[field] });
        blocks.push({ row: table.headerRow, col, cells: [[{ value: OUTPUT_HEADERS[field] }]] });
        if (table.boldHeader)
          styles.push({ range: { row: table.headerRow, col, rows: 1, cols: 1 }, style: { bold: true } });
      }
    }
    for (const group of adjacentGroups([...fieldAt.keys()])) {
      const groupFields = group.map((col) => fieldAt.get(col) as OutputField);
      const blankRow: readonly OutCell[] = Object.freeze(groupFields.map(() => NO_CELL));
      // Built as the host writes each row (port.ts RowSource): the outcomes are kept, not a formula text per cell.
      const cells: RowSource = {
        length: height,
        width: group.length,
        row: (i) => {
          const o = byRow[i];
          return o ? groupFields.map((field) => planner.cellFor(field, o)) : blankRow;
        },
      };
      blocks.push({ row: firstRow, col: group[0], cells });
    }
    rowsRated += evaluated.rows.length;
    columnsAdded += table.added.length;
    widenFilters.push(...filterGrowth(table, fields));
  }
  const spcCleared = !settings.spc && clearSpcColumns(sheet, tables, previouslyOwned, { blocks, styles, owned });
  widths.sort((a, b) => a.col - b.col);
  return {
    write: {
      sheet,
      blocks,
      styles,
      conditionalRules: rules,
      columnWidths: widths,
      ...(widenFilters.length > 0 ? { widenFilters } : {}),
    },
    owned,
    rowsRated,
    columnsAdded,
    outputColumns,
    spcCleared,
  };
}
