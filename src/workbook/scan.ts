/**
 * Finds the measure tables on a sheet (SPEC §1): Excel Tables first, then plain ranges that start at a header row
 * and end at the first blank row, several per sheet, side by side or stacked. Reads nothing but the snapshot; the
 * only extra host call is one batched `readBold` for the few cells that might be group titles.
 */
import { isBlank, parsePeriod } from "../core";
import type { CellValue } from "../core";
import { toA1 } from "./a1";
import {
  OUTPUT_FIELDS,
  OUTPUT_HEADERS,
  SPC_FIELDS,
  headerWords,
  isMeasureHeader,
  isOutputHeader,
  mapHeaderRow,
} from "./headers";
import type { HeaderCell, HeaderMap, OutputField } from "./headers";
import type { Layout, Problem } from "./model";
import type { CellRef, SheetSnapshot } from "./port";

/** Reads a cell by absolute sheet position; outside the used range is blank. */
export type CellReader = (row: number, col: number) => CellValue;

export function cellReader(sheet: SheetSnapshot): CellReader {
  const { values, top, left } = sheet;
  return (row, col) => values[row - top]?.[col - left];
}

interface Rect {
  readonly r0: number;
  readonly r1: number;
  readonly c0: number;
  readonly c1: number;
}

const inside = (rect: Rect, row: number, col: number): boolean =>
  row >= rect.r0 && row <= rect.r1 && col >= rect.c0 && col <= rect.c1;

/** A single-cell row: a possible group title ("Outcome: Healthy and active communities"). */
interface TitleCandidate {
  readonly row: number;
  readonly col: number;
  readonly text: string;
}

/** A table as found, before bold flags decide which single-cell rows are group titles. */
export interface TableDraft {
  readonly sheet: string;
  readonly headerRow: number;
  readonly firstCol: number;
  /** Last column of the table as found, including output columns it already has. */
  readonly lastCol: number;
  readonly lastRow: number;
  readonly excelTable: string | null;
  readonly header: HeaderMap;
  readonly layout: Layout;
  /** Output columns: found in the table, or placed right of it. */
  readonly outputs: Readonly<Partial<Record<OutputField, number>>>;
  /** Output columns the add-in places now (right of the table). */
  readonly added: readonly OutputField[];
  readonly singleCellRows: readonly TitleCandidate[];
  readonly titleAbove: TitleCandidate | null;
}

/** A data row of a table, with the group it belongs to. */
export interface DataRow {
  readonly row: number;
  readonly group: string | null;
}

export interface FoundTable extends TableDraft {
  /** Rows that carry a measure, in sheet order (title rows and blank rows left out). */
  readonly rows: readonly DataRow[];
  /** The table's header cells are bold (added output headers follow suit). */
  readonly boldHeader: boolean;
}

export interface SheetFind {
  readonly drafts: TableDraft[];
  readonly problems: Problem[];
}

/** A cell as trimmed text (numbers too), or null when blank. */
export function textOf(raw: CellValue): string | null {
  if (typeof raw === "string") return raw.trim() === "" ? null : raw.trim();
  if (typeof raw === "number" || typeof raw === "boolean") return String(raw);
  return null;
}

/** Runs of adjacent non-blank header cells (candidateHeaders stitches them across single blank cells). */
function headerRuns(cells: readonly HeaderCell[]): HeaderCell[][] {
  const runs: HeaderCell[][] = [];
  for (const cell of cells) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1].col === cell.col - 1) last.push(cell);
    else runs.push([cell]);
  }
  return runs;
}

/** Stitches runs separated by single blank cells when a run alone is not a measure table (an unlabelled column). */
function candidateHeaders(cells: readonly HeaderCell[], floorHeader: string): { run: HeaderCell[]; map: HeaderMap }[] {
  const runs = headerRuns(cells);
  const found: { run: HeaderCell[]; map: HeaderMap }[] = [];
  let i = 0;
  while (i < runs.length) {
    let run = runs[i];
    let map = mapHeaderRow(run, floorHeader);
    let j = i + 1;
    while (!isMeasureHeader(map) && j < runs.length && runs[j][0].col - run[run.length - 1].col === 2) {
      run = [...run, ...runs[j]];
      map = mapHeaderRow(run, floorHeader);
      j++;
    }
    if (isMeasureHeader(map)) {
      found.push({ run, map });
      i = j;
    } else {
      i++;
    }
  }
  return found;
}

function decideLayout(map: HeaderMap, read: CellReader, firstRow: number, lastRow: number): Layout {
  const f = map.fields;
  if (f.value === undefined) return "wide";
  if (f.period !== undefined) {
    for (let r = firstRow; r <= lastRow; r++) if (parsePeriod(read(r, f.period)).ok) return "long";
  }
  return "single";
}

/** A single-row table has no long trend and no series for SPC; the SPC columns only when the setting is on. */
function neededOutputs(layout: Layout, spc: boolean): readonly OutputField[] {
  if (layout === "single") return ["status", "shortTrend"];
  return spc ? OUTPUT_FIELDS : OUTPUT_FIELDS.filter((f) => !SPC_FIELDS.includes(f));
}

class SheetFinder {
  private readonly read: CellReader;
  private claimed: Rect[] = [];
  readonly drafts: TableDraft[] = [];
  readonly problems: Problem[] = [];
  private readonly bottom: number;
  private readonly right: number;

  constructor(
    private readonly sheet: SheetSnapshot,
    private readonly floorHeader: string,
    private readonly spc: boolean,
  ) {
    this.read = cellReader(sheet);
    this.bottom = sheet.top + sheet.values.length - 1;
    const width = sheet.values.reduce((w, row) => Math.max(w, row.length), 0);
    this.right = sheet.left + width - 1;
  }

  /**
   * Tables that ended more than two rows above `row` can no longer overlap anything this scan looks at (a title is
   * looked for at most two rows up): dropping them keeps the scan linear on sheets with hundreds of small tables.
   */
  private forgetTablesAbove(row: number): void {
    if (this.claimed.some((rect) => rect.r1 < row - 2)) {
      this.claimed = this.claimed.filter((rect) => rect.r1 >= row - 2);
    }
  }

  private isClaimed(row: number, col: number): boolean {
    for (const rect of this.claimed) if (inside(rect, row, col)) return true;
    return false;
  }

  /**
   * A cell an output column may be written to: no value, no formula (a formula whose result is not cached yet, as
   * files saved by scripts have, reads as a blank value) and not another table's. Anything else is the user's.
   */
  private free(row: number, col: number): boolean {
    const formula = this.sheet.formulas[row - this.sheet.top]?.[col - this.sheet.left];
    return isBlank(this.read(row, col)) && (formula === null || formula === undefined) && !this.isClaimed(row, col);
  }

  private rowBlank(row: number, c0: number, c1: number): boolean {
    for (let c = c0; c <= c1; c++) if (!isBlank(this.read(row, c))) return false;
    return true;
  }

  /** The one non-blank cell of a row within [c0, c1], or null if it has none or several. */
  private singleCell(row: number, c0: number, c1: number): TitleCandidate | null {
    let found: TitleCandidate | null = null;
    for (let c = c0; c <= c1; c++) {
      const raw = this.read(row, c);
      if (isBlank(raw)) continue;
      if (found || typeof raw !== "string") return null;
      found = { row, col: c, text: raw.trim() };
    }
    return found;
  }

  /** A header row repeated inside the data starts a new table (blocks stacked without a blank row). */
  private repeatsHeader(row: number, col: number | undefined, headerKey: string): boolean {
    if (col === undefined) return false;
    const raw = this.read(row, col);
    // Cheap test first: a data cell rarely contains the header's first letters.
    if (typeof raw !== "string" || !raw.toLowerCase().includes(headerKey.slice(0, 2))) return false;
    return headerWords(raw).join(" ") === headerKey;
  }

  /** Output headers right next to a table (Status, Short Trend…) are the table's own, e.g. beside an Excel Table. */
  private attachOutputs(row: number, lastCol: number, cells: HeaderCell[]): number {
    let col = lastCol + 1;
    for (; col <= this.right; col++) {
      const raw = this.read(row, col);
      if (typeof raw !== "string" || !isOutputHeader(raw) || this.isClaimed(row, col)) break;
      cells.push({ col, raw });
    }
    return col - 1;
  }

  private titleAbove(headerRow: number, c0: number, c1: number): TitleCandidate | null {
    for (let r = headerRow - 1; r >= Math.max(this.sheet.top, headerRow - 2); r--) {
      if (this.claimedRow(r, c0, c1)) return null;
      const single = this.singleCell(r, c0, c1);
      if (single) return single;
      if (!this.rowBlank(r, c0, c1)) return null;
    }
    return null;
  }

  private claimedRow(row: number, c0: number, c1: number): boolean {
    for (let c = c0; c <= c1; c++) if (this.isClaimed(row, c)) return true;
    return false;
  }

  /** Places missing output columns right of the table when those cells are empty; otherwise says why not. */
  private placeOutputs(
    headerRow: number,
    lastRow: number,
    lastCol: number,
    map: HeaderMap,
    layout: Layout,
  ): { outputs: Partial<Record<OutputField, number>>; added: OutputField[] } {
    const outputs: Partial<Record<OutputField, number>> = {};
    for (const field of OUTPUT_FIELDS) {
      const col = map.fields[field];
      // With SPC off a "Variation" column is the user's (or left from an earlier run): never written to.
      if (col !== undefined && (this.spc || !SPC_FIELDS.includes(field))) outputs[field] = col;
    }
    const missing = neededOutputs(layout, this.spc).filter((f) => outputs[f] === undefined);
    if (missing.length === 0) return { outputs, added: [] };
    for (let i = 0; i < missing.length; i++) {
      const col = lastCol + 1 + i;
      for (let r = headerRow; r <= lastRow; r++) {
        if (!this.free(r, col)) {
          const names = missing.map((f) => OUTPUT_HEADERS[f]).join(", ");
          this.problems.push({
            sheet: this.sheet.name,
            cell: toA1(r, col),
            message:
              `No room for the ${names} column${missing.length > 1 ? "s" : ""} right of the table at ` +
              `${toA1(headerRow, lastCol)}: this cell is not empty. Insert empty columns there, or add those headers ` +
              `to the table yourself; until then they are not written.`,
          });
          return { outputs, added: [] };
        }
      }
    }
    missing.forEach((field, i) => (outputs[field] = lastCol + 1 + i));
    return { outputs, added: [...missing] };
  }

  private addTable(
    headerRow: number,
    firstCol: number,
    lastColFound: number,
    lastRow: number,
    excelTable: string | null,
    cells: HeaderCell[],
  ): void {
    const lastCol = this.attachOutputs(headerRow, lastColFound, cells);
    const header = mapHeaderRow(cells, this.floorHeader);
    if (lastRow <= headerRow) {
      this.problems.push({
        sheet: this.sheet.name,
        cell: toA1(headerRow, firstCol),
        message: "This header row has no data below it, so the table was skipped.",
      });
      this.claimed.push({ r0: headerRow, r1: headerRow, c0: firstCol, c1: lastCol });
      return;
    }
    const layout = decideLayout(header, this.read, headerRow + 1, lastRow);
    const { outputs, added } = this.placeOutputs(headerRow, lastRow, lastCol, header, layout);
    const singleCellRows: TitleCandidate[] = [];
    for (let r = headerRow + 1; r <= lastRow; r++) {
      const single = this.singleCell(r, firstCol, lastCol);
      if (single) singleCellRows.push(single);
    }
    const titleAbove = this.titleAbove(headerRow, firstCol, lastCol);
    this.drafts.push({
      sheet: this.sheet.name,
      headerRow,
      firstCol,
      lastCol,
      lastRow,
      excelTable,
      header,
      layout,
      outputs,
      added,
      singleCellRows,
      titleAbove,
    });
    this.claimed.push({ r0: headerRow, r1: lastRow, c0: firstCol, c1: lastCol + added.length });
  }

  /**
   * A table ends at the first blank row (SPEC §1), as Excel's own lists do. Rows just below that blank row that
   * look like more of the table's measure rows (its identity and a value or target filled, no header of their own)
   * would otherwise drop out of every count without a word, so they are named as a data problem (finding F12).
   */
  private reportRowsBelowBlank(lastRow: number, c0: number, c1: number, map: HeaderMap): void {
    const blank = lastRow + 1;
    if (blank + 1 > this.bottom || !this.rowBlank(blank, c0, c1)) return;
    const identity = map.fields.code ?? map.fields.name;
    const figures = [map.fields.value, map.fields.target, ...map.periodColumns.map((p) => p.col)];
    const looksLikeMeasure = (row: number): boolean => {
      if (identity === undefined || isBlank(this.read(row, identity)) || this.claimedRow(row, c0, c1)) return false;
      const cells: HeaderCell[] = [];
      for (let c = c0; c <= c1; c++) if (!isBlank(this.read(row, c))) cells.push({ col: c, raw: this.read(row, c) });
      if (isMeasureHeader(mapHeaderRow(cells, this.floorHeader))) return false;
      return figures.some((c) => c !== undefined && !isBlank(this.read(row, c)));
    };
    let last = blank;
    while (last + 1 <= this.bottom && looksLikeMeasure(last + 1)) last++;
    if (last === blank) return;
    const one = last === blank + 1;
    const rows = one
      ? `Row ${blank + 2} below the blank row ${blank + 1} is`
      : `Rows ${blank + 2}–${last + 1} below the blank row ${blank + 1} are`;
    this.problems.push({
      sheet: this.sheet.name,
      cell: toA1(blank + 1, c0),
      message:
        `${rows} not in any table, so ${one ? "it is" : "they are"} not rated or counted: remove the blank row, ` +
        `or give ${one ? "it a header row of its" : "them a header row of their"} own.`,
    });
  }

  findExcelTables(): void {
    for (const table of this.sheet.tables) {
      const { row, col, rows, cols } = table.range;
      const cells: HeaderCell[] = [];
      for (let c = col; c < col + cols; c++) {
        const raw = this.read(row, c);
        if (!isBlank(raw)) cells.push({ col: c, raw });
      }
      if (!isMeasureHeader(mapHeaderRow(cells, this.floorHeader))) continue;
      let lastRow = row + rows - 1;
      while (lastRow > row && this.rowBlank(lastRow, col, col + cols - 1)) lastRow--;
      this.addTable(row, col, col + cols - 1, lastRow, table.name, cells);
    }
  }

  findRanges(): void {
    const { top, left } = this.sheet;
    for (let r = top; r <= this.bottom; r++) {
      this.forgetTablesAbove(r);
      const cells: HeaderCell[] = [];
      // A row of a sparse snapshot ends at its last cell (the .xlsx host's stray-cell case): walk only that far.
      const end = Math.min(this.right, left + (this.sheet.values[r - top]?.length ?? 0) - 1);
      for (let c = left; c <= end; c++) {
        const raw = this.read(r, c);
        if (!isBlank(raw) && !this.isClaimed(r, c)) cells.push({ col: c, raw });
      }
      if (cells.length < 2) continue;
      for (const { run, map } of candidateHeaders(cells, this.floorHeader)) {
        const c0 = run[0].col;
        const c1 = run[run.length - 1].col;
        const identityCol = map.fields.code ?? map.fields.name;
        const header = identityCol === undefined ? null : this.read(r, identityCol);
        const headerKey = typeof header === "string" ? headerWords(header).join(" ") : "";
        let lastRow = r;
        for (let rr = r + 1; rr <= this.bottom; rr++) {
          if (this.rowBlank(rr, c0, c1) || this.repeatsHeader(rr, identityCol, headerKey)) break;
          lastRow = rr;
        }
        this.addTable(r, c0, c1, lastRow, null, run);
        this.reportRowsBelowBlank(lastRow, c0, c1, map);
      }
    }
  }
}

/** Phase one: every table on a visible sheet and the cells whose boldness decides group titles. */
export function findTables(sheet: SheetSnapshot, floorHeader: string, spc = false): SheetFind {
  const finder = new SheetFinder(sheet, floorHeader, spc);
  finder.findExcelTables();
  finder.findRanges();
  finder.drafts.sort((a, b) => a.headerRow - b.headerRow || a.firstCol - b.firstCol);
  return { drafts: finder.drafts, problems: finder.problems };
}

/** Rows a sheet without a measure table is searched for the header row that comes nearest: the top of it, cheaply. */
const NEAREST_HEADER_ROWS = 200;

/** What a measure table's header row needs (headers.ts rule 6), as the problem names them. */
const HEADER_NEEDS = [
  { has: (m: HeaderMap) => m.fields.code !== undefined || m.fields.name !== undefined, missing: "code or name" },
  { has: (m: HeaderMap) => m.fields.value !== undefined || m.periodColumns.length > 0, missing: "value or period" },
  { has: (m: HeaderMap) => m.fields.target !== undefined || m.fields.aim !== undefined, missing: "target or aim" },
] as const;

/** The header row within the sheet's top rows that meets most of a table's needs, if any row meets one. */
function nearestHeader(
  sheet: SheetSnapshot,
  floorHeader: string,
): { row: number; cells: HeaderCell[]; met: number } | null {
  const read = cellReader(sheet);
  let best: { row: number; cells: HeaderCell[]; met: number; fields: number } | null = null;
  const last = Math.min(sheet.top + sheet.values.length, sheet.top + NEAREST_HEADER_ROWS) - 1;
  for (let r = sheet.top; r <= last; r++) {
    const cells: HeaderCell[] = [];
    const row = sheet.values[r - sheet.top] ?? [];
    for (let c = sheet.left; c < sheet.left + row.length; c++) {
      const raw = read(r, c);
      if (typeof raw === "string" && !isBlank(raw)) cells.push({ col: c, raw });
    }
    if (cells.length < 2) continue;
    const map = mapHeaderRow(cells, floorHeader);
    const met = HEADER_NEEDS.filter((need) => need.has(map)).length;
    const fields = Object.keys(map.fields).length + map.periodColumns.length;
    if (met > 0 && (best === null || met > best.met || (met === best.met && fields > best.fields)))
      best = { row: r, cells, met, fields };
  }
  return best;
}

/** Whether a sheet holds anything at all: a value or a formula. */
function hasContent(sheet: SheetSnapshot): boolean {
  return (
    sheet.values.some((row) => row.some((v) => !isBlank(v))) ||
    sheet.formulas.some((row) => row.some((f) => f !== null && f !== undefined))
  );
}

const CELLS_NAMED = 8;

/**
 * A visible sheet with content but no measure table (new-user finding N10: "Rated 0 rows" and no hint why): what
 * Scorecard looks for and the header row that came nearest. Said when the workbook has no table at all, or when the
 * sheet has a near miss (a row meeting two of the three needs); a dashboard or notes sheet beside found tables is not
 * a data problem. Null when nothing is to be said.
 */
export function noTableProblem(sheet: SheetSnapshot, floorHeader: string, anyTable: boolean): Problem | null {
  if (!hasContent(sheet)) return null;
  const nearest = nearestHeader(sheet, floorHeader);
  if (anyTable && (nearest === null || nearest.met < 2)) return null;
  const looksFor =
    "No measure table was found on this sheet, so nothing on it was rated. A table starts at a header row with a " +
    "code or name column (Code, Ref, PI, Measure, Indicator, Name), a value column (Value, Actual, Result, Achieved) " +
    "or period columns (Oct-12, Q1 2018/19), and a target or aim column (Target, Goal, Aim, Polarity, Direction).";
  if (nearest === null) return { sheet: sheet.name, cell: toA1(sheet.top, sheet.left), message: looksFor };
  const first = nearest.cells[0];
  const shown = nearest.cells.slice(0, CELLS_NAMED).map((c) => (c.raw as string).trim());
  const more = nearest.cells.length > CELLS_NAMED ? `, … (${nearest.cells.length - CELLS_NAMED} more)` : "";
  const map = mapHeaderRow(nearest.cells, floorHeader);
  const missing = HEADER_NEEDS.filter((need) => !need.has(map)).map((need) => need.missing);
  const why =
    missing.length > 0
      ? `has no ${missing.join(" column and no ")} column; rename its headers to these words.`
      : "its headers are not side by side: a table's header cells sit next to each other, one empty cell apart at most.";
  return {
    sheet: sheet.name,
    cell: toA1(nearest.row, first.col),
    message: `${looksFor} Row ${nearest.row + 1} comes nearest (${shown.join(", ")}${more}) but ${why}`,
  };
}

const cellKey = (sheet: string, row: number, col: number): string => `${sheet}\u0000${row}\u0000${col}`;

/** The cells to ask the host about, all sheets at once: title candidates and each table's first header cell. */
export function boldQuestions(drafts: readonly TableDraft[]): CellRef[] {
  const refs: CellRef[] = [];
  for (const d of drafts) {
    refs.push({ sheet: d.sheet, row: d.headerRow, col: d.firstCol });
    if (d.titleAbove) refs.push({ sheet: d.sheet, row: d.titleAbove.row, col: d.titleAbove.col });
    for (const t of d.singleCellRows) refs.push({ sheet: d.sheet, row: t.row, col: t.col });
  }
  return refs;
}

export function boldSet(refs: readonly CellRef[], flags: readonly boolean[]): Set<string> {
  const bold = new Set<string>();
  refs.forEach((ref, i) => {
    if (flags[i]) bold.add(cellKey(ref.sheet, ref.row, ref.col));
  });
  return bold;
}

/** Prefixes that name a grouping ("Outcome:", "Council Plan Outcome:", "Programme:"). */
const GROUP_PREFIX = /^([^:]{1,40}):\s*(.+)$/;
const GROUP_WORD = /\b(?:outcome|programme|program|section|theme|service|priority|area|group|objective)\b/i;

/** "Outcome: Healthy and active communities" -> "Healthy and active communities". */
function groupTitle(text: string): string {
  const m = GROUP_PREFIX.exec(text);
  return m && GROUP_WORD.test(m[1]) ? m[2].trim() : text;
}

function isTitle(t: TitleCandidate, sheet: string, bold: Set<string>): boolean {
  if (bold.has(cellKey(sheet, t.row, t.col))) return true;
  const m = GROUP_PREFIX.exec(t.text);
  return m !== null && GROUP_WORD.test(m[1]);
}

/**
 * Phase three: which rows are measures and which group each belongs to. A group column wins for its row (blank
 * cells continue the group above, as merged cells read); a title row (bold, or "Outcome: …") sets the group for
 * the rows below it; a title just above the header sets it for the table's first block.
 */
export function finishTable(draft: TableDraft, sheet: SheetSnapshot, bold: Set<string>): FoundTable {
  const read = cellReader(sheet);
  const titles = new Map<number, string>();
  for (const t of draft.singleCellRows) if (isTitle(t, draft.sheet, bold)) titles.set(t.row, groupTitle(t.text));
  let group: string | null =
    draft.titleAbove && isTitle(draft.titleAbove, draft.sheet, bold) ? groupTitle(draft.titleAbove.text) : null;
  const groupCol = draft.header.fields.group;
  const inputCols = inputColumns(draft);
  const rows: DataRow[] = [];
  for (let r = draft.headerRow + 1; r <= draft.lastRow; r++) {
    const title = titles.get(r);
    if (title !== undefined) {
      group = title;
      continue;
    }
    if (groupCol !== undefined) {
      const text = textOf(read(r, groupCol));
      if (text !== null) group = text;
    }
    if (!inputCols.some((c) => !isBlank(read(r, c)))) continue;
    rows.push({ row: r, group });
  }
  return { ...draft, rows, boldHeader: bold.has(cellKey(draft.sheet, draft.headerRow, draft.firstCol)) };
}

/** The table's columns other than its outputs: a row with nothing in them carries no measure. */
function inputColumns(draft: TableDraft): number[] {
  const outputs = new Set(Object.values(draft.outputs));
  const cols: number[] = [];
  for (let c = draft.firstCol; c <= draft.lastCol; c++) if (!outputs.has(c)) cols.push(c);
  return cols;
}
