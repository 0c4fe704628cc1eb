/**
 * What the pane can do to a workbook, as plain async functions handed to the components as props.
 * Both hosts (Excel, the browser demo) build one from their WorkbookPort; components never touch a host.
 */
import { applyRules, generateSummary, saveSettings, scanWorkbook } from "../workbook";
import type { ApplyReport, ScanReport, SummaryResult } from "../workbook/model";
import { DEFAULT_SETTINGS, type Settings } from "../workbook/settings";
import type { Progress, WorkbookPort } from "../workbook/port";
import { parseRangeRef } from "../workbook/a1";
import { drawSpcChart, type DrawSpcChartResult } from "../workbook/operations/spcChart";
import { scan, type ScanContext } from "../workbook/operations/scan";
import { isPercentFormat } from "../workbook/numberFormats";
import { spcChartData, spcChartMeasures, type SpcChartMeasure, type SpcChartResult } from "../workbook/spcChart";

/** A problem's location as the scan reports it: sheet name and A1 address. */
export interface CellTarget {
  readonly sheet: string;
  readonly cell: string;
}

/** A measure's chart as the pane draws it: `percent` when its value cells are formatted as percentages. */
export type PaneSpcChart =
  Extract<SpcChartResult, { ok: false }> | (Extract<SpcChartResult, { ok: true }> & { readonly percent: boolean });

export interface PaneOperations {
  /** What "Reset to defaults" restores (the demo writes values, the pane inside Excel live formulas). */
  readonly defaults?: Settings;
  scan(): Promise<ScanReport>;
  /** `sheets` undefined = every sheet. */
  apply(sheets: readonly string[] | undefined, progress: Progress): Promise<ApplyReport>;
  summary(progress: Progress): Promise<SummaryResult>;
  saveSettings(settings: Settings): Promise<void>;
  select(target: CellTarget): Promise<void>;
  /** Every measure with a history, for the SPC chart's picker (reads the workbook). */
  spcMeasures(): Promise<SpcChartMeasure[]>;
  /** One measure's SPC chart, from the workbook as the last spcMeasures() read it. */
  spcChart(key: string): Promise<PaneSpcChart>;
  /** Draws the measure's chart on Scorecard's own SPC sheet (the same sheet each time). */
  addSpcChart(key: string): Promise<DrawSpcChartResult>;
}

export interface BindOptions {
  /** Called after every operation that wrote to the workbook (the demo refreshes its preview and saves). */
  readonly afterWrite?: () => Promise<void>;
  /** Replaces port.select (the demo highlights its preview instead). */
  readonly select?: (target: CellTarget) => Promise<void>;
  readonly defaults?: Settings;
}

export function bindOperations(port: WorkbookPort, options: BindOptions = {}): PaneOperations {
  const afterWrite = options.afterWrite ?? (async () => undefined);
  // The read behind the picker: choosing one measure after another draws from it instead of reading the workbook
  // each time. Listing the measures (the tab is shown, the workbook was read again) reads afresh.
  let spcScan: Promise<ScanContext> | null = null;
  // SPC on (the series are kept only then), and the figures' number formats, so a percentage reads as one.
  const spcRead = (): Promise<ScanContext> => (spcScan ??= scan(port, { spc: true }, true));
  return {
    defaults: options.defaults ?? DEFAULT_SETTINGS,
    scan: () => scanWorkbook(port),
    async apply(sheets, progress) {
      // The summary sheet has its own button; applying the rules never adds one unasked.
      const report = await applyRules(port, { sheets, summary: false, progress });
      await afterWrite();
      return report;
    },
    async summary(progress) {
      const result = await generateSummary(port, { progress });
      await afterWrite();
      return result;
    },
    async saveSettings(settings) {
      await saveSettings(port, settings);
      await afterWrite();
    },
    async select(target) {
      if (options.select) return options.select(target);
      const range = parseRangeRef(target.cell);
      if (range && port.select) await port.select({ sheet: target.sheet, row: range.row, col: range.col });
    },
    async spcMeasures() {
      spcScan = null;
      return spcChartMeasures(await spcRead());
    },
    async spcChart(key) {
      const result = spcChartData(await spcRead(), key);
      if (!result.ok) return result;
      // The chart carries its latest value cell's number format (the scan read formats).
      const format = result.chart.valueFormat;
      return { ...result, percent: format !== undefined && isPercentFormat(format) };
    },
    async addSpcChart(key) {
      const result = await drawSpcChart(port, key);
      await afterWrite();
      return result;
    },
  };
}
