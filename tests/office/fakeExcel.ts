/**
 * A small fake of the Office.js Excel API surface the host uses (src/hosts/office/excelApi.ts).
 *
 * It behaves the way Office.js does where it matters to the host: calls are queued and run only at
 * `sync()`, in order; a failing call stops the rest of its batch (earlier ones stay applied) and
 * rejects the sync with an error carrying `code` and `debugInfo.errorLocation`; reading a property
 * that was not loaded throws; strings written to cells are parsed the way Excel parses typing
 * (formulas, numbers, booleans, dates) unless they start with an apostrophe; null in a 2-D array
 * leaves that cell alone; a single value assigned to a range property applies to every cell.
 *
 * It also measures what a real host cannot: syncs, and the bytes of each request (the JSON of every
 * queued call and object path) and of each response (the JSON of every loaded property), so tests can
 * hold the host to the 5 MB limit of Excel on the web.
 *
 * Where real Excel is less kind than a naive fake (a ";" list separator, reads over the cell limit, payload errors
 * spelt GeneralException, #REF! when a sheet is deleted, no rollback of a failed sync) it behaves as
 * excelBehaviour.ts describes, with the evidence for each.
 */
import type { CellRange } from "../../src/workbook/port";
import type {
  SheetListLoad,
  XlAutoFilter,
  XlApplication,
  XlChart,
  XlChartCollection,
  XlChartLineFormat,
  XlChartSeries,
  XlConditionalFormat,
  XlConditionalFormatCollection,
  XlContext,
  XlFont,
  XlPageLayout,
  XlRange,
  XlRangeAreas,
  XlRangeFormat,
  XlTableCollection,
  XlWorkbook,
  XlWorkbookProtection,
  XlWorksheet,
  XlWorksheetCollection,
} from "../../src/hosts/office/excelApi";

export type FakeScalar = string | number | boolean;

export interface FakeStyle {
  fill?: string;
  font?: string;
  bold?: boolean;
  italic?: boolean;
  numberFormat?: string;
  wrap?: boolean;
}

export interface FakeRule {
  range: CellRange;
  formula: string;
  style: FakeStyle;
}

export interface FakeChart {
  name: string;
  type: string;
  source: string;
  seriesBy: string;
  seriesCount: number;
  title: string;
  position: string;
  seriesColours: (string | undefined)[];
  /** Line and marker properties set per series (line charts), by series index. */
  seriesFormats: FakeSeriesFormat[];
  valueAxis: { minimum?: unknown; maximum?: unknown; majorUnit?: unknown; numberFormat?: string };
}

export interface FakeSeriesFormat {
  lineColor?: string;
  lineStyle?: string;
  lineWeight?: number;
  markerStyle?: string;
  markerBackgroundColor?: string;
  markerForegroundColor?: string;
  markerSize?: number;
}

export interface FakePage {
  orientation: XlPageLayout["orientation"];
  zoom: XlPageLayout["zoom"] & { scale?: number };
  paperSize: string;
  printTitleRows: string | null;
  leftFooter: string;
  rightFooter: string;
}

/** One cell as it would be typed: a value, a formula ("=…" with an optional cached value), or bold text. */
export type FakeCellSpec = FakeScalar | null | { formula: string; value?: FakeScalar } | { bold: FakeScalar };

export interface FakeSheetSpec {
  name: string;
  /** Rows from (top, left), default A1. */
  rows: readonly (readonly FakeCellSpec[])[];
  top?: number;
  left?: number;
  visibility?: "Visible" | "Hidden" | "VeryHidden";
  protected?: boolean;
  tables?: { name: string; range: CellRange }[];
}

const MAX_COLS = 16_384;
/** What Office.js serialises for each queued call or object path besides its arguments. */
const ACTION_OVERHEAD = 80;
const WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;
const READ_CELL_LIMIT = 5_000_000;

export class FakeOfficeError extends Error {
  readonly debugInfo: { code: string; message: string; errorLocation: string };
  constructor(
    readonly code: string,
    message: string,
    errorLocation: string,
  ) {
    super(message);
    this.debugInfo = { code, message, errorLocation };
  }
}

// ---------------------------------------------------------------- the workbook model

export class FakeSheet {
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  protected = false;
  /** Simulates a sheet Excel refuses to change (being edited, unsupported…): every change fails with this. */
  lockedWith: { code: string; message: string } | null = null;
  readonly values = new Map<number, FakeScalar>();
  readonly formulas = new Map<number, string>();
  readonly styles: { range: CellRange; style: FakeStyle }[] = [];
  readonly rules: FakeRule[] = [];
  readonly columnWidths = new Map<number, number>();
  readonly charts: FakeChart[] = [];
  readonly tables: { name: string; range: CellRange }[] = [];
  frozenRows = 0;
  /** The sheet AutoFilter: its range, and whether criteria hide rows. */
  autoFilter: { range: CellRange; filtered: boolean } | null = null;
  /** A new sheet's print layout in Excel: portrait at 100% on Letter paper (en-US), no titles, no footer. */
  page: FakePage = {
    orientation: "Portrait",
    zoom: { scale: 100 },
    paperSize: "Letter",
    printTitleRows: null,
    leftFooter: "",
    rightFooter: "",
  };

  constructor(public name: string) {}

  value(row: number, col: number): FakeScalar | null {
    return this.values.get(key(row, col)) ?? null;
  }

  formula(row: number, col: number): string | null {
    return this.formulas.get(key(row, col)) ?? null;
  }

  /** The style a cell ends up with: later assignments win. */
  style(row: number, col: number): FakeStyle {
    const result: FakeStyle = {};
    for (const entry of this.styles) if (contains(entry.range, row, col)) Object.assign(result, entry.style);
    return result;
  }

  rulesAt(row: number, col: number): FakeRule[] {
    return this.rules.filter((rule) => contains(rule.range, row, col));
  }

  usedRange(): CellRange | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const k of [...this.values.keys(), ...this.formulas.keys()]) {
      const row = Math.floor(k / MAX_COLS);
      const col = k % MAX_COLS;
      top = Math.min(top, row);
      left = Math.min(left, col);
      bottom = Math.max(bottom, row);
      right = Math.max(right, col);
    }
    return bottom < 0 ? null : { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
  }

  /** Range.clear: contents, and with "All" the formats and conditional formats too. */
  clear(range: CellRange, applyTo: "Contents" | "All"): void {
    for (const k of [...this.values.keys(), ...this.formulas.keys()]) {
      if (!contains(range, Math.floor(k / MAX_COLS), k % MAX_COLS)) continue;
      this.values.delete(k);
      this.formulas.delete(k);
    }
    if (applyTo === "Contents") return;
    const styles = this.styles.flatMap((s) => subtract(s.range, range).map((r) => ({ ...s, range: r })));
    this.styles.splice(0, this.styles.length, ...styles);
    const rules = this.rules.flatMap((rule) => subtract(rule.range, range).map((r) => ({ ...rule, range: r })));
    this.rules.splice(0, this.rules.length, ...rules);
  }

  /** Enters `input` into a cell the way Excel parses typing. */
  enter(row: number, col: number, input: unknown): void {
    if (input === null || input === undefined) return;
    const k = key(row, col);
    this.values.delete(k);
    this.formulas.delete(k);
    if (typeof input === "number" || typeof input === "boolean") {
      this.values.set(k, input);
      return;
    }
    const text = String(input);
    if (text === "") return;
    if (text.startsWith("'")) this.values.set(k, text.slice(1));
    else if (text.startsWith("=") || (/^[+-]./.test(text) && !Number.isFinite(Number(text)))) {
      this.formulas.set(k, text.startsWith("=") ? text : `=${text}`);
    } else this.values.set(k, parseTyping(text));
  }
}

/** Excel's reading of typed text: numbers, percentages, booleans, dates; anything else stays text. */
function parseTyping(text: string): FakeScalar {
  const trimmed = text.trim();
  if (trimmed !== "" && Number.isFinite(Number(trimmed))) return Number(trimmed);
  if (/^-?\d+(\.\d+)?%$/.test(trimmed)) return Number(trimmed.slice(0, -1)) / 100;
  if (/^(true|false)$/i.test(trimmed)) return trimmed.toLowerCase() === "true";
  if (/^[A-Za-z]{3,9}[- ]\d{2,4}$/.test(trimmed) || /^\d{1,2}[-/]\d{1,2}([-/]\d{2,4})?$/.test(trimmed)) return 41_518;
  return text;
}

export class FakeWorkbook {
  readonly sheets: FakeSheet[] = [];
  /** Review › Protect Workbook (structure): Excel refuses to add a sheet. */
  structureLocked = false;
  active = "";
  selection: { sheet: string; address: string } | null = null;

  constructor(specs: readonly FakeSheetSpec[] = []) {
    for (const spec of specs) this.addSheet(spec);
    this.active = this.sheets[0]?.name ?? "";
  }

  addSheet(spec: FakeSheetSpec): FakeSheet {
    const sheet = new FakeSheet(spec.name);
    sheet.visibility = spec.visibility ?? "Visible";
    sheet.protected = spec.protected ?? false;
    sheet.tables.push(...(spec.tables ?? []));
    const top = spec.top ?? 0;
    const left = spec.left ?? 0;
    spec.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell === null) return;
        const k = key(top + r, left + c);
        if (typeof cell !== "object") sheet.values.set(k, cell);
        else if ("formula" in cell) {
          sheet.formulas.set(k, cell.formula);
          if (cell.value !== undefined) sheet.values.set(k, cell.value);
        } else {
          sheet.values.set(k, cell.bold);
          sheet.styles.push({ range: { row: top + r, col: left + c, rows: 1, cols: 1 }, style: { bold: true } });
        }
      }),
    );
    this.sheets.push(sheet);
    return sheet;
  }

  sheet(name: string): FakeSheet {
    const found = this.find(name);
    if (!found) throw new Error(`No sheet "${name}" in the fake workbook`);
    return found;
  }

  find(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** Renaming a sheet rewrites every formula that refers to it, as Excel does. */
  rename(sheet: FakeSheet, name: string): void {
    const other = this.find(name);
    if (other && other !== sheet) {
      throw new FakeOfficeError("ItemAlreadyExists", `A sheet named "${name}" already exists.`, "Worksheet.name");
    }
    this.rewriteReferences(sheet.name, quoteSheet(name));
    sheet.name = name;
  }

  /** EXCEL_BEHAVIOURS.deletedSheetRef: deleting a sheet turns every formula that refers to it into #REF!. */
  remove(sheet: FakeSheet): void {
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    for (const other of this.sheets) {
      for (const [k, formula] of other.formulas) {
        if (!sheetReference(sheet.name).test(formula)) continue;
        other.formulas.set(k, formula.replace(sheetReference(sheet.name), "#REF!"));
        other.values.set(k, "#REF!");
      }
    }
  }

  private rewriteReferences(from: string, to: string): void {
    for (const sheet of this.sheets) {
      for (const [k, formula] of sheet.formulas) sheet.formulas.set(k, formula.replace(sheetReference(from), `${to}!`));
    }
  }
}

/** A formula's references to a sheet: 'Scorecard Summary'!B7 or Data!B7, case-blind as Excel matches sheet names. */
function sheetReference(name: string): RegExp {
  const quoted = `'${name.replace(/'/g, "''")}'`.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const bare = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?:${quoted}|(?<![A-Za-z0-9_.'])${bare})!`, "gi");
}

// ---------------------------------------------------------------- the request context

interface Action {
  readonly bytes: number;
  readonly name: string;
  /** Runs the call; returns the bytes it adds to the response (loads), if any. */
  readonly run: () => number | void;
}

export interface SyncRecord {
  readonly requestBytes: number;
  readonly responseBytes: number;
  readonly actions: readonly string[];
  readonly failed: boolean;
}

export class FakeContext implements XlContext {
  readonly workbook: XlWorkbook;
  readonly syncs: SyncRecord[] = [];
  /** Excel on the web's limits; null lifts one (desktop Excel has none). */
  requestLimit: number | null = WEB_PAYLOAD_LIMIT;
  responseLimit: number | null = null;
  /** EXCEL_BEHAVIOURS.payloadAsGeneralException: how Excel on the web names a payload over its limit. */
  payloadError: "PayloadSizeLimitExceeded" | "GeneralException" = "PayloadSizeLimitExceeded";
  /** EXCEL_BEHAVIOURS.valuesNull: reads over this many cells give values null (Excel's limit: five million). */
  readCellLimit = READ_CELL_LIMIT;
  /** EXCEL_BEHAVIOURS.listSeparator: the list separator of Excel's locale, which getRanges wants between areas. */
  listSeparator: "," | ";" = ",";
  /** Calls this Excel refuses (a feature it lacks, a printer without the paper): they fail with NotImplemented. */
  readonly refusedCalls = new Set<string>();
  private queue: Action[] = [];

  constructor(readonly book: FakeWorkbook) {
    this.workbook = new WorkbookProxy(this);
  }

  get syncCount(): number {
    return this.syncs.length;
  }

  get largestRequest(): number {
    return Math.max(0, ...this.syncs.map((s) => s.requestBytes));
  }

  get largestResponse(): number {
    return Math.max(0, ...this.syncs.map((s) => s.responseBytes));
  }

  /** Names of the calls run so far, in order (e.g. "Range.formulasR1C1"). */
  get calls(): string[] {
    return this.syncs.flatMap((s) => s.actions);
  }

  private payloadTooLarge(which: "Request" | "Response"): FakeOfficeError {
    if (this.payloadError === "GeneralException") {
      return new FakeOfficeError("GeneralException", "An internal error has occurred.", "");
    }
    return new FakeOfficeError(
      `${which}PayloadSizeLimitExceeded`,
      `The ${which.toLowerCase()} payload size has exceeded the limit.`,
      "",
    );
  }

  enqueue(name: string, args: unknown, run: () => number | void): void {
    const refused = () => {
      throw new FakeOfficeError("NotImplemented", "This operation is not implemented.", name);
    };
    const bytes = ACTION_OVERHEAD + byteLength(JSON.stringify([name, args]) ?? "");
    this.queue.push({ name, bytes, run: this.refusedCalls.has(name) ? refused : run });
  }

  async sync(): Promise<void> {
    const actions = this.queue;
    this.queue = [];
    const requestBytes = actions.reduce((n, a) => n + a.bytes, 0);
    if (this.requestLimit !== null && requestBytes > this.requestLimit) {
      this.syncs.push({ requestBytes, responseBytes: 0, actions: [], failed: true });
      throw this.payloadTooLarge("Request");
    }
    let responseBytes = 0;
    const ran: string[] = [];
    try {
      for (const action of actions) {
        responseBytes += action.run() ?? 0;
        ran.push(action.name);
      }
    } catch (error) {
      this.syncs.push({ requestBytes, responseBytes, actions: ran, failed: true });
      throw error;
    }
    if (this.responseLimit !== null && responseBytes > this.responseLimit) {
      this.syncs.push({ requestBytes, responseBytes, actions: ran, failed: true });
      throw this.payloadTooLarge("Response");
    }
    this.syncs.push({ requestBytes, responseBytes, actions: ran, failed: false });
  }
}

class Loadable {
  private readonly loaded = new Map<string, unknown>();

  protected setLoaded(name: string, value: unknown): void {
    this.loaded.set(name, value);
  }

  protected getLoaded<T>(name: string): T {
    if (!this.loaded.has(name)) {
      throw new FakeOfficeError(
        "PropertyNotLoaded",
        `The property '${name}' is not available. Load it and call sync().`,
        name,
      );
    }
    return this.loaded.get(name) as T;
  }
}

class WorkbookProtectionProxy extends Loadable implements XlWorkbookProtection {
  constructor(private readonly ctx: FakeContext) {
    super();
  }

  load(property: "protected"): unknown {
    this.ctx.enqueue("WorkbookProtection.load", [property], () => {
      this.setLoaded("protected", this.ctx.book.structureLocked);
    });
    return this;
  }

  get protected(): boolean {
    return this.getLoaded("protected");
  }
}

class WorkbookProxy implements XlWorkbook {
  readonly worksheets: XlWorksheetCollection;
  readonly application: XlApplication;
  readonly protection: XlWorkbookProtection;
  constructor(ctx: FakeContext) {
    this.worksheets = new WorksheetCollectionProxy(ctx);
    this.protection = new WorkbookProtectionProxy(ctx);
    this.application = {
      suspendApiCalculationUntilNextSync: () =>
        ctx.enqueue("Application.suspendApiCalculationUntilNextSync", [], () => {}),
      suspendScreenUpdatingUntilNextSync: () =>
        ctx.enqueue("Application.suspendScreenUpdatingUntilNextSync", [], () => {}),
    };
  }
}

class WorksheetCollectionProxy extends Loadable implements XlWorksheetCollection {
  constructor(private readonly ctx: FakeContext) {
    super();
  }

  get items(): readonly XlWorksheet[] {
    return this.getLoaded("items");
  }

  load(options: SheetListLoad): unknown {
    this.ctx.enqueue("WorksheetCollection.load", options, () => {
      const sheets = this.ctx.book.sheets.map((sheet) => {
        const proxy = new WorksheetProxy(this.ctx, sheet.name);
        proxy.loadFacts(sheet);
        return proxy;
      });
      this.setLoaded("items", sheets);
      const facts = this.ctx.book.sheets.map((s) => [s.name, s.visibility, s.protected, s.tables.map((t) => t.name)]);
      return byteLength(JSON.stringify(facts));
    });
    return this;
  }

  getItem(name: string): XlWorksheet {
    this.ctx.enqueue("WorksheetCollection.getItem", [name], () => {
      resolveSheet(this.ctx.book, name, "WorksheetCollection.getItem");
    });
    return new WorksheetProxy(this.ctx, name);
  }

  add(name: string): XlWorksheet {
    this.ctx.enqueue("WorksheetCollection.add", [name], () => {
      if (this.ctx.book.structureLocked) {
        throw new FakeOfficeError("AccessDenied", "The workbook's structure is protected.", "WorksheetCollection.add");
      }
      if (this.ctx.book.find(name)) {
        throw new FakeOfficeError(
          "ItemAlreadyExists",
          `A sheet named "${name}" already exists.`,
          "WorksheetCollection.add",
        );
      }
      this.ctx.book.addSheet({ name, rows: [] });
    });
    return new WorksheetProxy(this.ctx, name);
  }
}

function resolveSheet(book: FakeWorkbook, name: string, location: string): FakeSheet {
  const sheet = book.find(name);
  if (!sheet) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist.`, location);
  return sheet;
}

/** Changes to a sheet fail the way Excel fails them: protection, or a lock the test put on it. */
function checkWritable(sheet: FakeSheet, location: string): void {
  if (sheet.lockedWith) throw new FakeOfficeError(sheet.lockedWith.code, sheet.lockedWith.message, location);
  if (sheet.protected) {
    throw new FakeOfficeError(
      "AccessDenied",
      "The cell or chart you're trying to change is protected and therefore read-only.",
      location,
    );
  }
}

class AutoFilterProxy extends Loadable implements XlAutoFilter {
  constructor(
    private readonly ctx: FakeContext,
    private readonly model: (location: string) => FakeSheet,
  ) {
    super();
  }

  get isDataFiltered(): boolean {
    return this.getLoaded("isDataFiltered");
  }

  load(propertyNames: "isDataFiltered"): unknown {
    this.ctx.enqueue("AutoFilter.load", [propertyNames], () => {
      const filtered = this.model("AutoFilter.load").autoFilter?.filtered ?? false;
      this.setLoaded("isDataFiltered", filtered);
      return byteLength(JSON.stringify({ isDataFiltered: filtered }));
    });
    return this;
  }

  getRangeOrNullObject(): XlRange {
    this.ctx.enqueue("AutoFilter.getRangeOrNullObject", [], () => {});
    return new RangeProxy(this.ctx, (location) => {
      const sheet = this.model(location);
      return sheet.autoFilter ? { sheet, range: sheet.autoFilter.range } : null;
    });
  }

  apply(range: string): void {
    this.ctx.enqueue("AutoFilter.apply", [range], () => {
      const sheet = this.model("AutoFilter.apply");
      checkWritable(sheet, "AutoFilter.apply");
      sheet.autoFilter = { range: parseA1(range), filtered: false };
    });
  }
}

class WorksheetProxy extends Loadable implements XlWorksheet {
  readonly autoFilter: XlAutoFilter;
  readonly freezePanes: { freezeRows(count: number): void };
  readonly charts: XlChartCollection;
  readonly pageLayout: XlPageLayout;
  private loadedTables: XlTableCollection | null = null;
  private loadedCharts: { name: string }[] | null = null;

  constructor(
    private readonly ctx: FakeContext,
    /** The proxy follows its sheet through a rename, as an Office.js object does. */
    private sheetName: string,
  ) {
    super();
    this.freezePanes = {
      freezeRows: (count) =>
        ctx.enqueue("WorksheetFreezePanes.freezeRows", [count], () => {
          this.model("WorksheetFreezePanes.freezeRows").frozenRows = count;
        }),
    };
    const loadedCharts = () => this.loadedCharts;
    this.charts = {
      get items(): readonly { readonly name: string }[] {
        const items = loadedCharts();
        if (!items) throw new FakeOfficeError("PropertyNotLoaded", "charts were not loaded", "ChartCollection.items");
        return items;
      },
      getItem: (name) => {
        const chart = new ChartProxy(ctx);
        ctx.enqueue("ChartCollection.getItem", [name], () => {
          const found = this.model("ChartCollection.getItem").charts.find((c) => c.name === name);
          if (!found) throw new FakeOfficeError("ItemNotFound", `No chart ${name}`, "ChartCollection.getItem");
          chart.model = found;
        });
        chart.owner = () => this.model("Chart.delete");
        return chart;
      },
      add: (type, sourceData, seriesBy) => {
        const chart = new ChartProxy(ctx);
        ctx.enqueue("ChartCollection.add", [type, seriesBy], () => {
          const sheet = this.model("ChartCollection.add");
          checkWritable(sheet, "ChartCollection.add");
          const source = (sourceData as RangeProxy).resolve("ChartCollection.add");
          const model: FakeChart = {
            name: "",
            type,
            source: rangeA1(source.range),
            seriesBy,
            seriesCount: source.range.cols - 1,
            title: "",
            position: "",
            seriesColours: [],
            seriesFormats: [],
            valueAxis: {},
          };
          sheet.charts.push(model);
          chart.model = model;
        });
        return chart;
      },
    };
    this.pageLayout = new PageLayoutProxy(ctx, (location) => this.model(location));
    this.autoFilter = new AutoFilterProxy(ctx, (location) => this.model(location));
  }

  /** Called by WorksheetCollection.load: the facts that load asked for. */
  loadFacts(sheet: FakeSheet): void {
    this.setLoaded("name", sheet.name);
    this.setLoaded("visibility", sheet.visibility);
    this.setLoaded("protection", { protected: sheet.protected });
    this.loadedTables = new TableCollectionProxy(
      this.ctx,
      this.sheetName,
      sheet.tables.map((t) => ({ name: t.name })),
    );
    this.loadedCharts = sheet.charts.map((c) => ({ name: c.name }));
  }

  model(location: string): FakeSheet {
    return resolveSheet(this.ctx.book, this.sheetName, location);
  }

  get name(): string {
    return this.getLoaded("name");
  }

  set name(value: string) {
    this.ctx.enqueue("Worksheet.name", value, () => {
      const sheet = this.model("Worksheet.name");
      this.ctx.book.rename(sheet, value);
      this.sheetName = value;
    });
  }

  get visibility(): string {
    return this.getLoaded("visibility");
  }

  set visibility(value: string) {
    this.ctx.enqueue("Worksheet.visibility", value, () => {
      this.model("Worksheet.visibility").visibility = value as FakeSheet["visibility"];
    });
  }

  get position(): number {
    return this.ctx.book.sheets.indexOf(this.model("Worksheet.position"));
  }

  set position(index: number) {
    this.ctx.enqueue("Worksheet.position", index, () => {
      const sheets = this.ctx.book.sheets;
      const sheet = this.model("Worksheet.position");
      sheets.splice(sheets.indexOf(sheet), 1);
      sheets.splice(Math.min(index, sheets.length), 0, sheet);
    });
  }

  get protection(): { readonly protected: boolean } {
    return this.getLoaded("protection");
  }

  get tables(): XlTableCollection {
    return this.loadedTables ?? new TableCollectionProxy(this.ctx, this.sheetName, null);
  }

  getUsedRangeOrNullObject(valuesOnly: boolean): XlRange {
    this.ctx.enqueue("Worksheet.getUsedRangeOrNullObject", [valuesOnly], () => {});
    return new RangeProxy(this.ctx, (location) => {
      const sheet = this.model(location);
      const used = sheet.usedRange();
      return used ? { sheet, range: used } : null;
    });
  }

  getRange(address?: string): XlRange {
    this.ctx.enqueue("Worksheet.getRange", [address], () => {});
    const range = address === undefined ? WHOLE_SHEET : parseA1(address);
    return new RangeProxy(this.ctx, (location) => ({ sheet: this.model(location), range }));
  }

  getCell(row: number, column: number): XlRange {
    this.ctx.enqueue("Worksheet.getCell", [row, column], () => {});
    return new RangeProxy(this.ctx, (location) => ({
      sheet: this.model(location),
      range: { row, col: column, rows: 1, cols: 1 },
    }));
  }

  getRanges(address: string): XlRangeAreas {
    this.ctx.enqueue("Worksheet.getRanges", [address], () => {
      // EXCEL_BEHAVIOURS.listSeparator
      if (this.ctx.listSeparator !== "," && address.includes(",")) {
        throw new FakeOfficeError(
          "InvalidArgument",
          "The argument is invalid or missing or has an incorrect format.",
          "Worksheet.getRanges",
        );
      }
    });
    return new AreasProxy(this.ctx, (location) => this.model(location), address);
  }

  activate(): void {
    this.ctx.enqueue("Worksheet.activate", [], () => {
      this.ctx.book.active = this.model("Worksheet.activate").name;
    });
  }

  delete(): void {
    this.ctx.enqueue("Worksheet.delete", [], () => {
      const sheet = this.model("Worksheet.delete");
      const visible = this.ctx.book.sheets.filter((s) => s.visibility === "Visible");
      if (visible.length === 1 && visible[0] === sheet) {
        throw new FakeOfficeError(
          "InvalidOperation",
          "A workbook must contain at least one visible worksheet.",
          "Worksheet.delete",
        );
      }
      this.ctx.book.remove(sheet);
    });
  }
}

class TableCollectionProxy implements XlTableCollection {
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheetName: string,
    private readonly loadedItems: { name: string }[] | null,
  ) {}

  get items(): readonly { readonly name: string }[] {
    if (!this.loadedItems)
      throw new FakeOfficeError("PropertyNotLoaded", "tables were not loaded", "TableCollection.items");
    return this.loadedItems;
  }

  getItem(name: string): { getRange(): XlRange } {
    return {
      getRange: () => {
        this.ctx.enqueue("Table.getRange", [name], () => {});
        return new RangeProxy(this.ctx, (location) => {
          const sheet = resolveSheet(this.ctx.book, this.sheetName, location);
          const table = sheet.tables.find((t) => t.name === name);
          if (!table) throw new FakeOfficeError("ItemNotFound", `No table ${name}`, location);
          return { sheet, range: table.range };
        });
      },
    };
  }
}

type Resolved = { sheet: FakeSheet; range: CellRange } | null;

class RangeProxy extends Loadable implements XlRange {
  readonly format: XlRangeFormat;
  readonly conditionalFormats: XlConditionalFormatCollection;

  constructor(
    private readonly ctx: FakeContext,
    private readonly resolver: (location: string) => Resolved,
  ) {
    super();
    this.format = formatProxy(
      (name, value, apply) => this.change(name, value, apply),
      () => this.getLoaded<boolean>("format/font/bold"),
    );
    this.conditionalFormats = {
      add: (type) => {
        const format = new ConditionalFormatProxy(ctx);
        this.change("ConditionalFormatCollection.add", type, (sheet, range) => {
          const rule: FakeRule = { range, formula: "", style: {} };
          sheet.rules.push(rule);
          format.rule = rule;
        });
        return format;
      },
      clearAll: () =>
        this.change("ConditionalFormatCollection.clearAll", [], (sheet, range) => {
          const kept = sheet.rules.flatMap((rule) => subtract(rule.range, range).map((r) => ({ ...rule, range: r })));
          sheet.rules.splice(0, sheet.rules.length, ...kept);
        }),
    };
  }

  resolve(location: string): { sheet: FakeSheet; range: CellRange } {
    const resolved = this.resolver(location);
    if (!resolved) throw new FakeOfficeError("InvalidOperation", "The range is a null object.", location);
    return resolved;
  }

  private change(name: string, args: unknown, apply: (sheet: FakeSheet, range: CellRange) => void): void {
    this.ctx.enqueue(name, args, () => {
      const { sheet, range } = this.resolve(name);
      checkWritable(sheet, name);
      apply(sheet, range);
    });
  }

  get isNullObject(): boolean {
    return this.getLoaded("isNullObject");
  }

  get address(): string {
    return this.getLoaded("address");
  }

  get values(): unknown[][] | null {
    return this.getLoaded("values");
  }

  set values(input: unknown[][] | null) {
    this.change("Range.values", input, (sheet, range) => enterAll(sheet, range, input, (v) => v));
  }

  get formulas(): unknown[][] | null {
    return this.getLoaded("formulas");
  }

  set formulas(input: unknown[][] | null) {
    this.change("Range.formulas", input, (sheet, range) => enterAll(sheet, range, input, (v) => v));
  }

  get formulasR1C1(): unknown[][] | string | number {
    return this.getLoaded("formulasR1C1");
  }

  set formulasR1C1(input: unknown[][] | string | number) {
    this.change("Range.formulasR1C1", input, (sheet, range) =>
      enterAll(sheet, range, input, (v, row, col) => (typeof v === "string" ? r1c1ToA1(v, row, col) : v)),
    );
  }

  get numberFormat(): unknown[][] | string {
    return this.getLoaded("numberFormat");
  }

  set numberFormat(input: unknown[][] | string) {
    this.change("Range.numberFormat", input, (sheet, range) => {
      if (typeof input === "string") sheet.styles.push({ range, style: { numberFormat: input } });
      else {
        input.forEach((row, r) =>
          row.forEach((format, c) => {
            if (typeof format === "string") {
              sheet.styles.push({
                range: { row: range.row + r, col: range.col + c, rows: 1, cols: 1 },
                style: { numberFormat: format },
              });
            }
          }),
        );
      }
    });
  }

  load(propertyNames: string): XlRange {
    const names = propertyNames.split(",").map((n) => n.trim());
    this.ctx.enqueue("Range.load", names, () => {
      const resolved = this.resolver("Range.load");
      this.setLoaded("isNullObject", resolved === null);
      if (!resolved) return 0;
      const { sheet, range } = resolved;
      const loaded: Record<string, unknown> = {};
      // EXCEL_BEHAVIOURS.valuesNull
      const overLimit = range.rows * range.cols > this.ctx.readCellLimit;
      for (const name of names) {
        if (name === "address") loaded.address = `${quoteSheet(sheet.name)}!${rangeA1(range)}`;
        else if (name === "values") loaded.values = overLimit ? null : grid(range, (r, c) => sheet.value(r, c) ?? "");
        else if (name === "formulas")
          loaded.formulas = overLimit ? null : grid(range, (r, c) => sheet.formula(r, c) ?? sheet.value(r, c) ?? "");
        else if (name === "format/font/bold") loaded[name] = sheet.style(range.row, range.col).bold === true;
        // Excel gives "General" for a cell never formatted.
        else if (name === "numberFormat")
          loaded.numberFormat = grid(range, (r, c) => sheet.style(r, c).numberFormat ?? "General");
        else throw new FakeOfficeError("InvalidArgument", `The fake cannot load ${name}`, "Range.load");
      }
      for (const [name, value] of Object.entries(loaded)) this.setLoaded(name, value);
      return byteLength(JSON.stringify(loaded));
    });
    return this;
  }

  clear(applyTo: "Contents" | "All"): void {
    this.change("Range.clear", [applyTo], (sheet, range) => sheet.clear(range, applyTo));
  }

  select(): void {
    this.ctx.enqueue("Range.select", [], () => {
      const { sheet, range } = this.resolve("Range.select");
      this.ctx.book.active = sheet.name;
      this.ctx.book.selection = { sheet: sheet.name, address: rangeA1(range) };
    });
  }
}

type Change = (name: string, args: unknown, apply: (sheet: FakeSheet, range: CellRange) => void) => void;

/** A range's (or several areas') format: every assignment is one queued call styling the cells. */
function formatProxy(change: Change, loadedBold: () => boolean): XlRangeFormat {
  const styleSetter =
    (name: string, field: keyof FakeStyle) =>
    (value: unknown): void =>
      change(`RangeFormat.${name}`, value, (sheet, range) => {
        sheet.styles.push({ range, style: { [field]: value } });
      });
  const writeOnly = (name: string): never => {
    throw new FakeOfficeError("PropertyNotLoaded", `${name} is write-only in this fake`, `RangeFormat.${name}`);
  };
  const fill = styleSetter("fill.color", "fill");
  const wrap = styleSetter("wrapText", "wrap");
  const width = (points: number): void =>
    change("RangeFormat.columnWidth", points, (sheet, range) => {
      for (let c = range.col; c < range.col + range.cols; c += 1) sheet.columnWidths.set(c, points);
    });
  return {
    fill: {
      get color(): string {
        return writeOnly("fill.color");
      },
      set color(value: string) {
        fill(value);
      },
      clear: () => fill(undefined),
    },
    font: new FontProxy(
      styleSetter("font.color", "font"),
      styleSetter("font.bold", "bold"),
      styleSetter("font.italic", "italic"),
      loadedBold,
    ),
    get wrapText(): boolean {
      return writeOnly("wrapText");
    },
    set wrapText(value: boolean) {
      wrap(value);
    },
    get columnWidth(): number {
      return writeOnly("columnWidth");
    },
    set columnWidth(value: number) {
      width(value);
    },
  };
}

/** Worksheet.getRanges: comma-separated areas styled together. */
class AreasProxy implements XlRangeAreas {
  readonly format: XlRangeFormat;

  constructor(ctx: FakeContext, sheet: (location: string) => FakeSheet, addresses: string) {
    const areas = addresses.split(",").map(parseA1);
    this.format = formatProxy(
      (name, args, apply) =>
        ctx.enqueue(`RangeAreas.${name}`, args, () => {
          const model = sheet(name);
          checkWritable(model, name);
          for (const area of areas) apply(model, area);
        }),
      () => {
        throw new FakeOfficeError("PropertyNotLoaded", "not loadable in this fake", "RangeAreas");
      },
    );
  }
}

class FontProxy implements XlFont {
  constructor(
    private readonly setColor: (v: unknown) => void,
    private readonly setBold: (v: unknown) => void,
    private readonly setItalic: (v: unknown) => void,
    private readonly loadedBold: () => boolean,
  ) {}

  get color(): string {
    throw new FakeOfficeError("PropertyNotLoaded", "font.color is write-only in this fake", "RangeFont.color");
  }
  set color(value: string) {
    this.setColor(value);
  }
  get bold(): boolean {
    return this.loadedBold();
  }
  set bold(value: boolean) {
    this.setBold(value);
  }
  get italic(): boolean {
    throw new FakeOfficeError("PropertyNotLoaded", "font.italic is write-only in this fake", "RangeFont.italic");
  }
  set italic(value: boolean) {
    this.setItalic(value);
  }
}

class ConditionalFormatProxy implements XlConditionalFormat {
  rule: FakeRule | null = null;
  readonly custom: XlConditionalFormat["custom"];

  constructor(ctx: FakeContext) {
    const set = (name: string, value: unknown, apply: (rule: FakeRule) => void): void =>
      ctx.enqueue(`ConditionalFormat.${name}`, value, () => {
        if (!this.rule) throw new FakeOfficeError("InvalidOperation", "The conditional format was not added.", name);
        apply(this.rule);
      });
    const style = (name: string, field: keyof FakeStyle) => (value: unknown) =>
      set(name, value, (rule) => Object.assign(rule.style, { [field]: value }));
    const writeOnly = (): never => {
      throw new FakeOfficeError("PropertyNotLoaded", "write-only in this fake", "ConditionalFormat");
    };
    const font = new FontProxy(
      style("font.color", "font"),
      style("font.bold", "bold"),
      style("font.italic", "italic"),
      writeOnly,
    );
    const fill = style("fill.color", "fill");
    const numberFormat = style("numberFormat", "numberFormat");
    this.custom = {
      rule: {
        get formula(): string {
          return writeOnly();
        },
        set formula(value: string) {
          set("rule.formula", value, (rule) => {
            rule.formula = value;
          });
        },
      },
      format: {
        fill: {
          get color(): string {
            return writeOnly();
          },
          set color(value: string) {
            fill(value);
          },
        },
        font,
        get numberFormat(): unknown {
          return writeOnly();
        },
        set numberFormat(value: unknown) {
          numberFormat(value);
        },
      },
    };
  }
}

/** Write-only here, as the host uses it: reading a property that was never loaded throws, as in Office.js. */
class PageLayoutProxy implements XlPageLayout {
  constructor(
    private readonly ctx: FakeContext,
    private readonly model: (location: string) => FakeSheet,
  ) {}

  private change(name: string, value: unknown, apply: (page: FakePage) => void): void {
    this.ctx.enqueue(name, value, () => {
      const sheet = this.model(name);
      checkWritable(sheet, name);
      apply(sheet.page);
    });
  }

  get orientation(): XlPageLayout["orientation"] {
    throw new FakeOfficeError("PropertyNotLoaded", "PageLayout.orientation was not loaded", "PageLayout.orientation");
  }

  set orientation(value: XlPageLayout["orientation"]) {
    this.change("PageLayout.orientation", value, (page) => (page.orientation = value));
  }

  /** Office.js takes zoom only as a whole object: `zoom.scale = …` would read the unloaded property and throw. */
  get zoom(): XlPageLayout["zoom"] {
    throw new FakeOfficeError("PropertyNotLoaded", "PageLayout.zoom was not loaded", "PageLayout.zoom");
  }

  set zoom(value: XlPageLayout["zoom"]) {
    const copy = { ...value };
    this.change("PageLayout.zoom", copy, (page) => (page.zoom = copy));
  }

  get paperSize(): string {
    throw new FakeOfficeError("PropertyNotLoaded", "PageLayout.paperSize was not loaded", "PageLayout.paperSize");
  }

  set paperSize(value: string) {
    this.change("PageLayout.paperSize", value, (page) => (page.paperSize = value));
  }

  get headersFooters(): XlPageLayout["headersFooters"] {
    const change = (name: string, value: string, apply: (page: FakePage) => void) => this.change(name, value, apply);
    return {
      defaultForAllPages: {
        get leftFooter(): string {
          throw new FakeOfficeError("PropertyNotLoaded", "not loaded", "HeaderFooter.leftFooter");
        },
        set leftFooter(value: string) {
          change("HeaderFooter.leftFooter", value, (page) => (page.leftFooter = value));
        },
        get rightFooter(): string {
          throw new FakeOfficeError("PropertyNotLoaded", "not loaded", "HeaderFooter.rightFooter");
        },
        set rightFooter(value: string) {
          change("HeaderFooter.rightFooter", value, (page) => (page.rightFooter = value));
        },
      },
    };
  }

  setPrintTitleRows(rows: string): void {
    this.change("PageLayout.setPrintTitleRows", [rows], (page) => (page.printTitleRows = rows));
  }
}

class ChartProxy implements XlChart {
  model: FakeChart | null = null;
  /** The sheet of a chart got by name (Chart.delete needs it). */
  owner: (() => FakeSheet) | null = null;
  readonly title: { text: string };
  readonly series: XlChart["series"];
  readonly axes: XlChart["axes"];

  constructor(private readonly ctx: FakeContext) {
    const chart = (): FakeChart => {
      if (!this.model) throw new FakeOfficeError("InvalidOperation", "The chart was not added.", "Chart");
      return this.model;
    };
    this.title = {
      get text(): string {
        return chart().title;
      },
      set text(value: string) {
        ctx.enqueue("ChartTitle.text", value, () => {
          chart().title = value;
        });
      },
    };
    /** The series at `index` as the batch runs: Excel refuses an index past the chart's series. */
    const seriesAt = (index: number): FakeSeriesFormat => {
      const model = chart();
      if (index >= model.seriesCount) {
        throw new FakeOfficeError(
          "InvalidArgument",
          "The argument is invalid or missing.",
          "ChartSeriesCollection.getItemAt",
        );
      }
      return (model.seriesFormats[index] ??= {});
    };
    /** A property whose assignment is queued, as every Office.js property set is. */
    const queued = <T>(location: string, index: number, field: keyof FakeSeriesFormat) => ({
      get: (): T => chart().seriesFormats[index]?.[field] as T,
      set: (value: T) =>
        ctx.enqueue(location, [index, value], () => {
          (seriesAt(index) as Record<string, unknown>)[field] = value;
        }),
    });
    this.series = {
      getItemAt: (index) => {
        const line = {} as XlChartLineFormat;
        Object.defineProperties(line, {
          color: queued<string>("ChartLineFormat.color", index, "lineColor"),
          lineStyle: queued<string>("ChartLineFormat.lineStyle", index, "lineStyle"),
          weight: queued<number>("ChartLineFormat.weight", index, "lineWeight"),
        });
        const series = {
          format: {
            fill: {
              setSolidColor: (colour: string) =>
                ctx.enqueue("ChartFill.setSolidColor", [index, colour], () => {
                  seriesAt(index);
                  chart().seriesColours[index] = colour;
                }),
            },
            line,
          },
        } as XlChartSeries;
        Object.defineProperties(series, {
          markerStyle: queued<string>("ChartSeries.markerStyle", index, "markerStyle"),
          markerBackgroundColor: queued<string>("ChartSeries.markerBackgroundColor", index, "markerBackgroundColor"),
          markerForegroundColor: queued<string>("ChartSeries.markerForegroundColor", index, "markerForegroundColor"),
          markerSize: queued<number>("ChartSeries.markerSize", index, "markerSize"),
        });
        return series;
      },
    };
    const axis = {} as XlChart["axes"]["valueAxis"];
    for (const field of ["minimum", "maximum", "majorUnit", "numberFormat"] as const) {
      Object.defineProperty(axis, field, {
        get: () => chart().valueAxis[field],
        set: (value: unknown) =>
          ctx.enqueue(`ChartAxis.${field}`, value, () => {
            (chart().valueAxis as Record<string, unknown>)[field] = value;
          }),
      });
    }
    this.axes = { valueAxis: axis };
  }

  get name(): string {
    return this.model?.name ?? "";
  }

  set name(value: string) {
    this.ctx.enqueue("Chart.name", value, () => {
      if (this.model) this.model.name = value;
    });
  }

  delete(): void {
    this.ctx.enqueue("Chart.delete", [], () => {
      const sheet = this.owner?.();
      if (!this.model || !sheet)
        throw new FakeOfficeError("InvalidOperation", "The chart was not found.", "Chart.delete");
      sheet.charts.splice(sheet.charts.indexOf(this.model), 1);
    });
  }

  setPosition(startCell: string, endCell?: string): void {
    this.ctx.enqueue("Chart.setPosition", [startCell, endCell], () => {
      if (this.model) this.model.position = endCell === undefined ? startCell : `${startCell}:${endCell}`;
    });
  }
}

// ---------------------------------------------------------------- helpers

const WHOLE_SHEET: CellRange = { row: 0, col: 0, rows: 1_048_576, cols: MAX_COLS };

function key(row: number, col: number): number {
  return row * MAX_COLS + col;
}

function contains(range: CellRange, row: number, col: number): boolean {
  return row >= range.row && row < range.row + range.rows && col >= range.col && col < range.col + range.cols;
}

/** `a` less the cells of `b`, as up to four rectangles (how Excel trims a rule's range on "clear rules"). */
function subtract(a: CellRange, b: CellRange): CellRange[] {
  const top = Math.max(a.row, b.row);
  const bottom = Math.min(a.row + a.rows, b.row + b.rows);
  const left = Math.max(a.col, b.col);
  const right = Math.min(a.col + a.cols, b.col + b.cols);
  if (top >= bottom || left >= right) return [a];
  const parts: CellRange[] = [];
  if (a.row < top) parts.push({ row: a.row, col: a.col, rows: top - a.row, cols: a.cols });
  if (bottom < a.row + a.rows) parts.push({ row: bottom, col: a.col, rows: a.row + a.rows - bottom, cols: a.cols });
  if (a.col < left) parts.push({ row: top, col: a.col, rows: bottom - top, cols: left - a.col });
  if (right < a.col + a.cols) parts.push({ row: top, col: right, rows: bottom - top, cols: a.col + a.cols - right });
  return parts;
}

function grid<T>(range: CellRange, cell: (row: number, col: number) => T): T[][] {
  return Array.from({ length: range.rows }, (_, r) =>
    Array.from({ length: range.cols }, (_, c) => cell(range.row + r, range.col + c)),
  );
}

/** A 2-D array fills the range cell by cell (null skips); a single value goes into every cell. */
function enterAll(
  sheet: FakeSheet,
  range: CellRange,
  input: unknown,
  convert: (value: unknown, row: number, col: number) => unknown,
): void {
  if (Array.isArray(input)) {
    if (input.length !== range.rows || input.some((row) => !Array.isArray(row) || row.length !== range.cols)) {
      throw new FakeOfficeError(
        "InvalidArgument",
        "The number of rows or columns in the input array doesn't match the size of the range.",
        "Range",
      );
    }
  }
  for (let r = 0; r < range.rows; r += 1) {
    for (let c = 0; c < range.cols; c += 1) {
      const raw = Array.isArray(input) ? (input[r] as unknown[])[c] : input;
      if (raw === null) continue;
      sheet.enter(range.row + r, range.col + c, convert(raw, range.row + r, range.col + c));
    }
  }
}

export function byteLength(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

export function letters(col: number): string {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function rangeA1(range: CellRange): string {
  const first = `${letters(range.col)}${range.row + 1}`;
  if (range.rows === 1 && range.cols === 1) return first;
  return `${first}:${letters(range.col + range.cols - 1)}${range.row + range.rows}`;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** "B3", "B3:D10", or whole columns "C:E" (to the last row Excel has). */
export function parseA1(address: string): CellRange {
  const whole = /^([A-Z]+):([A-Z]+)$/i.exec(address);
  if (whole) {
    const from = columnNumber(whole[1]);
    return { row: 0, col: from, rows: 1_048_576, cols: columnNumber(whole[2]) - from + 1 };
  }
  const [a, b = a] = address.split(":");
  const p = /^([A-Z]+)(\d+)$/i.exec(a);
  const q = /^([A-Z]+)(\d+)$/i.exec(b);
  if (!p || !q) throw new FakeOfficeError("InvalidArgument", `Bad address ${address}`, "Worksheet.getRange");
  const row = Number(p[2]) - 1;
  const col = columnNumber(p[1]);
  return { row, col, rows: Number(q[2]) - row, cols: columnNumber(q[1]) - col + 1 };
}

function columnNumber(text: string): number {
  let n = 0;
  for (const ch of text.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

/**
 * R1C1 back to A1 for the cell at (row, col), written independently of the host's converter so the
 * tests check one against the other. Handles R[n]C[m] / RnCm cells and C[..]:C[..] / R[..]:R[..] spans;
 * strings and names pass through.
 */
export function r1c1ToA1(formula: string, row: number, col: number): string {
  const part = (text: string | undefined, base: number): { index: number; absolute: boolean } => {
    if (text === undefined || text === "") return { index: base, absolute: false };
    if (text.startsWith("[")) return { index: base + Number(text.slice(1, -1)), absolute: false };
    return { index: Number(text) - 1, absolute: true };
  };
  const rowText = (p: { index: number; absolute: boolean }) => `${p.absolute ? "$" : ""}${p.index + 1}`;
  const colText = (p: { index: number; absolute: boolean }) => `${p.absolute ? "$" : ""}${letters(p.index)}`;
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((piece, i) =>
      i % 2 === 1
        ? piece
        : piece
            .replace(
              /(?<![A-Za-z0-9_.])C(\[-?\d+\]|\d+)?:C(\[-?\d+\]|\d+)?(?![A-Za-z0-9_([])/g,
              (_m, a?: string, b?: string) => `${colText(part(a, col))}:${colText(part(b, col))}`,
            )
            .replace(
              /(?<![A-Za-z0-9_.])R(\[-?\d+\]|\d+)?:R(\[-?\d+\]|\d+)?(?![A-Za-z0-9_([])/g,
              (_m, a?: string, b?: string) => `${rowText(part(a, row))}:${rowText(part(b, row))}`,
            )
            .replace(
              /(?<![A-Za-z0-9_.])R(\[-?\d+\]|\d+)?C(\[-?\d+\]|\d+)?(?![A-Za-z0-9_([])/g,
              (_m, r?: string, c?: string) => `${colText(part(c, col))}${rowText(part(r, row))}`,
            ),
    )
    .join("");
}
