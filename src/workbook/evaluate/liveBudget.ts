/**
 * What a long table's live series formulas cost Excel (`--formulas`, new-user trial 2, F12), and the fallback to
 * values above a budget. A series formula reads its whole span on every recalculation: `FILTER(IF($C$2:$C62="","",
 * $C$2:$C62),$A$2:$A62=A62)` reads 61 value cells and 61 key cells. In a table sorted by period, a row's span runs
 * from the table's first row to the row itself (the start that keeps the formula right when filled down to another
 * measure's row), so the cells read grow with the square of the rows: 50,000 interleaved rows would read about
 * 5·10⁹ cells per recalculation, and as every formula depends on the table's top rows, editing one early figure
 * recalculates them all. Starting at the measure's first row instead would save only the rows above it (the first
 * period's, in a table sorted by period) and would no longer hold when filled down to a measure that starts higher.
 */
import type { CellSeries, History, RowOutcome } from "../evaluate";

/**
 * Cells a table's series formulas may read per recalculation. 2,000,000 is about 950 interleaved rows with SPC on
 * (each row's Variation and Assurance both read its span, values and keys: 2n² cells for n rows), a table a council
 * keeps by hand (36 measures × 25 months); a fraction of a second for Excel's array evaluation where the 50,000-row
 * history of the trial would have read 5.5·10⁹ cells on every edit of an early figure.
 */
export const LIVE_CELL_BUDGET = 2_000_000;

/** The cells a series formula reads: every row of its span, in the key column too for FILTER. */
const cellsRead = (s: CellSeries): number => (s.to.row - s.from.row + 1) * (s.kind === "filter" ? 2 : 1);

/**
 * The most cells the table's series formulas would read: Variation and Assurance each read the row's SPC series, the
 * long trend its earlier periods through FILTER (a range of up to four cells costs nothing worth counting).
 */
function liveCells(rows: readonly RowOutcome[]): number {
  let cells = 0;
  for (const o of rows) {
    if (o.spcSeries !== null) cells += 2 * cellsRead(o.spcSeries);
    if (o.history?.kind === "filter") cells += cellsRead(o.history);
  }
  return cells;
}

/**
 * What a table over the budget had written as values instead of formulas: `cells` its series formulas would have read;
 * `filter`, some of them were FILTER formulas (interleaved measures), not plain ranges; `spc`, Variation and
 * Assurance; `earlier`, the long trend's earlier periods (a FILTER too). The notice names only what happened
 * (new-user finding N19: a table of contiguous ranges was said to be "too long for live FILTER formulas").
 */
export interface TooLongForFormulas {
  readonly cells: number;
  readonly filter: boolean;
  readonly spc: boolean;
  readonly earlier: boolean;
}

/**
 * The rows as they are when their series formulas stay within the budget; else with no series a formula reads (the
 * SPC words are written as values) and the long trend's earlier periods as their figures (`figures`, by sheet row),
 * and what was replaced.
 */
export function withinLiveBudget(
  rows: RowOutcome[],
  figures: ReadonlyMap<number, History>,
): { rows: RowOutcome[]; tooLongForFormulas?: TooLongForFormulas } {
  const cells = liveCells(rows);
  if (cells <= LIVE_CELL_BUDGET) return { rows };
  let filter = false;
  let spc = false;
  let earlier = false;
  const valued = rows.map((o) => {
    if (o.spcSeries !== null) {
      spc = true;
      filter ||= o.spcSeries.kind === "filter";
    }
    if (o.history?.kind === "filter") earlier = filter = true;
    const history = o.history?.kind === "filter" ? (figures.get(o.row) ?? null) : o.history;
    return o.spcSeries === null && history === o.history ? o : { ...o, spcSeries: null, history };
  });
  return { rows: valued, tooLongForFormulas: { cells, filter, spc, earlier } };
}
