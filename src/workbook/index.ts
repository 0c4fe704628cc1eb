/**
 * Workbook operations over the port: scan, apply the rules in place, generate the summary, settings. Each reads one
 * snapshot (plus one batched bold look-up), computes a plan with pure code, and hands it to the host in one write.
 */
import { summarise } from "../core";
import type { SheetSummary } from "../core";
import { rangeToA1 } from "./a1";
import { planSheet } from "./apply";
import { evaluateTable } from "./evaluate";
import type { EvaluatedTable } from "./evaluate";
import type { ApplyReport, MeasureReport, Problem, ScanReport, SheetScan, SummaryResult } from "./model";
import type { OwnedSheetWrite, Progress, SheetSnapshot, SheetWrite, WorkbookPort, WorkbookSnapshot } from "./port";
import { boldQuestions, boldSet, findTables, finishTable } from "./scan";
import type { TableDraft } from "./scan";
import { bandFor, parseState, serialiseSettings, serialiseState, withOverrides } from "./settings";
import type { AddinState, OwnedColumn, Settings } from "./settings";
import { buildSummarySheet, chooseSummaryName } from "./summary";

export { toA1, rangeToA1, columnLetters } from "./a1";
export { DEFAULT_SETTINGS, parseSettings, serialiseSettings, parseState, contrastRatio } from "./settings";
export type { Settings, StatusColours } from "./settings";
export { toJsonReport } from "./report";
export type { JsonReport } from "./report";
export type * from "./model";

/** Everything one scan learned, kept for the plan that follows it. */
interface ScanContext {
  readonly snapshot: WorkbookSnapshot;
  readonly state: AddinState;
  readonly settings: Settings;
  readonly notices: string[];
  readonly tables: ReadonlyMap<string, EvaluatedTable[]>;
  readonly report: ScanReport;
}

function sheetKey(name: string): string {
  return name.toLocaleLowerCase();
}

/** The add-in's own summary sheet, if it still exists. */
function ownedSummary(snapshot: WorkbookSnapshot, state: AddinState): string | null {
  const owned = state.summarySheet;
  if (owned === null) return null;
  return snapshot.sheets.find((s) => sheetKey(s.name) === sheetKey(owned))?.name ?? null;
}

function tableScan(t: EvaluatedTable): SheetScan["tables"][number] {
  const { table } = t;
  return {
    address: rangeToA1({
      row: table.headerRow,
      col: table.firstCol,
      rows: table.lastRow - table.headerRow + 1,
      cols: table.lastCol - table.firstCol + 1,
    }),
    layout: table.layout,
    measures: t.measures.length,
    rows: t.rows.length,
  };
}

function byCell(a: Problem, b: Problem): number {
  const pos = (cell: string): [number, string] => {
    const m = /^([A-Z]+)(\d+)$/.exec(cell);
    return m ? [Number(m[2]), m[1].padStart(3, " ")] : [0, cell];
  };
  const [ra, ca] = pos(a.cell);
  const [rb, cb] = pos(b.cell);
  return ra - rb || (ca < cb ? -1 : ca > cb ? 1 : 0);
}

function unreadable(sheet: string, error: unknown): Problem {
  const detail = error instanceof Error ? error.message : String(error);
  return {
    sheet,
    cell: "A1",
    message: `Scorecard could not read this sheet (${detail}); the rest of the workbook was processed.`,
  };
}

async function scan(port: WorkbookPort, overrides?: Partial<Settings>): Promise<ScanContext> {
  const snapshot = await port.readWorkbook();
  const { state, notices } = parseState(snapshot.state);
  const settings = withOverrides(state.settings, overrides);
  const summarySheet = ownedSummary(snapshot, state);
  const drafts = new Map<string, TableDraft[]>();
  const problems = new Map<string, Problem[]>();
  const skipped = new Map<string, string>();
  for (const sheet of snapshot.sheets) {
    if (!sheet.visible) skipped.set(sheet.name, "hidden");
    else if (sheet.name === summarySheet) skipped.set(sheet.name, "Scorecard's own summary sheet");
    else {
      try {
        const found = findTables(sheet, settings.floorHeader);
        drafts.set(sheet.name, found.drafts);
        problems.set(sheet.name, found.problems);
      } catch (error) {
        problems.set(sheet.name, [unreadable(sheet.name, error)]);
      }
    }
  }
  const allDrafts = [...drafts.values()].flat();
  const questions = boldQuestions(allDrafts);
  const bold = boldSet(questions, questions.length > 0 ? await port.readBold(questions) : []);
  const tables = new Map<string, EvaluatedTable[]>();
  const sheets: SheetScan[] = [];
  const measures: MeasureReport[] = [];
  const allProblems: Problem[] = [];
  for (const sheet of snapshot.sheets) {
    const why = skipped.get(sheet.name);
    if (why !== undefined) {
      sheets.push({ sheet: sheet.name, tables: [], skipped: why });
      continue;
    }
    const sheetProblems = problems.get(sheet.name) ?? [];
    const evaluated = evaluateSheet(sheet, drafts.get(sheet.name) ?? [], bold, settings, sheetProblems);
    tables.set(sheet.name, evaluated);
    sheets.push({ sheet: sheet.name, tables: evaluated.map(tableScan) });
    for (const t of evaluated) measures.push(...t.measures);
    allProblems.push(...[...sheetProblems].sort(byCell));
  }
  const summary: SheetSummary[] = summarise(measures);
  return {
    snapshot,
    state,
    settings,
    notices,
    tables,
    report: { settings, sheets, problems: allProblems, measures, summary },
  };
}

function evaluateSheet(
  sheet: SheetSnapshot,
  drafts: readonly TableDraft[],
  bold: Set<string>,
  settings: Settings,
  problems: Problem[],
): EvaluatedTable[] {
  try {
    const band = bandFor(settings, sheet.name);
    const evaluated = drafts.map((d) => evaluateTable(finishTable(d, sheet, bold), sheet, band));
    for (const t of evaluated) problems.push(...t.problems);
    return evaluated;
  } catch (error) {
    problems.push(unreadable(sheet.name, error));
    return [];
  }
}

/** Finds every measure table, rates it, and summarises; writes nothing. */
export async function scanWorkbook(port: WorkbookPort): Promise<ScanReport> {
  return (await scan(port)).report;
}

interface SummaryPlan {
  readonly write: OwnedSheetWrite;
  readonly name: string;
  readonly notice: string | null;
}

function planSummary(ctx: ScanContext): SummaryPlan {
  const owned = ownedSummary(ctx.snapshot, ctx.state);
  const names = ctx.snapshot.sheets.map((s) => s.name);
  const { name, notice } = chooseSummaryName(ctx.settings.summarySheetName, names, owned);
  const write = buildSummarySheet(ctx.report, name, owned);
  return { write, name, notice };
}

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
  const ctx = await scan(port, opts.settings);
  const wanted = opts.sheets ? new Set(opts.sheets.map(sheetKey)) : null;
  const notices = [...ctx.notices];
  const writes: SheetWrite[] = [];
  const planned = new Set<string>();
  let owned: OwnedColumn[] = [];
  let rowsRated = 0;
  let columnsAdded = 0;
  const sheets = ctx.snapshot.sheets.filter(
    (s) => (ctx.tables.get(s.name)?.length ?? 0) > 0 && (!wanted || wanted.has(sheetKey(s.name))),
  );
  sheets.forEach((sheet, i) => {
    opts.progress?.(i, sheets.length, `Rating ${sheet.name}`);
    const tables = ctx.tables.get(sheet.name) ?? [];
    if (sheet.protected) {
      notices.push(`Sheet "${sheet.name}" is protected, so its statuses were not written. Unprotect it and run again.`);
      return;
    }
    const plan = planSheet(sheet.name, tables, ctx.settings, ctx.state.ownedColumns);
    planned.add(sheet.name);
    writes.push(plan.write);
    owned = owned.concat(plan.owned);
    rowsRated += plan.rowsRated;
    columnsAdded += plan.columnsAdded;
  });
  opts.progress?.(sheets.length, sheets.length, "Planned");
  // Records of sheets not rewritten this time stay as they were.
  owned = ctx.state.ownedColumns.filter((o) => !planned.has(o.sheet)).concat(owned);
  let summarySheet: string | null = null;
  let ownedSheet: OwnedSheetWrite | undefined;
  if (opts.summary !== false) {
    const summary = planSummary(ctx);
    summarySheet = summary.name;
    ownedSheet = summary.write;
    if (summary.notice) notices.push(summary.notice);
  }
  const state = serialiseState({
    settings: ctx.state.settings,
    summarySheet: summarySheet ?? ctx.state.summarySheet,
    ownedColumns: owned,
  });
  const writeProblems = await port.write(
    { sheets: writes, ...(ownedSheet ? { ownedSheet } : {}), state },
    opts.progress,
  );
  return { ...ctx.report, rowsRated, columnsAdded, summarySheet, notices, writeProblems };
}

/** Rebuilds only the summary sheet. */
export async function generateSummary(port: WorkbookPort, opts: { progress?: Progress } = {}): Promise<SummaryResult> {
  const ctx = await scan(port);
  const summary = planSummary(ctx);
  const state = serialiseState({ ...ctx.state, summarySheet: summary.name });
  const writeProblems = await port.write({ sheets: [], ownedSheet: summary.write, state }, opts.progress);
  return {
    summarySheet: summary.name,
    summary: ctx.report.summary,
    notices: summary.notice ? [...ctx.notices, summary.notice] : ctx.notices,
    writeProblems,
  };
}

/** The stored settings (defaults where none are stored or they cannot be read). */
export async function loadSettings(port: WorkbookPort): Promise<Settings> {
  return parseState((await port.readWorkbook()).state).state.settings;
}

/** Stores settings in the workbook, keeping what the add-in owns. */
export async function saveSettings(port: WorkbookPort, settings: Settings): Promise<void> {
  const previous = (await port.readWorkbook()).state;
  await port.write({ sheets: [], state: serialiseSettings(settings, previous) });
}
