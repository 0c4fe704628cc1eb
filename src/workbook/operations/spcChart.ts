/**
 * SPC chart of one measure (issue 12): the measures a chart can be drawn for, one measure's chart data, and the
 * chart drawn on the add-in's own SPC sheet.
 */
import type { WorkbookPort, WriteProblem } from "../port";
import { serialiseState } from "../settings";
import { freeSheetName } from "../sheetNames";
import { spcChartData, spcChartMeasures } from "../spcChart";
import type { SpcChartData, SpcChartMeasure, SpcChartResult } from "../spcChart";
import { SPC_SHEET_NAME, buildSpcSheet } from "../spcChartSheet";
import { scan, type ScanContext } from "./scan";
import { spcSheetNotAdded, writableState } from "./structureLock";

/**
 * A scan with SPC on whatever the stored setting: a chart is asked for on demand, the series are kept only then.
 * `numberFormats`: also read the value cells' formats (one more port call), for the chart's labels.
 */
export function scanForSpcChart(port: WorkbookPort, numberFormats = false): Promise<ScanContext> {
  return scan(port, { spc: true }, numberFormats);
}

export async function listSpcMeasures(port: WorkbookPort): Promise<SpcChartMeasure[]> {
  return spcChartMeasures(await scanForSpcChart(port));
}

export async function readSpcChart(port: WorkbookPort, key: string): Promise<SpcChartResult> {
  return spcChartData(await scanForSpcChart(port, true), key);
}

export type DrawSpcChartResult =
  | {
      readonly ok: true;
      /** The sheet the chart is on. */
      readonly sheet: string;
      readonly chart: SpcChartData;
      readonly notices: readonly string[];
      readonly writeProblems: readonly WriteProblem[];
    }
  | { readonly ok: false; readonly problem: string };

/**
 * Draws one measure's chart on the add-in's SPC sheet: the one it drew before (found by the name the state keeps,
 * rewritten in place with the same chart), or a new one under the first free name, so a user's own sheet of the
 * name is never touched. Nothing is written when the measure has no chart.
 */
export async function drawSpcChart(port: WorkbookPort, key: string): Promise<DrawSpcChartResult> {
  return drawSpcChartFrom(port, await scanForSpcChart(port, true), key);
}

/** drawSpcChart on a scan already made (scanForSpcChart, with formats), e.g. the one the CLI found the measure in. */
export async function drawSpcChartFrom(port: WorkbookPort, ctx: ScanContext, key: string): Promise<DrawSpcChartResult> {
  const result = spcChartData(ctx, key);
  if (!result.ok) return result;
  const names = ctx.snapshot.sheets.map((s) => s.name);
  const owned = ctx.spcSheet;
  if (ctx.snapshot.structureLocked && owned === null) return { ok: false, problem: spcSheetNotAdded(SPC_SHEET_NAME) };
  const name = freeSheetName(owned ?? SPC_SHEET_NAME, names, owned);
  const notices = [...ctx.notices];
  if (owned === null && name !== SPC_SHEET_NAME) {
    notices.push(
      `A sheet named "${SPC_SHEET_NAME}" already exists and is not Scorecard's own, so it was left alone and the chart was drawn on "${name}".`,
    );
  }
  const write = buildSpcSheet(result.chart, name, owned);
  const state = writableState(ctx.snapshot, serialiseState({ ...ctx.state, spcSheet: name }));
  const writeProblems = await port.write({ sheets: [], ownedSheet: write, ...(state === undefined ? {} : { state }) });
  return { ok: true, sheet: name, chart: result.chart, notices, writeProblems };
}
