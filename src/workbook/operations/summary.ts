/** Generate summary: the summary sheet alone, rebuilt from a fresh scan. */
import type { SummaryResult } from "../model";
import type { OwnedSheetWrite, Progress, WorkbookPort } from "../port";
import { serialiseState } from "../settings";
import { buildSummarySheet, chooseSummaryName } from "../summary";
import { scan, type ScanContext } from "./scan";

export interface SummaryPlan {
  readonly write: OwnedSheetWrite;
  readonly name: string;
  readonly notice: string | null;
}

export function planSummary(ctx: ScanContext): SummaryPlan {
  const owned = ctx.summarySheet;
  const names = ctx.snapshot.sheets.map((s) => s.name);
  const { name, notice } = chooseSummaryName(ctx.settings.summarySheetName, names, owned);
  const write = buildSummarySheet(ctx.report, name, owned);
  return { write, name, notice };
}

/** Rebuilds only the summary sheet. */
export async function generateSummary(port: WorkbookPort, opts: { progress?: Progress } = {}): Promise<SummaryResult> {
  const ctx = await scan(port, undefined, true);
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
