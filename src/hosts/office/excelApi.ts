/**
 * The slice of the Office.js Excel API this host uses, as structural types. Everything here is in ExcelApi 1.9 or
 * earlier, the requirement set manifest.xml declares, so no call needs a runtime support check.
 *
 * `Excel.RequestContext` satisfies `XlContext` (the compiler checks it where the host calls `Excel.run`),
 * and the tests' fake implements the same interfaces — so the host is typed against exactly what it
 * calls, and nothing in the tests needs a cast.
 */

export interface XlContext {
  readonly workbook: XlWorkbook;
  sync(): Promise<unknown>;
}

export interface XlWorkbook {
  readonly worksheets: XlWorksheetCollection;
  readonly application: XlApplication;
  /** ExcelApi 1.7: `protected` is the workbook's structure protection (Review › Protect Workbook). */
  readonly protection: XlWorkbookProtection;
}

export interface XlWorkbookProtection {
  load(property: "protected"): unknown;
  readonly protected: boolean;
}

export interface XlApplication {
  suspendApiCalculationUntilNextSync(): void;
  suspendScreenUpdatingUntilNextSync(): void;
}

/** What the host loads for every sheet in one request. */
export interface SheetListLoad {
  readonly name: true;
  readonly visibility: true;
  readonly protection: { readonly protected: true };
  readonly tables: { readonly name: true };
  readonly charts: { readonly name: true };
}

export interface XlWorksheetCollection {
  readonly items: readonly XlWorksheet[];
  load(options: SheetListLoad): unknown;
  getItem(name: string): XlWorksheet;
  add(name: string): XlWorksheet;
}

export interface XlWorksheet {
  /** Setting it renames the sheet; Excel rewrites the references to it. */
  name: string;
  /** "Visible" | "Hidden" | "VeryHidden" */
  visibility: string;
  readonly protection: { readonly protected: boolean };
  /** 0-based place in the tab order; setting it moves the sheet. */
  position: number;
  readonly tables: XlTableCollection;
  readonly freezePanes: { freezeRows(count: number): void };
  readonly charts: XlChartCollection;
  readonly pageLayout: XlPageLayout;
  readonly autoFilter: XlAutoFilter;
  getUsedRangeOrNullObject(valuesOnly: boolean): XlRange;
  /** No address: the whole sheet. */
  getRange(address?: string): XlRange;
  getCell(row: number, column: number): XlRange;
  /** Several areas as one object, separated by the list separator of Excel's locale (see styleBatches.ts). */
  getRanges(address: string): XlRangeAreas;
  activate(): void;
  delete(): void;
}

/** The sheet's AutoFilter (ExcelApi 1.9, learn.microsoft.com/javascript/api/excel/excel.autofilter). */
export interface XlAutoFilter {
  /** The filter has criteria (rows hidden by it). */
  readonly isDataFiltered: boolean;
  load(propertyNames: "isDataFiltered"): unknown;
  getRangeOrNullObject(): XlRange;
  /** Applies the AutoFilter to a range (an address on the sheet), replacing the range it had. */
  apply(range: string): void;
}

export interface XlPageLayout {
  orientation: "Portrait" | "Landscape";
  /** Excel.PaperType: "A4", "Letter"… */
  paperSize: string;
  /** Set as a whole object; a count of 0 pages is "Automatic". */
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number };
  readonly headersFooters: { readonly defaultForAllPages: XlHeaderFooter };
  /** Rows printed at the top of every page, e.g. "$1:$2". */
  setPrintTitleRows(rows: string): void;
}

/** Header and footer texts take Excel's codes: &F the workbook's file name, &P the page, &N the page count. */
export interface XlHeaderFooter {
  leftFooter: string;
  rightFooter: string;
}

export interface XlTableCollection {
  readonly items: readonly { readonly name: string }[];
  getItem(name: string): { getRange(): XlRange };
}

export interface XlRange {
  readonly isNullObject: boolean;
  readonly address: string;
  /** null, rather than an error, when a read goes over Excel's five-million-cell limit. */
  values: unknown[][] | null;
  formulas: unknown[][] | null;
  /**
   * Office.js also accepts a single value here and applies it to every cell of the range; the host
   * uses that to write a run of identical R1C1 formulas as one small assignment.
   */
  formulasR1C1: unknown[][] | string | number;
  /** A single format string applies to every cell, like `formulasR1C1`. */
  numberFormat: unknown[][] | string;
  readonly format: XlRangeFormat;
  readonly conditionalFormats: XlConditionalFormatCollection;
  load(propertyNames: string): XlRange;
  /** "All": contents, formats and conditional formats. */
  clear(applyTo: "Contents" | "All"): void;
  select(): void;
}

export interface XlRangeAreas {
  readonly format: XlRangeFormat;
}

export interface XlRangeFormat {
  /** clear(): no fill (learn.microsoft.com/javascript/api/excel/excel.rangefill#excel-excel-rangefill-clear-member(1)). */
  readonly fill: { color: string; clear(): void };
  readonly font: XlFont;
  wrapText: boolean;
  /** Points. */
  columnWidth: number;
}

export interface XlFont {
  color: string;
  bold: boolean;
  italic: boolean;
}

export interface XlConditionalFormatCollection {
  add(type: "Custom"): XlConditionalFormat;
  clearAll(): void;
}

export interface XlConditionalFormat {
  readonly custom: {
    readonly rule: { formula: string };
    readonly format: { readonly fill: { color: string }; readonly font: XlFont; numberFormat: unknown };
  };
}

export interface XlChartCollection {
  /** Loaded with the sheet list. */
  readonly items: readonly { readonly name: string }[];
  add(type: "BarStacked" | "LineMarkers", sourceData: XlRange, seriesBy: "Columns"): XlChart;
  getItem(name: string): XlChart;
}

export interface XlChart {
  name: string;
  delete(): void;
  readonly title: { text: string };
  readonly series: { getItemAt(index: number): XlChartSeries };
  /**
   * The value axis: bounds and major unit (ExcelApi 1.1, Excel.ChartAxis.minimum/maximum/majorUnit) and the labels'
   * number format (ExcelApi 1.8, Excel.ChartAxis.numberFormat).
   */
  readonly axes: {
    readonly valueAxis: { minimum: unknown; maximum: unknown; majorUnit: unknown; numberFormat: string };
  };
  /** With an end cell the chart is sized to cover the cells from start to end. */
  setPosition(startCell: string, endCell?: string): void;
}

/**
 * A series' fill (bars), line and markers (line charts). Line style and the marker properties are ExcelApi 1.7
 * (learn.microsoft.com/javascript/api/excel/excel.chartseries, excel.chartlineformat; the Script Lab sample
 * "Series markers", OfficeDev/office-js-snippets samples/excel/10-chart/chart-series-markers.yaml, sets them so).
 */
export interface XlChartSeries {
  readonly format: { readonly fill: XlChartFill; readonly line: XlChartLineFormat };
  /** Excel.ChartMarkerStyle: "None", "Circle"… */
  markerStyle: string;
  markerBackgroundColor: string;
  markerForegroundColor: string;
  /** Points, 2 to 72. */
  markerSize: number;
}

export interface XlChartLineFormat {
  color: string;
  /** Excel.ChartLineStyle: "Continuous", "Dash", "None"… */
  lineStyle: string;
  /** Points. */
  weight: number;
}

export interface XlChartFill {
  setSolidColor(color: string): void;
}

/** Runs a batch of work in one request context (Excel.run, or a context the caller already has). */
export type ExcelRunner = <T>(batch: (context: XlContext) => Promise<T>) => Promise<T>;
