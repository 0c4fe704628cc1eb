/** Wide layout: one row per measure, a column per period; the latest period with a number is current. */
import type { Period } from "../../core";
import { dateOfCell, parseValue, yearReadAsDay } from "../../core";
import { columnLetters, toA1 } from "../a1";
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

/**
 * Period headers whose column order is neither oldest-first nor newest-first were misread (a CSV import turns `Oct-12`
 * into 12 Oct 2026) or mistyped. The table is still rated in time order as the headers read — previous in time, never
 * in the sheet, and never reordered silently (SPEC §4) — and the first place the order turns is named (finding F15).
 */
function reportPeriodOrder(ctx: TableContext): void {
  const { periodColumns } = ctx.table.header;
  const byColumn = [...periodColumns].sort((a, b) => a.col - b.col);
  const steps = byColumn.slice(1).map((pc, i) => Math.sign(pc.period.order - byColumn[i].period.order));
  const rising = steps.filter((step) => step > 0).length;
  const falling = steps.filter((step) => step < 0).length;
  if (rising === 0 || falling === 0) return;
  const against = rising >= falling ? -1 : 1;
  const turns = steps.flatMap((step, i) => (step === against ? [i + 1] : []));
  const { headerRow } = ctx.table;
  const before = byColumn[turns[0] - 1];
  const after = byColumn[turns[0]];
  const more = turns.length > 1 ? ` (and in ${turns.length - 1} more place${turns.length > 2 ? "s" : ""})` : "";
  const latest = periodColumns[periodColumns.length - 1].period.label;
  let hint = "";
  for (const { col } of byColumn) {
    const date = dateOfCell(ctx.read(headerRow, col));
    const misread = date && yearReadAsDay(date);
    if (misread) {
      hint = ` They look like ${misread}: enter them as text such as "Oct 2012", or as dates on the 1st of the month.`;
      break;
    }
  }
  ctx.problem(
    headerRow,
    after.col,
    `Period headers are not in time order: ${before.period.label} in ${toA1(headerRow, before.col)} is followed by ` +
      `${after.period.label} in ${toA1(headerRow, after.col)}${more}. The measures are rated in time order as the ` +
      `headers read (latest ${latest}); check the headers.${hint}`,
  );
}

export function evaluateWide(ctx: TableContext, rows: readonly DataRow[]): LayoutResult {
  reportPeriodOrder(ctx);
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
