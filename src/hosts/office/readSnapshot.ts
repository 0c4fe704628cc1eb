/**
 * Reads the workbook in two syncs whatever its size: (1) the sheet list with visibility, protection and
 * table names; (2) every visible sheet's used range (address, values, formulas), every table's address
 * and the state sheet. Hidden sheets are listed but not read: the operations never scan them, and
 * hidden sheets often hold large raw data.
 *
 * Excel on the web refuses answers over 5 MB. When the second sync is refused for that, the same data
 * is read again in row chunks, a few syncs each under the limit — slower, but it still works.
 */
import type { CellValue } from "../../core/types";
import type { CellRange, SheetSnapshot, TableSnapshot, WorkbookSnapshot } from "../../workbook/port";
import { decodeState, STATE_SHEET_NAME } from "../../workbook/stateSheet";
import { addressRange, rangeToA1 } from "../../workbook/a1";
import { appendAll } from "./arrays";
import type { XlContext, XlRange, XlWorksheet } from "./excelApi";
import { isPayloadTooLarge } from "./officeErrors";
import { findSheet, loadSheetFacts, type SheetFacts } from "./sheetFacts";
import { sameSheetName } from "../../workbook/sheetNames";

/** Cells per sync in the chunked fallback (values and formulas each), halved while Excel still refuses. */
const FALLBACK_CELLS_PER_SYNC = 100_000;

const EXCEL_ERRORS = new Set([
  "#N/A",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
  "#GETTING_DATA",
]);

interface Grid {
  readonly top: number;
  readonly left: number;
  readonly values: unknown[][];
  readonly formulas: unknown[][];
}

interface SheetLoads {
  readonly facts: SheetFacts;
  readonly used: XlRange | null;
  readonly tables: readonly { readonly name: string; readonly range: XlRange }[];
}

export async function readSnapshot(context: XlContext): Promise<{ snapshot: WorkbookSnapshot; facts: SheetFacts[] }> {
  const facts = await loadSheetFacts(context);
  const sheetFacts = facts.filter((f) => !sameSheetName(f.name, STATE_SHEET_NAME));
  const state = findSheet(facts, STATE_SHEET_NAME);
  const queueState = () => (state ? usedRange(context.workbook.worksheets.getItem(state.name)).load("values") : null);
  const stateRange = queueState();
  const loads = sheetFacts.map((f) => queueSheetLoads(context, f, true));
  try {
    await context.sync();
  } catch (error) {
    if (!isPayloadTooLarge(error)) throw error;
    const stateAgain = queueState();
    const addressed = sheetFacts.map((f) => queueSheetLoads(context, f, false));
    await context.sync();
    return { snapshot: assemble(addressed, await readInChunks(context, addressed), stateAgain), facts };
  }
  const grids = loads.map((l) => (l.used && !l.used.isNullObject ? gridOf(l.used) : null));
  return { snapshot: assemble(loads, grids, stateRange), facts };
}

/** Cells with values or formulas; formatting alone does not stretch it. */
function usedRange(sheet: XlWorksheet): XlRange {
  return sheet.getUsedRangeOrNullObject(true);
}

/** Queues the used range (with its data, or only its address for the chunked fallback) and the tables' addresses. */
function queueSheetLoads(context: XlContext, facts: SheetFacts, withData: boolean): SheetLoads {
  const sheet = context.workbook.worksheets.getItem(facts.name);
  const used = facts.visibility === "Visible" ? usedRange(sheet) : null;
  if (withData) used?.load("address,values,formulas");
  else used?.load("address");
  const tables = facts.tables.map((name) => {
    const range = sheet.tables.getItem(name).getRange();
    range.load("address");
    return { name, range };
  });
  return { facts, used, tables };
}

function gridOf(range: XlRange): Grid {
  const at = addressRange(range.address);
  return { top: at.row, left: at.col, values: range.values, formulas: range.formulas };
}

function assemble(
  loads: readonly SheetLoads[],
  grids: readonly (Grid | null)[],
  stateRange: XlRange | null,
): WorkbookSnapshot {
  const sheets = loads.map((load, i) => sheetSnapshot(load, grids[i]));
  const stateRows = stateRange && !stateRange.isNullObject ? stateRange.values.map((row) => row.map(cellValue)) : [];
  return { sheets, state: decodeState(stateRows) };
}

function sheetSnapshot(load: SheetLoads, grid: Grid | null): SheetSnapshot {
  const tables: TableSnapshot[] = load.tables.map((t) => ({
    name: t.name,
    range: addressRange(t.range.address),
  }));
  const values = grid ? grid.values.map((row) => row.map(cellValue)) : [];
  const formulas = grid ? grid.formulas.map((row, r) => row.map((f, c) => formulaText(f, grid.values[r][c]))) : [];
  return {
    name: load.facts.name,
    visible: load.facts.visibility === "Visible",
    protected: load.facts.protected,
    top: grid ? grid.top : 0,
    left: grid ? grid.left : 0,
    values,
    formulas,
    tables,
  };
}

/** Office.js gives "" for an empty cell and error values as their text ("#N/A"). */
function cellValue(raw: unknown): CellValue {
  if (typeof raw === "number" || typeof raw === "boolean") return raw;
  if (typeof raw !== "string" || raw === "") return null;
  return EXCEL_ERRORS.has(raw) ? { error: raw } : raw;
}

/** `formulas` repeats constants; text typed as '=abc reads back as "=abc" in both arrays, so compare. */
function formulaText(formula: unknown, value: unknown): string | null {
  return typeof formula === "string" && formula.startsWith("=") && formula !== value ? formula : null;
}

interface Chunk {
  readonly sheet: number;
  readonly range: CellRange;
}

/** The fallback: each used range read in row chunks, grouped into syncs of a cell budget. */
async function readInChunks(context: XlContext, loads: readonly SheetLoads[]): Promise<(Grid | null)[]> {
  const grids: (Grid | null)[] = loads.map((l) => (l.used && !l.used.isNullObject ? emptyGrid(l.used) : null));
  let budget = FALLBACK_CELLS_PER_SYNC;
  let pending: Chunk[] = loads.flatMap((l, sheet) =>
    l.used && !l.used.isNullObject ? rowChunks({ sheet, range: addressRange(l.used.address) }, budget) : [],
  );
  const done: { chunk: Chunk; range: XlRange }[] = [];
  while (pending.length > 0) {
    let cells = 0;
    let count = 0;
    while (count < pending.length && (count === 0 || cells + size(pending[count]) <= budget)) {
      cells += size(pending[count]);
      count += 1;
    }
    const group = pending.slice(0, count);
    pending = pending.slice(count);
    const ranges = group.map((chunk) => {
      const sheet = context.workbook.worksheets.getItem(loads[chunk.sheet].facts.name);
      const range = sheet.getRange(rangeToA1(chunk.range));
      range.load("values,formulas");
      return range;
    });
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per group of chunks is the fallback's point
      await context.sync();
      group.forEach((chunk, i) => done.push({ chunk, range: ranges[i] }));
    } catch (error) {
      if (!isPayloadTooLarge(error) || (group.length === 1 && group[0].range.rows === 1)) throw error;
      budget = Math.max(1, Math.floor(budget / 2));
      pending = [...group.flatMap((chunk) => rowChunks(chunk, budget)), ...pending];
    }
  }
  done.sort((a, b) => a.chunk.sheet - b.chunk.sheet || a.chunk.range.row - b.chunk.range.row);
  for (const { chunk, range } of done) {
    const grid = grids[chunk.sheet];
    if (!grid) continue;
    appendAll(grid.values, range.values);
    appendAll(grid.formulas, range.formulas);
  }
  return grids;
}

function emptyGrid(used: XlRange): Grid {
  const range = addressRange(used.address);
  return { top: range.row, left: range.col, values: [], formulas: [] };
}

function size(chunk: Chunk): number {
  return chunk.range.rows * chunk.range.cols;
}

function rowChunks(chunk: Chunk, budget: number): Chunk[] {
  const { row, col, rows, cols } = chunk.range;
  const step = Math.max(1, Math.floor(budget / cols));
  const chunks: Chunk[] = [];
  for (let r = 0; r < rows; r += step) {
    chunks.push({ sheet: chunk.sheet, range: { row: row + r, col, rows: Math.min(step, rows - r), cols } });
  }
  return chunks;
}
