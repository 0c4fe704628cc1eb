/**
 * Reads the workbook in three syncs whatever its size up to half a million cells: (1) the sheet list with visibility,
 * protection, table and chart names; (2) every visible sheet's used-range address, every table's address and the
 * values of each sheet that may be the state sheet (isStateSheet: its name and content decide, not its visibility);
 * (3) the used ranges' values and formulas, planned from those addresses in row chunks of at most
 * CELLS_PER_SYNC cells per sync. Hidden sheets are listed but not read: the operations never scan them, and hidden
 * sheets often hold large raw data.
 *
 * Reading the addresses first is what keeps a read under Excel's limits: a range of more than five million cells
 * can come back with `values === null` instead of an error, and Excel on the web refuses answers over 5 MB, with a
 * payload error or a bare GeneralException (learn.microsoft.com/office/dev/add-ins/excel/performance#payload-size-
 * limit-best-practices; office-js#1314). Either way the chunk is read again in halves.
 */
import type { CellValue } from "../../core/types";
import type { CellRange, SheetSnapshot, TableSnapshot, WorkbookSnapshot } from "../../workbook/port";
import { decodeState, isStateName, isStateSheet } from "../../workbook/stateSheet";
import { addressRange, rangeToA1 } from "../../workbook/a1";
import { appendAll } from "./arrays";
import type { XlAutoFilter, XlContext, XlRange, XlWorksheet } from "./excelApi";
import { isTooLarge } from "./officeErrors";
import { loadSheetFacts, type SheetFacts } from "./sheetFacts";

/** Cells per sync (values and formulas each): a tenth of the five-million-cell read limit. */
const CELLS_PER_SYNC = 500_000;
/** A GeneralException on a read of fewer cells is a real failure, not an answer too large for Excel on the web. */
const LARGE_READ_CELLS = 10_000;

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

/** A sheet's AutoFilter as the read found it: where, and whether criteria hide rows. */
export interface SheetFilter {
  readonly range: CellRange;
  readonly filtered: boolean;
}

interface SheetLoads {
  readonly facts: SheetFacts;
  readonly used: XlRange | null;
  /** The AutoFilter's range and state, read in the same sync as the addresses (visible sheets only). */
  readonly filter: { readonly range: XlRange; readonly state: XlAutoFilter } | null;
  readonly tables: readonly { readonly name: string; readonly range: XlRange }[];
}

export interface ReadResult {
  readonly snapshot: WorkbookSnapshot;
  readonly facts: SheetFacts[];
  /** Scorecard's state sheet, or null when the workbook has none. */
  readonly stateSheet: string | null;
  /** Each visible sheet's AutoFilter, by sheet name (a write widens one over a measure table, F20). */
  readonly filters: ReadonlyMap<string, SheetFilter>;
}

export async function readSnapshot(context: XlContext): Promise<ReadResult> {
  const facts = await loadSheetFacts(context);
  const findState = queueStateSearch(context, facts);
  const queued = facts.map((f) => queueAddresses(context, f));
  // In the same sync: whether sheets can be added (learn.microsoft.com/javascript/api/excel/excel.workbookprotection).
  const protection = context.workbook.protection;
  protection.load("protected");
  await context.sync();
  const state = findState();
  const loads = queued.filter((l) => l.facts.name !== state?.name);
  const filters = new Map<string, SheetFilter>();
  for (const { facts: f, filter } of loads) {
    if (filter && !filter.range.isNullObject)
      filters.set(f.name, { range: addressRange(filter.range.address), filtered: filter.state.isDataFiltered });
  }
  const snapshot = assemble(loads, await readInChunks(context, loads), state?.rows ?? [], protection.protected);
  return { snapshot, facts, stateSheet: state?.name ?? null, filters };
}

interface FoundState {
  readonly name: string;
  readonly rows: CellValue[][];
}

/**
 * Queues the used range of every sheet whose name the state sheet may have; after the sync, the returned function
 * gives the first that holds nothing but state chunks. A user's own sheet of that name is never taken for it.
 */
function queueStateSearch(context: XlContext, facts: readonly SheetFacts[]): () => FoundState | null {
  const candidates = facts
    .filter((f) => isStateName(f.name))
    .map((f) => ({
      name: f.name,
      used: usedRange(context.workbook.worksheets.getItem(f.name)).load("address,values"),
    }));
  return () => {
    for (const { name, used } of candidates) {
      if (used.isNullObject) return { name, rows: [] };
      const rows = (used.values ?? []).map((row) => row.map(cellValue));
      if (isStateSheet(name, rows, addressRange(used.address).col)) return { name, rows };
    }
    return null;
  };
}

/** Scorecard's state sheet, for a write with no read before it: one sync, and none when no sheet has its name. */
export async function findStateSheet(context: XlContext, facts: readonly SheetFacts[]): Promise<string | null> {
  if (!facts.some((f) => isStateName(f.name))) return null;
  const findState = queueStateSearch(context, facts);
  await context.sync();
  return findState()?.name ?? null;
}

/** Cells with values or formulas; formatting alone does not stretch it. */
function usedRange(sheet: XlWorksheet): XlRange {
  return sheet.getUsedRangeOrNullObject(true);
}

/** Queues the AutoFilter's state and range address (a navigation property: nothing is read before the sync). */
function queueFilter(sheet: XlWorksheet): NonNullable<SheetLoads["filter"]> {
  const { autoFilter } = sheet;
  autoFilter.load("isDataFiltered");
  const range = autoFilter.getRangeOrNullObject();
  range.load("address");
  return { range, state: autoFilter };
}

/** Queues the used range's address, the AutoFilter's and the tables' addresses. */
function queueAddresses(context: XlContext, facts: SheetFacts): SheetLoads {
  const sheet = context.workbook.worksheets.getItem(facts.name);
  const used = facts.visibility === "Visible" ? usedRange(sheet) : null;
  used?.load("address");
  const filter = used ? queueFilter(sheet) : null;
  const tables = facts.tables.map((name) => {
    const range = sheet.tables.getItem(name).getRange();
    range.load("address");
    return { name, range };
  });
  return { facts, used, filter, tables };
}

function assemble(
  loads: readonly SheetLoads[],
  grids: readonly (Grid | null)[],
  stateRows: readonly (readonly CellValue[])[],
  structureLocked: boolean,
): WorkbookSnapshot {
  const sheets = loads.map((load, i) => sheetSnapshot(load, grids[i]));
  // Only column A holds chunks (isStateSheet checked it); a used range starting further right holds none.
  return { sheets, state: decodeState(stateRows), structureLocked };
}

function sheetSnapshot(load: SheetLoads, grid: Grid | null): SheetSnapshot {
  const tables: TableSnapshot[] = load.tables.map((t) => ({
    name: t.name,
    range: addressRange(t.range.address),
  }));
  const formulas = grid ? grid.formulas.map((row, r) => row.map((f, c) => formulaText(f, grid.values[r][c]))) : [];
  // Excel always has a formula's result: an empty one stays "", so that null beside a formula means what it means in
  // a file, a formula saved without its result (TableContext.reportUncalculated).
  const values = grid
    ? grid.values.map((row, r) => row.map((v, c) => (v === "" && formulas[r][c] !== null ? "" : cellValue(v))))
    : [];
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

/** Each used range read in row chunks, grouped into syncs under a cell budget that halves while Excel refuses. */
async function readInChunks(context: XlContext, loads: readonly SheetLoads[]): Promise<(Grid | null)[]> {
  const grids: (Grid | null)[] = loads.map((l) => (l.used && !l.used.isNullObject ? emptyGrid(l.used) : null));
  let budget = CELLS_PER_SYNC;
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
    let tooLarge: boolean;
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per budget of cells
      await context.sync();
      // Over Excel's cell limit a read can succeed with no values at all.
      tooLarge = ranges.some((range) => range.values === null || range.formulas === null);
    } catch (error) {
      if (!isTooLarge(error, cells >= LARGE_READ_CELLS)) throw error;
      tooLarge = true;
    }
    if (!tooLarge) {
      group.forEach((chunk, i) => done.push({ chunk, range: ranges[i] }));
      continue;
    }
    if (group.length === 1 && group[0].range.rows === 1) {
      throw new Error(
        `Excel could not read row ${group[0].range.row + 1} of "${loads[group[0].sheet].facts.name}": it is too large.`,
      );
    }
    budget = Math.max(1, Math.floor(Math.min(budget, cells) / 2));
    pending = [...group.flatMap((chunk) => rowChunks(chunk, budget)), ...pending];
  }
  done.sort((a, b) => a.chunk.sheet - b.chunk.sheet || a.chunk.range.row - b.chunk.range.row);
  for (const { chunk, range } of done) {
    const grid = grids[chunk.sheet];
    if (!grid) continue;
    appendAll(grid.values, range.values ?? []);
    appendAll(grid.formulas, range.formulas ?? []);
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
