/**
 * An in-memory workbook behind the WorkbookPort, for operation tests. It keeps values, formulas, bold flags,
 * styles, conditional rules, widths, charts, print layout and the add-in state, applies a WritePlan the way the
 * real hosts do, and counts calls. Build one from rows of cells:
 *
 *   const port = new MemoryPort({ sheets: [{ name: "People", rows: [["Code", "Value"], ["A1", 5]], bold: ["A1"] }] });
 */
import type { CellValue } from "../../src/core/types";
import type {
  CellRange,
  CellRef,
  CellStyle,
  ChartSpec,
  ConditionalRule,
  PageLayout,
  Progress,
  SheetSnapshot,
  SheetWrite,
  WorkbookPort,
  WorkbookSnapshot,
  WritePlan,
  WriteProblem,
} from "../../src/workbook/port";
import { styledRanges } from "../../src/workbook/styleRuns";
import { blockCells } from "../../src/workbook/blockRows";

/**
 * The plan with every block's rows made (port.ts RowSource): what a host writes, comparable with toEqual (two plans'
 * row-making functions are never equal, the rows they make are).
 */
function withRowsMade(plan: WritePlan): WritePlan {
  const made = <T extends SheetWrite>(write: T): T => ({
    ...write,
    blocks: write.blocks.map((b) => ({ ...b, cells: blockCells(b) })),
  });
  return { ...plan, sheets: plan.sheets.map(made), ...(plan.ownedSheet ? { ownedSheet: made(plan.ownedSheet) } : {}) };
}

export interface MemorySheetInit {
  readonly name: string;
  /** Cells from `top`/`left` (default A1) on; a string starting with "=" is not a formula here, use `formulas`. */
  readonly rows: readonly (readonly CellValue[])[];
  readonly top?: number;
  readonly left?: number;
  /** A1 addresses of bold cells. */
  readonly bold?: readonly string[];
  /** Number formats by A1 address, e.g. { D2: "0.0%" }. */
  readonly numberFormats?: Readonly<Record<string, string>>;
  /** Excel Tables: name and A1 range including the header row. */
  readonly tables?: readonly { readonly name: string; readonly ref: string }[];
  readonly visible?: boolean;
  readonly protected?: boolean;
}

export interface MemoryCell {
  value: CellValue;
  formula: string | null;
  style: CellStyle;
}

export interface MemorySheet {
  name: string;
  visible: boolean;
  protected: boolean;
  cells: Map<string, MemoryCell>;
  tables: { name: string; range: CellRange }[];
  rules: ConditionalRule[];
  widths: Map<number, number>;
  chart: ChartSpec | null;
  freezeRows: number;
  page: PageLayout | null;
}

const key = (row: number, col: number): string => `${row},${col}`;

export function parseA1(a1: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(a1.toUpperCase());
  if (!m) throw new Error(`not an A1 address: ${a1}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

export function parseRangeA1(ref: string): CellRange {
  const [a, b = a] = ref.split(":");
  const start = parseA1(a);
  const end = parseA1(b);
  return { row: start.row, col: start.col, rows: end.row - start.row + 1, cols: end.col - start.col + 1 };
}

const overlaps = (a: CellRange, b: CellRange): boolean =>
  a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;

const isEmpty = (v: CellValue): boolean => v === null || v === undefined || v === "";

export class MemoryPort implements WorkbookPort {
  sheets: MemorySheet[];
  state: string | null;
  /** The workbook's structure is protected (WorkbookSnapshot.structureLocked). */
  structureLocked: boolean;
  readonly calls = { readWorkbook: 0, readBold: 0, readNumberFormats: 0, write: 0 };
  readonly plans: WritePlan[] = [];

  constructor(init: { sheets: readonly MemorySheetInit[]; state?: string | null; structureLocked?: boolean }) {
    this.state = init.state ?? null;
    this.structureLocked = init.structureLocked ?? false;
    this.sheets = init.sheets.map((s) => {
      const sheet = this.newSheet(s.name);
      sheet.visible = s.visible ?? true;
      sheet.protected = s.protected ?? false;
      const top = s.top ?? 0;
      const left = s.left ?? 0;
      s.rows.forEach((row, r) =>
        row.forEach((value, c) => {
          if (!isEmpty(value)) sheet.cells.set(key(top + r, left + c), { value, formula: null, style: {} });
        }),
      );
      for (const a1 of s.bold ?? []) {
        const { row, col } = parseA1(a1);
        this.cellAt(sheet, row, col).style = { bold: true };
      }
      for (const [a1, numberFormat] of Object.entries(s.numberFormats ?? {})) {
        const { row, col } = parseA1(a1);
        const cell = this.cellAt(sheet, row, col);
        cell.style = { ...cell.style, numberFormat };
      }
      sheet.tables = (s.tables ?? []).map((t) => ({ name: t.name, range: parseRangeA1(t.ref) }));
      return sheet;
    });
  }

  private newSheet(name: string): MemorySheet {
    return {
      name,
      visible: true,
      protected: false,
      cells: new Map(),
      tables: [],
      rules: [],
      widths: new Map(),
      chart: null,
      freezeRows: 0,
      page: null,
    };
  }

  private cellAt(sheet: MemorySheet, row: number, col: number): MemoryCell {
    let cell = sheet.cells.get(key(row, col));
    if (!cell) {
      cell = { value: null, formula: null, style: {} };
      sheet.cells.set(key(row, col), cell);
    }
    return cell;
  }

  sheet(name: string): MemorySheet {
    const found = this.sheets.find((s) => s.name === name);
    if (!found) throw new Error(`no sheet ${name}`);
    return found;
  }

  /** The cell at an A1 address (value null when empty). */
  cell(sheet: string, a1: string): MemoryCell {
    const { row, col } = parseA1(a1);
    return this.sheet(sheet).cells.get(key(row, col)) ?? { value: null, formula: null, style: {} };
  }

  value(sheet: string, a1: string): CellValue {
    return this.cell(sheet, a1).value;
  }

  /** Values of a sheet as rows from A1 to its last used cell. */
  grid(sheet: string): CellValue[][] {
    const snapshot = this.snapshotOf(this.sheet(sheet));
    const rows: CellValue[][] = [];
    for (let r = 0; r < snapshot.top + snapshot.values.length; r++) {
      const row: CellValue[] = [];
      const source = snapshot.values[r - snapshot.top];
      for (let c = 0; c < snapshot.left + (source?.length ?? 0); c++) row.push(source?.[c - snapshot.left] ?? null);
      rows.push(row);
    }
    return rows;
  }

  private snapshotOf(sheet: MemorySheet): SheetSnapshot {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [k, cell] of sheet.cells) {
      if (isEmpty(cell.value) && cell.formula === null) continue;
      const [row, col] = k.split(",").map(Number);
      top = Math.min(top, row);
      left = Math.min(left, col);
      bottom = Math.max(bottom, row);
      right = Math.max(right, col);
    }
    if (bottom < 0) {
      return {
        name: sheet.name,
        visible: sheet.visible,
        protected: sheet.protected,
        top: 0,
        left: 0,
        values: [],
        formulas: [],
        tables: [],
      };
    }
    const values: CellValue[][] = [];
    const formulas: (string | null)[][] = [];
    for (let r = top; r <= bottom; r++) {
      const vRow: CellValue[] = new Array(right - left + 1).fill(null);
      const fRow: (string | null)[] = new Array(right - left + 1).fill(null);
      values.push(vRow);
      formulas.push(fRow);
    }
    for (const [k, cell] of sheet.cells) {
      const [row, col] = k.split(",").map(Number);
      if (row < top || row > bottom || col < left || col > right) continue;
      values[row - top][col - left] = cell.value ?? null;
      formulas[row - top][col - left] = cell.formula;
    }
    return {
      name: sheet.name,
      visible: sheet.visible,
      protected: sheet.protected,
      top,
      left,
      values,
      formulas,
      tables: sheet.tables.map((t) => ({ name: t.name, range: t.range })),
    };
  }

  async readWorkbook(): Promise<WorkbookSnapshot> {
    this.calls.readWorkbook++;
    return {
      sheets: this.sheets.map((s) => this.snapshotOf(s)),
      state: this.state,
      structureLocked: this.structureLocked,
    };
  }

  async readBold(cells: readonly CellRef[]): Promise<boolean[]> {
    this.calls.readBold++;
    return cells.map((ref) => {
      const sheet = this.sheets.find((s) => s.name === ref.sheet);
      return sheet?.cells.get(key(ref.row, ref.col))?.style.bold === true;
    });
  }

  async readNumberFormats(cells: readonly CellRef[]): Promise<string[]> {
    this.calls.readNumberFormats++;
    return cells.map((ref) => {
      const sheet = this.sheets.find((s) => s.name === ref.sheet);
      return sheet?.cells.get(key(ref.row, ref.col))?.style.numberFormat ?? "General";
    });
  }

  private applySheetWrite(sheet: MemorySheet, write: SheetWrite): void {
    for (const block of write.blocks) {
      blockCells(block).forEach((row, r) =>
        row.forEach((out, c) => {
          const cell = this.cellAt(sheet, block.row + r, block.col + c);
          cell.value = out.value;
          cell.formula = out.formula ?? null;
        }),
      );
    }
    for (const { range, style } of styledRanges(write.styles)) {
      for (let r = range.row; r < range.row + range.rows; r++) {
        for (let c = range.col; c < range.col + range.cols; c++) {
          const cell = this.cellAt(sheet, r, c);
          const { plain, ...parts } = style;
          const base = { ...cell.style };
          if (plain) {
            delete base.fill;
            delete base.font;
          }
          cell.style = { ...base, ...parts };
        }
      }
    }
    if (write.conditionalRules.length > 0) {
      sheet.rules = sheet.rules.filter(
        (old) => !write.conditionalRules.some((rule) => overlaps(old.range, rule.range)),
      );
      sheet.rules.push(...write.conditionalRules);
    }
    for (const { col, width } of write.columnWidths ?? []) sheet.widths.set(col, width);
  }

  async write(plan: WritePlan, progress?: Progress): Promise<readonly WriteProblem[]> {
    this.calls.write++;
    this.plans.push(withRowsMade(plan));
    const problems: WriteProblem[] = [];
    const total = plan.sheets.length + (plan.ownedSheet ? 1 : 0);
    plan.sheets.forEach((write, i) => {
      progress?.(i, total, write.sheet);
      const sheet = this.sheets.find((s) => s.name === write.sheet);
      if (!sheet) problems.push({ sheet: write.sheet, message: "No such sheet." });
      else if (sheet.protected) problems.push({ sheet: write.sheet, message: "The sheet is protected." });
      else this.applySheetWrite(sheet, write);
    });
    const owned = plan.ownedSheet;
    if (owned) {
      if (owned.replaces !== null) this.sheets = this.sheets.filter((s) => s.name !== owned.replaces);
      if (this.sheets.some((s) => s.name.toLowerCase() === owned.sheet.toLowerCase())) {
        problems.push({ sheet: owned.sheet, message: "A sheet with this name already exists." });
      } else {
        const sheet = this.newSheet(owned.sheet);
        this.applySheetWrite(sheet, owned);
        sheet.chart = owned.chart ?? null;
        sheet.freezeRows = owned.freezeRows ?? 0;
        sheet.page = owned.page ?? null;
        this.sheets.push(sheet);
      }
    }
    if (plan.state !== undefined) this.state = plan.state;
    progress?.(total, total, "Written");
    return problems;
  }

  /** Every cell's value, formula and style, for before/after comparisons. */
  dump(sheet: string): Map<string, string> {
    const out = new Map<string, string>();
    for (const [k, cell] of this.sheet(sheet).cells) {
      if (isEmpty(cell.value) && cell.formula === null && Object.keys(cell.style).length === 0) continue;
      out.set(
        k,
        JSON.stringify([cell.value instanceof Date ? cell.value.toISOString() : cell.value, cell.formula, cell.style]),
      );
    }
    return out;
  }
}
