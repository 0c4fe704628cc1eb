/**
 * The ranges readNumberFormats loads: per sheet and column, the asked rows grouped into spans, a new span wherever
 * two asked rows are FORMAT_GAP or more rows apart. One range per asked cell would cost a request object each; one
 * range per column would load the formats of every row between the asked ones. Spans keep both small.
 */
import type { CellRef } from "../../workbook/port";

export const FORMAT_GAP = 32;

export interface FormatSpan {
  readonly sheet: string;
  readonly col: number;
  readonly top: number;
  readonly bottom: number;
  /** Indexes into the cells asked. */
  readonly asked: readonly number[];
}

export function formatSpans(cells: readonly CellRef[]): FormatSpan[] {
  const byColumn = new Map<string, number[]>();
  cells.forEach((cell, i) => {
    const key = `${cell.col}\u0000${cell.sheet}`;
    const list = byColumn.get(key);
    if (list) list.push(i);
    else byColumn.set(key, [i]);
  });
  const spans: FormatSpan[] = [];
  for (const indexes of byColumn.values()) {
    indexes.sort((a, b) => cells[a].row - cells[b].row);
    let start = 0;
    for (let i = 1; i <= indexes.length; i++) {
      if (i < indexes.length && cells[indexes[i]].row - cells[indexes[i - 1]].row < FORMAT_GAP) continue;
      const asked = indexes.slice(start, i);
      const { sheet, col } = cells[asked[0]];
      spans.push({ sheet, col, top: cells[asked[0]].row, bottom: cells[asked[asked.length - 1]].row, asked });
      start = i;
    }
  }
  return spans;
}
