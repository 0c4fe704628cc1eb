/** Wide layout: one row per measure, a column per period; the latest period with a number is current. */
import type { Period } from "../../core";
import { parseValue } from "../../core";
import { columnLetters } from "../a1";
import type { RowOutcome } from "../evaluate";
import type { MeasureReport } from "../model";
import type { DataRow } from "../scan";
import { MAX_LONG_PERIODS } from "./tableContext";
import type { Earlier, LayoutResult, TableContext } from "./tableContext";

/** Period columns in time order; a second column for the same period is reported and ignored. */
function distinctPeriodColumns(ctx: TableContext): { col: number; period: Period }[] {
  const distinct: { col: number; period: Period }[] = [];
  for (const pc of ctx.table.header.periodColumns) {
    const last = distinct[distinct.length - 1];
    if (last && last.period.order === pc.period.order) {
      ctx.problem(
        ctx.table.headerRow,
        pc.col,
        `This column is a second ${pc.period.label} (also column ${columnLetters(last.col)}); it is ignored.`,
      );
      continue;
    }
    distinct.push(pc);
  }
  return distinct;
}

export function evaluateWide(ctx: TableContext, rows: readonly DataRow[]): LayoutResult {
  const columns = distinctPeriodColumns(ctx);
  const outcomes: RowOutcome[] = [];
  const measures: MeasureReport[] = [];
  for (const data of rows) {
    let current = columns.length - 1;
    for (let i = columns.length - 1; i >= 0; i--) {
      if (parseValue(ctx.read(data.row, columns[i].col)).ok) {
        current = i;
        break;
      }
    }
    // Later periods without a number are passed over (SPEC §1); an Excel error or text among them is still named.
    for (let i = current + 1; i < columns.length; i++) ctx.unreadFigure(data.row, columns[i].col);
    const cells = ctx.parseCells(data, columns[current].col);
    const oldestInTrend = Math.max(0, current - MAX_LONG_PERIODS);
    // Periods older than the long trend's are not used (but by SPC); an error there is named all the same, as a long
    // table names it in that period's row (SPEC §1).
    for (let i = 0; i < oldestInTrend; i++) ctx.unreadFigure(data.row, columns[i].col);
    const earlier: Earlier[] = [];
    for (let i = oldestInTrend; i < current; i++) {
      earlier.push(ctx.figureAt(data.row, columns[i].col));
    }
    const trends = ctx.trendsAgainst(cells, earlier, columns[current].period.label);
    let values: (number | null)[] | undefined;
    const series = () =>
      (values ??= columns.slice(0, current + 1).map(({ col }) => {
        const parsed = parseValue(ctx.read(data.row, col));
        return parsed.ok ? parsed.value : null;
      }));
    const spcWords = ctx.spcOf(cells, series);
    outcomes.push(ctx.outcome(cells, trends, spcWords));
    const measure = ctx.report(cells, trends, spcWords);
    measures.push(measure);
    ctx.keepSeries(measure, () => ({
      periods: columns.slice(0, current + 1).map((c) => c.period.label),
      values: series(),
    }));
  }
  ctx.reportDuplicateCodes(rows);
  return { rows: outcomes, measures };
}
