/**
 * Turns one BlockWrite into the fewest, smallest range assignments.
 *
 * A block is written as `formulas` arrays (constants are plain values there). A column where one R1C1
 * text dominates — `=KPI.RAG(RC[-2],RC[-3],RC[-1])` on every row, or most rows of a trend column — is
 * cheaper as one scalar `formulasR1C1` assignment over the whole column, after which the array carries
 * only the cells that differ, with null ("leave alone") everywhere else. Arrays are cut into row
 * chunks so no single assignment outgrows a sync.
 */
import type { BlockWrite, CellRange } from "../../workbook/port";
import { appendAll } from "./arrays";
import { cellInput, type CellInput } from "./cellInput";
import { ACTION_BYTES, jsonBytes } from "./payload";
import { toR1C1 } from "./r1c1";
import { blockCells } from "../../workbook/blockRows";

export type RangeWrite =
  | { readonly kind: "array"; readonly range: CellRange; readonly formulas: (CellInput | null)[][] }
  /** One value (R1C1 formula or constant) applied to every cell of the range. */
  | { readonly kind: "fill"; readonly range: CellRange; readonly r1c1: CellInput };

/** "null," in the array for a cell the fill already wrote. */
const SKIPPED_CELL_BYTES = 5;

export function planBlock(block: BlockWrite, maxArrayBytes: number): RangeWrite[] {
  const cells = blockCells(block);
  const rows = cells.length;
  const cols = cells.reduce((n, r) => Math.max(n, r.length), 0);
  if (rows === 0 || cols === 0) return [];
  const inputs: (CellInput | null)[][] = cells.map((r) =>
    Array.from({ length: cols }, (_, c) => (c < r.length ? cellInput(r[c]) : null)),
  );
  const fills: RangeWrite[] = [];
  for (let c = 0; c < cols; c += 1) {
    const fill = dominantFill(inputs, c, block.row, block.col + c);
    if (!fill) continue;
    fills.push({ kind: "fill", range: { row: block.row, col: block.col + c, rows, cols: 1 }, r1c1: fill.value });
    for (const r of fill.rows) inputs[r][c] = null;
  }
  return [...fills, ...arrayWrites(inputs, block.row, block.col, maxArrayBytes)];
}

/** The column's most common R1C1 text, if writing it as one fill costs less than sending its cells. */
function dominantFill(
  inputs: readonly (readonly (CellInput | null)[])[],
  c: number,
  top: number,
  col: number,
): { value: CellInput; rows: number[] } | null {
  // A ragged block leaves cells unset; a fill would write over them.
  if (inputs.some((row) => row[c] === null)) return null;
  const groups = new Map<string, { value: CellInput; rows: number[]; bytes: number }>();
  inputs.forEach((row, r) => {
    const input = row[c];
    if (input === null) return;
    const value = typeof input === "string" && input.startsWith("=") ? toR1C1(input, top + r, col) : input;
    const key = `${typeof value}:${value}`;
    const group = groups.get(key) ?? { value, rows: [], bytes: 0 };
    group.rows.push(r);
    group.bytes += jsonBytes(input) + 1;
    groups.set(key, group);
  });
  let best: { value: CellInput; rows: number[]; bytes: number } | null = null;
  for (const group of groups.values()) if (!best || group.bytes > best.bytes) best = group;
  if (!best) return null;
  const saved = best.bytes - best.rows.length * SKIPPED_CELL_BYTES;
  const cost = 2 * ACTION_BYTES + jsonBytes(best.value);
  return saved > cost ? best : null;
}

/** Arrays for what is left: contiguous strips of columns that still hold cells, cut into row chunks. */
function arrayWrites(
  inputs: readonly (readonly (CellInput | null)[])[],
  top: number,
  left: number,
  maxBytes: number,
): RangeWrite[] {
  const cols = inputs[0].length;
  const live = Array.from({ length: cols }, (_, c) => inputs.some((row) => row[c] !== null));
  const writes: RangeWrite[] = [];
  for (let c = 0; c < cols;) {
    if (!live[c]) {
      c += 1;
      continue;
    }
    let end = c;
    while (end + 1 < cols && live[end + 1]) end += 1;
    appendAll(writes, stripWrites(inputs, c, end + 1, top, left, maxBytes));
    c = end + 1;
  }
  return writes;
}

function stripWrites(
  inputs: readonly (readonly (CellInput | null)[])[],
  from: number,
  to: number,
  top: number,
  left: number,
  maxBytes: number,
): RangeWrite[] {
  const strip = inputs.map((row) => row.slice(from, to));
  let first = 0;
  let last = strip.length - 1;
  while (strip[first].every((v) => v === null)) first += 1;
  while (strip[last].every((v) => v === null)) last -= 1;
  const writes: RangeWrite[] = [];
  let start = first;
  let bytes = 0;
  for (let r = first; r <= last; r += 1) {
    const rowBytes = jsonBytes(strip[r]) + 1;
    if (r > start && bytes + rowBytes > maxBytes) {
      writes.push(arrayWrite(strip, start, r, top, left + from));
      start = r;
      bytes = 0;
    }
    bytes += rowBytes;
  }
  writes.push(arrayWrite(strip, start, last + 1, top, left + from));
  return writes;
}

function arrayWrite(
  strip: readonly (CellInput | null)[][],
  from: number,
  to: number,
  top: number,
  col: number,
): RangeWrite {
  const formulas = strip.slice(from, to);
  return { kind: "array", range: { row: top + from, col, rows: to - from, cols: formulas[0].length }, formulas };
}
