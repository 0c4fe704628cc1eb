/**
 * Scan: reads one snapshot (plus one batched bold look-up), finds every measure table, rates it and summarises.
 * The other operations plan their writes from the context a scan returns.
 */
import { summarise } from "../../core";
import type { SheetSummary } from "../../core";
import { parseRangeRef, rangeToA1 } from "../a1";
import { evaluateTable } from "../evaluate";
import type { EvaluatedTable } from "../evaluate";
import type { MeasureReport, Problem, ScanReport, SheetScan } from "../model";
import type { SheetSnapshot, WorkbookPort, WorkbookSnapshot } from "../port";
import { boldQuestions, boldSet, findTables, finishTable, noTableProblem } from "../scan";
import type { TableDraft } from "../scan";
import { bandFor, parseState, withOverrides } from "../settings";
import type { AddinState, Settings } from "../settings";
import { findByName } from "../sheetNames";
import { withNumberFormats } from "../numberFormats";

/** Everything one scan learned, kept for the plan that follows it. */
export interface ScanContext {
  readonly snapshot: WorkbookSnapshot;
  readonly state: AddinState;
  readonly settings: Settings;
  /** The add-in's own summary sheet as it is named now, if it still exists (the scan skips it). */
  readonly summarySheet: string | null;
  /** The add-in's SPC chart sheet as it is named now, if it still exists (the scan skips it too). */
  readonly spcSheet: string | null;
  readonly notices: string[];
  readonly tables: ReadonlyMap<string, EvaluatedTable[]>;
  readonly report: ScanReport;
}

/** One of the add-in's own sheets (the summary, the SPC chart's), if it still exists. */
function ownedSheet(snapshot: WorkbookSnapshot, owned: string | null): string | null {
  if (owned === null) return null;
  return findByName(snapshot.sheets, owned)?.name ?? null;
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

/** Problems in reading order: by row, then by column. */
function byCell(a: Problem, b: Problem): number {
  const at = (cell: string) => parseRangeRef(cell) ?? { row: -1, col: -1 };
  const [pa, pb] = [at(a.cell), at(b.cell)];
  return pa.row - pb.row || pa.col - pb.col;
}

/** Problems sheet by sheet as the workbook orders them, each sheet's by cell: problems found later put in place. */
function inSheetOrder(problems: Problem[], snapshot: WorkbookSnapshot): Problem[] {
  const order = new Map(snapshot.sheets.map((s, i) => [s.name, i]));
  return problems.sort((a, b) => (order.get(a.sheet) ?? 0) - (order.get(b.sheet) ?? 0) || byCell(a, b));
}

function unreadable(sheet: string, error: unknown): Problem {
  const detail = error instanceof Error ? error.message : String(error);
  return {
    sheet,
    cell: "A1",
    message: `Scorecard could not read this sheet (${detail}); the rest of the workbook was processed.`,
  };
}

/**
 * `numberFormats`: also read the number formats of the figures the summary and the reasons show (one more port
 * call, withNumberFormats); the pane's plain scan, which shows neither, goes without.
 */
export async function scan(
  port: WorkbookPort,
  overrides?: Partial<Settings>,
  numberFormats = false,
): Promise<ScanContext> {
  const snapshot = await port.readWorkbook();
  const { state, notices } = parseState(snapshot.state);
  const settings = withOverrides(state.settings, overrides);
  const summarySheet = ownedSheet(snapshot, state.summarySheet);
  const spcSheet = ownedSheet(snapshot, state.spcSheet ?? null);
  const drafts = new Map<string, TableDraft[]>();
  const problems = new Map<string, Problem[]>();
  const skipped = new Map<string, string>();
  for (const sheet of snapshot.sheets) {
    if (!sheet.visible) skipped.set(sheet.name, "hidden");
    else if (sheet.name === summarySheet) skipped.set(sheet.name, "Scorecard's own summary sheet");
    else if (sheet.name === spcSheet) skipped.set(sheet.name, "Scorecard's own SPC chart sheet");
    else {
      try {
        const found = findTables(sheet, settings.floorHeader, settings.spc);
        drafts.set(sheet.name, found.drafts);
        problems.set(sheet.name, found.problems);
      } catch (error) {
        problems.set(sheet.name, [unreadable(sheet.name, error)]);
      }
    }
  }
  const allDrafts = [...drafts.values()].flat();
  for (const sheet of snapshot.sheets) {
    const found = problems.get(sheet.name);
    if (found === undefined || found.length > 0 || (drafts.get(sheet.name)?.length ?? 0) > 0) continue;
    const noTable = noTableProblem(sheet, settings.floorHeader, allDrafts.length > 0);
    if (noTable) found.push(noTable);
  }
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
    // Loops, not push(...spread): a spread passes every item as an argument, past the stack on a 1,048,576-row sheet.
    for (const t of evaluated) for (const m of t.measures) measures.push(m);
    for (const p of [...sheetProblems].sort(byCell)) allProblems.push(p);
  }
  const summary: SheetSummary[] = summarise(measures);
  const formatted = numberFormats ? await withNumberFormats(port, snapshot, tables, measures) : null;
  const shown = formatted?.measures ?? measures;
  const found = formatted?.problems ?? [];
  const inOrder = found.length > 0 ? inSheetOrder(allProblems.concat(found), snapshot) : allProblems;
  return {
    snapshot,
    state,
    settings,
    summarySheet,
    spcSheet,
    notices,
    tables,
    report: { settings, sheets, problems: inOrder, measures: shown, summary },
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
    const opts = { band, spc: settings.spc, formulas: settings.output === "formulas" };
    const evaluated = drafts.map((d) => evaluateTable(finishTable(d, sheet, bold), sheet, opts));
    for (const t of evaluated) for (const p of t.problems) problems.push(p);
    return evaluated;
  } catch (error) {
    problems.push(unreadable(sheet.name, error));
    return [];
  }
}

/**
 * Finds every measure table, rates it, and summarises; writes nothing. `overrides` as applyRules' (the CLI's --spc);
 * `numberFormats` as scan's (the CLI's summary reads them, so it names what apply names: figures on different scales).
 */
export async function scanWorkbook(
  port: WorkbookPort,
  overrides?: Partial<Settings>,
  numberFormats = false,
): Promise<ScanReport> {
  return (await scan(port, overrides, numberFormats)).report;
}
