/** Generate summary: the summary sheet alone, rebuilt from a fresh scan. */
import type { SummaryResult } from "../model";
import type { OwnedSheetWrite, Progress, WorkbookPort } from "../port";
import { serialiseState } from "../settings";
import { buildSummarySheet, chooseSummaryName } from "../summary";
import { scan, type ScanContext } from "./scan";
import { summaryNotAdded, writableState } from "./structureLock";

export interface SummaryPlan {
  /** Null when the sheet cannot be added (a workbook whose structure is protected): `notice` says so. */
  readonly write: OwnedSheetWrite | null;
  readonly name: string;
  readonly notice: string | null;
}

export function planSummary(ctx: ScanContext): SummaryPlan {
  const owned = ctx.summarySheet;
  if (ctx.snapshot.structureLocked) {
    // Its own sheet is rewritten in place under the name it has (a rename is a change of structure); none is added.
    if (owned !== null) return { write: buildSummarySheet(ctx.report, owned, owned), name: owned, notice: null };
    const name = ctx.settings.summarySheetName;
    return { write: null, name, notice: summaryNotAdded(name) };
  }
  const names = ctx.snapshot.sheets.map((s) => s.name);
  const { name, notice } = chooseSummaryName(ctx.settings.summarySheetName, names, owned);
  const write = buildSummarySheet(ctx.report, name, owned);
  return { write, name, notice };
}

/** Rebuilds only the summary sheet. */
export async function generateSummary(port: WorkbookPort, opts: { progress?: Progress } = {}): Promise<SummaryResult> {
  const ctx = await scan(port, undefined, true);
  const summary = planSummary(ctx);
  if (summary.write === null) {
    const problem = { sheet: summary.name, message: summary.notice ?? summaryNotAdded(summary.name) };
    return { summarySheet: summary.name, summary: ctx.report.summary, notices: ctx.notices, writeProblems: [problem] };
  }
  const state = writableState(ctx.snapshot, serialiseState({ ...ctx.state, summarySheet: summary.name }));
  const writeProblems = await port.write(
    { sheets: [], ownedSheet: summary.write, ...(state === undefined ? {} : { state }) },
    opts.progress,
  );
  return {
    summarySheet: summary.name,
    summary: ctx.report.summary,
    notices: summary.notice ? [...ctx.notices, summary.notice] : ctx.notices,
    writeProblems,
  };
}
