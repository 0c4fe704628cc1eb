/** Single layout: one row per measure with a value and, optionally, a previous value for the short trend. */
import type { RowOutcome } from "../evaluate";
import type { MeasureReport } from "../model";
import { textOf } from "../scan";
import type { DataRow } from "../scan";
import type { LayoutResult, TableContext, Trends } from "./tableContext";

export function evaluateSingle(ctx: TableContext, rows: readonly DataRow[]): LayoutResult {
  const valueCol = ctx.f.value as number;
  const periods = ctx.table.header.periodColumns;
  const previousCol = ctx.f.previous ?? periods[periods.length - 1]?.col;
  const outcomes: RowOutcome[] = [];
  const measures: MeasureReport[] = [];
  for (const data of rows) {
    const cells = ctx.parseCells(data, valueCol);
    const earlier = previousCol === undefined ? [] : [ctx.figureAt(data.row, previousCol)];
    const short = ctx.trendsAgainst(cells, earlier, textOf(ctx.cell(data.row, ctx.f.period)));
    // No long trend in this layout: there is at most one earlier figure.
    const trends: Trends = { ...short, longTrend: "NA", history: null };
    outcomes.push(ctx.outcome(cells, trends));
    measures.push(ctx.report(cells, trends));
  }
  ctx.reportDuplicateCodes(rows);
  return { rows: outcomes, measures };
}
