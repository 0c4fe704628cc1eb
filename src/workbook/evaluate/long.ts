/** Long layout: one row per measure per period; rows sharing a code are its history, in any order. */
import type { Parsed, Period } from "../../core";
import { capitalise } from "../../core";
import type { History, RowOutcome } from "../evaluate";
import type { MeasureReport } from "../model";
import { SpcSeries } from "../../core/spc";
import { textOf } from "../scan";
import type { DataRow } from "../scan";
import { withinLiveBudget } from "./liveBudget";
import { KeyIndex, MeasureCells } from "./longCells";
import { MAX_LONG_PERIODS, lastFigureIndex, noTrends, olderFigureNote } from "./tableContext";
import type { Earlier, LayoutResult, ParsedCells, SpcWords, TableContext, Trends } from "./tableContext";

interface Dated {
  readonly cells: ParsedCells;
  readonly period: Period;
}

/** Each measure's rows in time order; rows whose period is missing, unreadable or repeated are set apart. */
function inTime(ctx: TableContext, key: string, entries: readonly { cells: ParsedCells; period: Parsed<Period> }[]) {
  const periodCol = ctx.f.period as number;
  const dated: Dated[] = [];
  const undated: { cells: ParsedCells; note: string }[] = [];
  for (const { cells, period } of entries) {
    if (period.ok) {
      dated.push({ cells, period: period.value });
    } else {
      const note = period.na && period.reason === "no period" ? "no period given" : period.reason;
      ctx.problem(cells.data.row, periodCol, `${capitalise(note)}: this row's trends are NA.`);
      undated.push({ cells, note });
    }
  }
  dated.sort((a, b) => a.period.order - b.period.order || a.cells.data.row - b.cells.data.row);
  const history: Dated[] = [];
  for (const entry of dated) {
    const last = history[history.length - 1];
    if (last && last.period.order === entry.period.order) {
      const note = `duplicate of row ${last.cells.data.row + 1} for ${entry.period.label}`;
      ctx.problem(
        entry.cells.data.row,
        periodCol,
        `"${key}" has two rows for ${entry.period.label} (rows ${last.cells.data.row + 1} and ${entry.cells.data.row + 1}): this row's trends are NA.`,
      );
      undated.push({ cells: entry.cells, note });
      continue;
    }
    history.push(entry);
  }
  return { history, undated };
}

/**
 * SPC reads a measure's numeric values only (SPEC §7): when its latest periods have none (an error or a blank, so
 * the status is NA), the variation is about the last figure there is. The measure's reason says which, as the SPC
 * chart does, since the committee reads the Variation word beside that period's NA (new-user finding F24).
 */
function olderFigureNoted(words: SpcWords, history: readonly Dated[]): SpcWords {
  const last = history.length - 1;
  if (words.variation === "NA" || last < 0 || history[last].cells.reading.value !== null) return words;
  const note = olderFigureNote({
    periods: history.map((h) => h.period.label),
    values: history.map((h) => h.cells.reading.value),
  });
  return note === null ? words : { ...words, note };
}

export function evaluateLong(ctx: TableContext, rows: readonly DataRow[]): LayoutResult {
  const periodCol = ctx.f.period as number;
  const valueCol = ctx.f.value as number;
  // Each measure's rows in sheet order. A measure's rows are parsed when it is rated, so only its own parses are
  // alive at a time: parsed all at once, a 1,048,576-row table held ~350 MB of them until the last measure was done.
  const byKey = new Map<string, DataRow[]>();
  for (const data of rows) {
    const key = ctx.keyOf(data.row);
    const list = byKey.get(key);
    if (list) list.push(data);
    else byKey.set(key, [data]);
  }
  const outcomes: RowOutcome[] = [];
  const measures: MeasureReport[] = [];
  const keys = new KeyIndex(ctx);
  // The figures of earlier periods a FILTER reads instead, by row: written should the table be too long for FILTER.
  const earlierFigures = new Map<number, History>();
  for (const [key, measureRows] of byKey) {
    const entries = measureRows.map((data) => ({
      cells: ctx.parseCells(data, valueCol),
      period: ctx.period(ctx.read(data.row, periodCol)),
    }));
    const { history, undated } = inTime(ctx, key, entries);
    // Where formulas can read the measure's figures live; worked out only when a row needs it.
    let cellsOf: MeasureCells | null = null;
    const live = () =>
      (cellsOf ??= new MeasureCells(
        keys,
        history.map((h) => h.cells.valueCell),
        history.map((h) => (h.cells.code ? ctx.f.code : ctx.f.name)),
      ));
    // The latest dated row is current; a measure with no usable period at all is still listed, with NA trends.
    let current: { cells: ParsedCells; trends: Trends; spcWords?: SpcWords } | null = null;
    // Each row's SPC is of the series up to its own period, as each row's status is against its own target;
    // SpcSeries gives each row's words in O(1), so a measure of n rows costs n points, not n².
    const series = new SpcSeries();
    // Each period's figure and cell, made once: a row's trends read the (up to four) periods before it.
    const figures: Earlier[] = history.map(({ cells }) => ({ valueCell: cells.valueCell, value: cells.reading.value }));
    for (let i = 0; i < history.length; i++) {
      const cells = history[i].cells;
      let trends = ctx.trendsAgainst(
        cells,
        figures.slice(Math.max(0, i - MAX_LONG_PERIODS), i),
        history[i].period.label,
      );
      // Earlier periods on scattered rows: FILTER reads them live where it can, not their figures as of this run.
      if (ctx.formulas && trends.history?.kind === "values") {
        const window = live().window(Math.max(0, i - MAX_LONG_PERIODS), i);
        if (window) {
          earlierFigures.set(cells.data.row, trends.history);
          trends = { ...trends, history: window };
        }
      }
      series.add(cells.reading.value);
      const spcWords = ctx.spcOfRunning(cells, series);
      outcomes.push(ctx.outcome(cells, trends, spcWords, ctx.spcOn && ctx.formulas ? live().series(i) : null));
      current = { cells, trends, spcWords };
    }
    for (const { cells, note } of undated) {
      const trends = noTrends(note, textOf(ctx.read(cells.data.row, periodCol)));
      outcomes.push(ctx.outcome(cells, trends));
      current ??= { cells, trends };
    }
    if (current) {
      const spcWords = current.spcWords && olderFigureNoted(current.spcWords, history);
      const measure = ctx.report(current.cells, current.trends, spcWords);
      measures.push(measure);
      if (current.cells.reading.value === null) {
        const i = lastFigureIndex(history.map((h) => h.cells.reading.value));
        if (i >= 0) ctx.figureCells.set(measure, history[i].cells.valueCell);
      }
      if (history.length > 0)
        ctx.keepSeries(measure, () => ({
          periods: history.map((h) => h.period.label),
          values: history.map((h) => h.cells.reading.value),
        }));
    }
  }
  outcomes.sort((a, b) => a.row - b.row);
  return { ...withinLiveBudget(outcomes, earlierFigures), measures };
}
