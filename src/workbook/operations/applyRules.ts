/** Apply rules: status and trends written beside every measure row, then the summary, in one write. */
import type { ApplyReport, OutputColumns } from "../model";
import type { OwnedSheetWrite, Progress, SheetWrite, WorkbookPort, WritePlan } from "../port";
import { serialiseState } from "../settings";
import type { OwnedColumn, Settings } from "../settings";
import { toA1 } from "../a1";
import { planSheet } from "../apply";
import type { EvaluatedTable } from "../evaluate";
import { LIVE_CELL_BUDGET } from "../evaluate/liveBudget";
import { sheetKey } from "../sheetNames";
import { scan } from "./scan";
import type { ScanContext } from "./scan";
import { planSummary } from "./summary";
import { SETTINGS_NOT_SAVED, writableState } from "./structureLock";

export interface ApplyOptions {
  /** Only these sheets get output columns (all by default); the summary still covers every sheet. */
  readonly sheets?: readonly string[];
  /** Overrides for this run only (e.g. the CLI's --values); the stored settings are not changed. */
  readonly settings?: Partial<Settings>;
  /** Also (re)build the summary sheet; default true. */
  readonly summary?: boolean;
  readonly progress?: Progress;
}

/**
 * Writes status, short and long trend next to every measure row (formulas or values per settings), colours them,
 * and rebuilds the summary sheet. Protected sheets are left alone with a notice; the rest is still written.
 */
export async function applyRules(port: WorkbookPort, opts: ApplyOptions = {}): Promise<ApplyReport> {
  const { plan, report } = await scanAndPlan(port, opts);
  const writeProblems = await port.write(plan, opts.progress);
  return { ...report, writeProblems };
}

/**
 * A function of its own, so that the scan's snapshot and evaluated tables (a sheet of a million rows: ~1 GB) are
 * garbage before the write starts: a local of applyRules would stay alive in its frame across the write.
 */
async function scanAndPlan(port: WorkbookPort, opts: ApplyOptions): Promise<Planned> {
  return planApply(await scan(port, opts.settings, true), opts);
}

interface Planned {
  readonly plan: WritePlan;
  /** The report but for the write's problems. */
  readonly report: Omit<ApplyReport, "writeProblems">;
}

/** What applyRules writes, planned from one scan. */
function planApply(ctx: ScanContext, opts: ApplyOptions): Planned {
  const wanted = opts.sheets ? new Set(opts.sheets.map(sheetKey)) : null;
  const notices = [...ctx.notices];
  const writes: SheetWrite[] = [];
  const planned = new Set<string>();
  const protectedSheets: string[] = [];
  const spcCleared: string[] = [];
  let owned: OwnedColumn[] = [];
  let rowsRated = 0;
  let columnsAdded = 0;
  const outputColumns: OutputColumns[] = [];
  const sheets = ctx.snapshot.sheets.filter(
    (s) => (ctx.tables.get(s.name)?.length ?? 0) > 0 && (!wanted || wanted.has(sheetKey(s.name))),
  );
  sheets.forEach((sheet, i) => {
    opts.progress?.(i, sheets.length, `Rating ${sheet.name}`);
    const tables = ctx.tables.get(sheet.name) ?? [];
    if (sheet.protected) {
      protectedSheets.push(sheet.name);
      notices.push(`Sheet "${sheet.name}" is protected, so its statuses were not written. Unprotect it and run again.`);
      return;
    }
    const plan = planSheet(sheet.name, tables, ctx.settings, ctx.state.ownedColumns);
    if (ctx.settings.output === "formulas") notices.push(...tooLongNotices(sheet.name, tables));
    planned.add(sheet.name);
    writes.push(plan.write);
    owned = owned.concat(plan.owned);
    rowsRated += plan.rowsRated;
    columnsAdded += plan.columnsAdded;
    outputColumns.push(...plan.outputColumns);
    if (plan.spcCleared) spcCleared.push(sheet.name);
  });
  opts.progress?.(sheets.length, sheets.length, "Planned");
  // Records of sheets not rewritten this time stay as they were.
  owned = ctx.state.ownedColumns.filter((o) => !planned.has(o.sheet)).concat(owned);
  let summarySheet: string | null = null;
  let ownedSheet: OwnedSheetWrite | undefined;
  if (opts.summary !== false) {
    const summary = planSummary(ctx);
    if (summary.write !== null) {
      summarySheet = summary.name;
      ownedSheet = summary.write;
    }
    if (summary.notice) notices.push(summary.notice);
  }
  // Whatever else the state records (the SPC chart's sheet) stays as it was.
  const state = writableState(
    ctx.snapshot,
    serialiseState({ ...ctx.state, summarySheet: summarySheet ?? ctx.state.summarySheet, ownedColumns: owned }),
  );
  if (state === undefined) notices.push(SETTINGS_NOT_SAVED);
  return {
    plan: { sheets: writes, ...(ownedSheet ? { ownedSheet } : {}), ...(state === undefined ? {} : { state }) },
    report: {
      ...ctx.report,
      rowsRated,
      columnsAdded,
      outputColumns,
      summarySheet,
      protectedSheets,
      spcCleared,
      notices,
    },
  };
}

/**
 * A long table whose series formulas would read too many cells is written with values there (F12); say so, naming
 * FILTER only when FILTER formulas were replaced (N19: contiguous measures' formulas are plain ranges) and only the
 * columns that changed.
 */
function tooLongNotices(sheet: string, tables: readonly EvaluatedTable[]): string[] {
  return tables.flatMap(({ table, tooLongForFormulas: over }) => {
    if (over === undefined) return [];
    // FILTER spans start at the table's first row, so any edit recalculates them all; a range only on a full one.
    const [formulas, when] = over.filter
      ? ["FILTER formulas", "on every recalculation"]
      : ["series formulas", "on a full recalculation"];
    const valued = [
      over.spc ? "Variation and Assurance are written as values" : "",
      over.earlier ? `the long trend's earlier periods ${over.spc ? "" : "are written "}as this run's figures` : "",
    ].filter((part) => part !== "");
    return [
      `Sheet "${sheet}", table at ${toA1(table.headerRow, table.firstCol)}: its ${(table.lastRow - table.headerRow).toLocaleString("en-GB")} rows are too long for live ${formulas} ` +
        `(${over.cells.toLocaleString("en-GB")} cells read ${when}; the limit is ${LIVE_CELL_BUDGET.toLocaleString("en-GB")}): ` +
        `${valued.join(", and ")}.`,
    ];
  });
}
