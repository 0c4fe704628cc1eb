/**
 * The workbook port over Office.js. Round trips to Excel are the cost that matters, so each port call
 * takes a fixed number of syncs whatever the row count: readWorkbook 3 (2 plus 1 per half a million cells),
 * readBold 1, readNumberFormats 1, write 1 per ~3.6 MB of changes (after the formula compression in blockWrites) and 1 for the
 * summary's print layout and chart, select 1.
 */
import type { CellRef, Progress, WorkbookPort, WorkbookSnapshot, WritePlan, WriteProblem } from "../../workbook/port";
import type { ExcelRunner, XlContext } from "./excelApi";
import { excelRun } from "./officeRuntime";
import { DEFAULT_SYNC_BUDGET } from "./payload";
import { findStateSheet, readSnapshot, type SheetFilter } from "./readSnapshot";
import { findSheet, loadSheetFacts, type SheetFacts } from "./sheetFacts";
import { formatSpans } from "./formatSpans";
import { rangeToA1 } from "../../workbook/a1";
import { runBatches } from "./writeBatches";
import { planWriteOps } from "./writeOps";

export interface OfficeWorkbookOptions {
  /** Estimated request bytes per sync. */
  readonly syncBudget?: number;
}

export class OfficeWorkbook implements WorkbookPort {
  private readonly run: ExcelRunner;
  private readonly budget: number;
  /** Whether Excel refused a multi-area range (a ";" list-separator locale): later writes style range by range. */
  private readonly areas = { refused: false };
  /** Sheet list from the last read, so a write right after it needs no extra round trip. */
  private facts: SheetFacts[] | null = null;
  /** The state sheet the last read found (isStateSheet), valid while `facts` is. */
  private stateSheet: string | null = null;
  /** The sheets' AutoFilters the last read found, valid while `facts` is; a write without a read widens none. */
  private filters: ReadonlyMap<string, SheetFilter> = new Map();

  /** With no argument, every call runs in its own `Excel.run`; tests and callers may pass a context. */
  constructor(source: XlContext | ExcelRunner = excelRun, options: OfficeWorkbookOptions = {}) {
    this.run = typeof source === "function" ? source : (batch) => batch(source);
    this.budget = options.syncBudget ?? DEFAULT_SYNC_BUDGET;
  }

  readWorkbook(): Promise<WorkbookSnapshot> {
    return this.run(async (context) => {
      const { snapshot, facts, stateSheet, filters } = await readSnapshot(context);
      this.facts = facts;
      this.stateSheet = stateSheet;
      this.filters = filters;
      return snapshot;
    });
  }

  async readBold(cells: readonly CellRef[]): Promise<boolean[]> {
    if (cells.length === 0) return [];
    return this.run(async (context) => {
      const facts = this.facts ?? (await loadSheetFacts(context));
      const ranges = cells.map((cell) => {
        if (!findSheet(facts, cell.sheet)) return null;
        const range = context.workbook.worksheets.getItem(cell.sheet).getCell(cell.row, cell.col);
        range.load("format/font/bold");
        return range;
      });
      await context.sync();
      return ranges.map((range) => range?.format.font.bold === true);
    });
  }

  /**
   * One sync: the asked cells of each column are read as a few ranges (cells less than FORMAT_GAP rows apart share
   * one), `Range.numberFormat` giving a format code per cell, "General" when none
   * (learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-numberformat-member).
   */
  async readNumberFormats(cells: readonly CellRef[]): Promise<string[]> {
    if (cells.length === 0) return [];
    return this.run(async (context) => {
      const facts = this.facts ?? (await loadSheetFacts(context));
      const spans = formatSpans(cells).map((span) => {
        if (!findSheet(facts, span.sheet)) return { span, range: null };
        const address = rangeToA1({ row: span.top, col: span.col, rows: span.bottom - span.top + 1, cols: 1 });
        const range = context.workbook.worksheets.getItem(span.sheet).getRange(address);
        range.load("numberFormat");
        return { span, range };
      });
      await context.sync();
      const answers: string[] = new Array<string>(cells.length).fill("General");
      for (const { span, range } of spans) {
        const grid = range?.numberFormat;
        if (!Array.isArray(grid)) continue;
        for (const i of span.asked) {
          const format = grid[cells[i].row - span.top]?.[0];
          if (typeof format === "string") answers[i] = format;
        }
      }
      return answers;
    });
  }

  async write(plan: WritePlan, progress?: Progress): Promise<readonly WriteProblem[]> {
    if (plan.sheets.length === 0 && !plan.ownedSheet && plan.state === undefined) return [];
    return this.run(async (context) => {
      const facts = this.facts ?? (await loadSheetFacts(context));
      const filters = this.facts ? this.filters : new Map<string, SheetFilter>();
      let stateSheet = this.stateSheet;
      // The state sheet is known by its content: without a read, a state write looks (one sync, if a name fits).
      if (!this.facts && plan.state !== undefined) stateSheet = await findStateSheet(context, facts);
      // The write may add and delete sheets: the next write reads the list afresh unless a read comes first.
      this.facts = null;
      const { ops, problems } = planWriteOps(plan, facts, stateSheet, this.budget / 4, filters);
      const failures = await runBatches(context, ops, facts, { budget: this.budget, progress, areas: this.areas });
      return [...problems, ...failures];
    });
  }

  select(ref: CellRef): Promise<void> {
    return this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(ref.sheet);
      sheet.activate();
      sheet.getCell(ref.row, ref.col).select();
      await context.sync();
    });
  }
}
